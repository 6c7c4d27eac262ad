/**
 * missing-resources and missing-memory-limit, for containers that keep running (regular containers and native
 * sidecars). Requests are what the scheduler places the pod by; without any, the pod is BestEffort and the
 * first to be evicted under node pressure. A memory limit is the only bound on a container's memory: without
 * one it can take all free memory of the node (the Kubernetes v1.36 kubelet on QoS classes). A namespace LimitRange can
 * default both, which a manifest linter cannot see.
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
