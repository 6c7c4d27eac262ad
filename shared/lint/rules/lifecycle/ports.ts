/**
 * port-conflict and duplicate-container-port. All containers of a pod share one network namespace, so a port
 * can be bound by one process only. The API server merely warns about repeated container ports
 * (pkg/api/pod/warnings.go: "duplicate port definition", "overlapping port definition"; Kubernetes v1.36 validation.go
 * and §7); repeated host ports are an API error and belong to the api-validation family (host-port-conflict),
 * including the host ports that hostNetwork defaulting fills in, so those pairs are not warned about here.
 */
import type { ContainerView, PodView, PortView } from '../../../model';
import type { Rule } from '../../types';
import { defaultsHostPorts } from '../api/ports';
import { allContainers, capitalize, concurrentContainers, describeContainer } from './_helpers/containers';

interface DeclaredPort {
  container: ContainerView;
  port: PortView;
  number: number;
  protocol: string;
  hostPort: number;
  hostIP: string;
}

/**
 * Ports with a known number, protocol defaulted to TCP (SetDefaults_ContainerPort), and hostPort as validation
 * sees it: the containerPort when hostNetwork defaulting fills an unset one in.
 */
function declared(c: ContainerView, pod: PodView): DeclaredPort[] {
  const defaulting = defaultsHostPorts(pod);
  const out: DeclaredPort[] = [];
  for (const port of c.ports) {
    if (port.containerPort.kind !== 'value') continue;
    const protocol = port.protocol.kind === 'value' && port.protocol.value ? port.protocol.value : 'TCP';
    if (port.protocol.kind === 'template' || port.protocol.kind === 'invalid') continue;
    out.push({
      container: c,
      port,
      number: port.containerPort.value,
      protocol,
      hostPort: writtenHostPort(port) || (defaulting ? port.containerPort.value : 0),
      hostIP: port.hostIP.kind === 'value' ? port.hostIP.value : '',
    });
  }
  return out;
}

function writtenHostPort(port: PortView): number {
  return port.hostPort.kind === 'value' ? port.hostPort.value : 0;
}

/** The same non-zero host port on the same address: an API error (host-port-conflict), not a warning. */
function sameHostPort(a: DeclaredPort, b: DeclaredPort): boolean {
  return a.hostPort !== 0 && a.hostPort === b.hostPort && a.hostIP === b.hostIP;
}

function rangeOf(p: DeclaredPort) {
  return p.port.containerPort.kind === 'value' ? p.port.containerPort.range : p.port.range;
}

export const duplicateContainerPort: Rule = {
  meta: {
    id: 'duplicate-container-port',
    family: 'lifecycle',
    severity: 'warning',
    summary: 'A container declares the same port and protocol twice (the API server only warns).',
  },
  check(ctx) {
    const pod = ctx.pod;
    if (!pod) return;
    for (const c of allContainers(pod)) {
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

export const portConflict: Rule = {
  meta: {
    id: 'port-conflict',
    family: 'lifecycle',
    severity: 'warning',
    summary: 'Two containers that run together declare the same port in the pod’s shared network namespace.',
  },
  check(ctx) {
    if (!ctx.pod) return;
    const first = new Map<string, DeclaredPort>();
    for (const c of concurrentContainers(ctx.pod)) {
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
