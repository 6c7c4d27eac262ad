/**
 * duplicate-container-port: the same container port declared twice. All containers of a pod share one network
 * namespace; the API server merely warns (pkg/api/pod/warnings.go: "duplicate port definition", Kubernetes v1.36).
 */
import { resolvePod } from '../../../model';
import type { Rule } from '../../types';
import { capitalize, describeContainer } from './_helpers/containers';
import { type DeclaredPort, declared, rangeOf } from './_helpers/declaredPorts';

export const duplicateContainerPortRule: Rule = {
  meta: {
    id: 'duplicate-container-port',
    family: 'lifecycle',
    severity: 'warning',
    summary: 'A container declares the same port and protocol twice (the API server only warns).',
  },
  check(ctx) {
    const pod = ctx.pod;
    if (!pod) return;
    for (const c of resolvePod(pod).views) {
      const seen: DeclaredPort[] = [];
      for (const p of declared(c, pod)) {
        const prev = seen.find((s) => s.number === p.number && s.protocol === p.protocol && clash(s, p));
        seen.push(p);
        if (!prev) continue;
        const kind = clash(prev, p);
        ctx.report({
          path: [...p.port.path, 'containerPort'],
          range: rangeOf(p),
          message: `Port ${p.number}/${p.protocol} is declared again (ports[${prev.port.index}])`,
          detail:
            `${capitalize(describeContainer(c))} declares port ${p.number}/${p.protocol} again (ports[${prev.port.index}]): ` +
            `the API server accepts it with a warning ("${kind} port definition"). Remove the repeated entry, ` +
            'or give it a distinct port or protocol.',
          related: [{ range: rangeOf(prev), message: `first declaration of ${p.number}/${p.protocol}` }],
        });
      }
    }
  },
};

/**
 * How two declarations of one containerPort/protocol relate, in warnings.go's terms; undefined when they are a
 * legitimate pair (distinct host ports) or an API error (the same non-zero host port).
 */
function clash(a: DeclaredPort, b: DeclaredPort): 'duplicate' | 'overlapping' | 'dangerously ambiguous' | undefined {
  if (a.hostPort === 0 && b.hostPort === 0) return a.hostIP === b.hostIP ? 'duplicate' : 'overlapping';
  if (a.hostPort === 0 || b.hostPort === 0) return 'overlapping';
  if (a.hostPort === b.hostPort && (a.hostIP === '') !== (b.hostIP === '')) return 'dangerously ambiguous';
  return undefined;
}
