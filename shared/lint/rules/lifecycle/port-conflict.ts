/**
 * port-conflict: two containers of one pod declaring the same port, which only one process can bind, since all
 * containers share one network namespace. The API server merely warns (pkg/api/pod/warnings.go: "duplicate port
 * definition", "overlapping port definition"; Kubernetes v1.36); repeated host ports are an API error
 * (host-port-conflict), including the host ports that hostNetwork defaulting fills in, so those pairs are not
 * warned about here.
 */
import { resolvePod } from '../../../model';
import type { Rule } from '../../types';
import { capitalize, describeContainer } from './_helpers/containers';
import { type DeclaredPort, declared, rangeOf } from './_helpers/declaredPorts';

/** The same non-zero host port on the same address: an API error (host-port-conflict), not a warning. */
function sameHostPort(a: DeclaredPort, b: DeclaredPort): boolean {
  return a.hostPort !== 0 && a.hostPort === b.hostPort && a.hostIP === b.hostIP;
}

export const portConflictRule: Rule = {
  meta: {
    id: 'port-conflict',
    family: 'lifecycle',
    severity: 'warning',
    summary: 'Two containers that run together declare the same port in the pod’s shared network namespace.',
  },
  check(ctx) {
    if (!ctx.pod) return;
    const first = new Map<string, DeclaredPort>();
    for (const c of resolvePod(ctx.pod).longRunning) {
      const own = new Set<string>();
      for (const p of declared(c, ctx.pod)) {
        const key = `${p.number}/${p.protocol}`;
        const prev = first.get(key);
        if (!prev) first.set(key, p);
        else if (prev.container !== c && !own.has(key) && !sameHostPort(prev, p)) {
          ctx.report({
            path: [...p.port.path, 'containerPort'],
            range: rangeOf(p),
            message: `Port ${key} is also declared by another container: only one can bind it`,
            detail:
              `${capitalize(describeContainer(c))} and ${describeContainer(prev.container)} both declare port ${key}. ` +
              'Containers of a pod share one network namespace (one IP, one port space), so only one process can bind it; the other fails with \'address already in use\' and usually exits, which under restartPolicy Always means CrashLoopBackOff. The API server only warns ("duplicate port definition").',
            related: [{ range: rangeOf(prev), message: `${key} declared by ${describeContainer(prev.container)}` }],
          });
        }
        own.add(key);
      }
    }
  },
};
