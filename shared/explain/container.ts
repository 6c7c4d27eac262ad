/** Explanations for a path inside one container: dispatches to the topic modules. */
import type { ContainerView, PodView, ProbeKind } from '../model';
import { explainCgroups } from './cgroupLines';
import { explainEnv, explainEnvFrom } from './env';
import { explainImage, explainPullPolicy, pullPolicyLine } from './image';
import { explainProbe } from './probes';
import { explainContainerResources, explainPartialResources, explainPodResources, quantityLine } from './resources';
import { containerRoleLine } from './restart';
import { explainHook, explainTermination } from './termination';
import { code, joinAnd } from './text';

const PROBES: readonly string[] = ['livenessProbe', 'readinessProbe', 'startupProbe'];

function portUsers(c: ContainerView, name: string | undefined, number: number | undefined): string[] {
  const users: string[] = [];
  for (const kind of PROBES) {
    const probe = c[kind as ProbeKind];
    const port = probe?.handlers[0]?.port;
    if (port?.kind === 'value' && (port.value === name || port.value === number)) users.push(code(kind));
  }
  return users;
}

function explainPort(c: ContainerView, index: number): string[] {
  const p = c.ports.find((x) => x.index === index);
  if (!p) return [];
  const name = p.name.kind === 'value' ? p.name.value : undefined;
  const number = p.containerPort.kind === 'value' ? p.containerPort.value : undefined;
  const protocol = p.protocol.kind === 'value' ? p.protocol.value : 'TCP (default)';
  const users = portUsers(c, name, number);
  return [
    `${code(number ?? '?')}/${protocol}${name ? ` named ${code(name)}` : ''}: informational; the process listens whatever is declared here.`,
    ...(users.length ? [`Used by ${joinAnd(users)}.`] : []),
  ];
}

function explainMount(pod: PodView, c: ContainerView, index: number): string[] {
  const m = c.volumeMounts.find((x) => x.index === index);
  const name = m?.name.kind === 'value' ? m.name.value : undefined;
  if (!m || name === undefined) return [];
  const volume = pod.volumes.find((v) => v.name.kind === 'value' && v.name.value === name);
  const at = m.mountPath.kind === 'value' ? ` at ${code(m.mountPath.value)}` : '';
  if (!volume)
    return [`Mounts ${code(name)}${at}, but the pod has **no volume named ${code(name)}**: the API server rejects it.`];
  const source = volume.sources[0]?.type;
  return [
    `Mounts volume ${code(name)}${source ? ` (${source})` : ''}${at}${m.readOnly.kind === 'value' && m.readOnly.value ? ', read-only' : ''}.`,
  ];
}

/** `sub` is the path below the container item (`['image']`, `['resources', 'limits', 'cpu']`, ...). */
export function explainContainerPath(
  pod: PodView,
  c: ContainerView,
  sub: readonly (string | number)[],
  partial = false,
): string[] {
  const [head, second, third] = sub;
  switch (head) {
    case undefined:
    case 'name':
      return [containerRoleLine(pod, c), ...explainImage(c).slice(0, 1), pullPolicyLine(c)];
    case 'image':
      return explainImage(c);
    case 'imagePullPolicy':
      return explainPullPolicy(c);
    case 'restartPolicy':
      return c.list === 'initContainers' && c.role !== 'sidecar'
        ? [`Only ${code('Always')} is allowed here: it makes this init container a native sidecar.`]
        : [containerRoleLine(pod, c)];
    case 'resources': {
      const entry =
        typeof second === 'string' && typeof third === 'string'
          ? c.resources[second as 'requests' | 'limits']?.entries.get(third)
          : undefined;
      const quantity = entry?.kind === 'value' ? [quantityLine(third as string, entry.value)] : [];
      if (partial) return [...quantity, ...explainPartialResources(c)];
      if (entry?.kind === 'value') {
        const focus = { list: second as 'requests' | 'limits', name: third as string };
        return [...quantity, ...explainCgroups(pod, c, focus), ...explainPodResources(pod)];
      }
      return [...explainContainerResources(pod, c), ...explainCgroups(pod, c)];
    }
    case 'livenessProbe':
    case 'readinessProbe':
    case 'startupProbe': {
      const probe = c[head];
      return probe ? explainProbe(pod, c, probe) : [];
    }
    case 'lifecycle': {
      const hook = second === 'postStart' || second === 'preStop' ? c.lifecycle[second] : undefined;
      return hook ? explainHook(pod, c, hook) : explainTermination(pod, c);
    }
    case 'env':
      return explainEnv(pod, c, typeof second === 'number' ? c.env.find((e) => e.index === second) : undefined);
    case 'envFrom': {
      const e = typeof second === 'number' ? c.envFrom.find((x) => x.index === second) : undefined;
      return e ? explainEnvFrom(pod, e) : explainEnv(pod, c);
    }
    case 'ports':
      return typeof second === 'number' ? explainPort(c, second) : [];
    case 'volumeMounts':
      return typeof second === 'number' ? explainMount(pod, c, second) : [];
    default:
      return [];
  }
}
