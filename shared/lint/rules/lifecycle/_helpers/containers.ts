/**
 * Shared wording and anchors for lifecycle rules: how to name a container, where a finding about it points, and the
 * pod restart policy a prediction holds under.
 */
import type { RestartPolicy } from '../../../../k8s';
import { type ContainerView, type PodView, resolvePod } from '../../../../model';
import type { Range } from '../../../../util/range';

/** `container "web"`, `init container "setup"`, `sidecar "proxy"`, or the list position when unnamed. */
export function describeContainer(c: ContainerView): string {
  const noun = c.role === 'regular' ? 'container' : c.role === 'sidecar' ? 'sidecar' : 'init container';
  return c.name.kind === 'value' ? `${noun} "${c.name.value}"` : `${noun} ${c.list}[${c.index}]`;
}

/** The text with its first letter in upper case, for messages that start with a container's description. */
export function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Where a finding about a whole container goes: its name, else its image, else the list item. */
export function containerAnchor(c: ContainerView): { range: Range; path: (string | number)[] } {
  if (c.name.kind !== 'absent') return { range: c.name.range, path: [...c.path, 'name'] };
  if (c.image.kind !== 'absent') return { range: c.image.range, path: [...c.path, 'image'] };
  return { range: c.range, path: [...c.path] };
}

/**
 * The pod's restartPolicy after API defaulting (`Always` when unset or empty); undefined when it is a template
 * or a value the API server rejects (an unknown policy, `Always` on a Job), where no prediction holds.
 */
export function podRestartPolicy(pod: PodView): RestartPolicy | undefined {
  const effective = resolvePod(pod).restartPolicy;
  return effective.note ? undefined : effective.policy;
}

/** Pods that are meant to keep running and serve: not Jobs, and restartPolicy Always. */
export function isLongRunning(pod: PodView): boolean {
  return pod.workload !== 'Job' && pod.workload !== 'CronJob' && podRestartPolicy(pod) === 'Always';
}
