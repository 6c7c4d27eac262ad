/**
 * Whether a container or the pod sets any requests or limits (pod-level resources cover every container).
 */
import type { ContainerView, PodView } from '../../../../model';

export const CORE = ['cpu', 'memory'];

export function hasAny(c: ContainerView): boolean {
  const { requests, limits } = c.resources;
  return CORE.some((r) => requests.entries.has(r) || limits.entries.has(r));
}

/** Pod-level resources (spec.resources, 1.32+) bound every container that sets none of its own. */
export function hasPodLevelResources(pod: PodView): boolean {
  return pod.resources.requests.entries.size > 0 || pod.resources.limits.entries.size > 0;
}
