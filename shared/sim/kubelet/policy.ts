/** Restart decisions shared by the kubelet logic and the status it publishes. */
import { policyRestarts } from '../status/phase';
import type { ContainerSpec, ContainerState, PodSpecResolved, RestartPolicy, SimState } from '../types';

/** ContainerShouldRestart (pkg/api/v1/pod/util.go): the container's own restartPolicy first, then the pod's. */
export const policyOf = (spec: PodSpecResolved, c: ContainerSpec | undefined): RestartPolicy =>
  c?.restartPolicy ?? spec.restartPolicy;

/** The container has a live runtime instance (created and not exited). */
export const alive = (cs: ContainerState) => cs.instance !== null && cs.instance.finishedAt === null;

/**
 * Would the kubelet start this exited container again (computePodActions / computeInitContainerActions)?
 * Never while the pod is being stopped; sidecars always; init containers only after a failure.
 * @example shouldRestart(spec, state, 0) // true for a crashed container under restartPolicy Always
 */
export function shouldRestart(spec: PodSpecResolved, s: SimState, key: number): boolean {
  const inst = s.containers[key]?.instance;
  if (s.pod.stopping || !inst || inst.exitCode === null) return false;
  const c = spec.containers[key];
  // A sidecar restarts until the regular containers are done for good: then the pod is terminal and the kubelet
  // stops its sidecars instead (kuberuntime_manager.go computePodActions, v1.36).
  if (c?.role === 'sidecar') return !regularContainersDone(spec, s);
  if (c?.role === 'init') return inst.exitCode !== 0 && policyOf(spec, c) !== 'Never';
  return policyRestarts(policyOf(spec, c), inst.exitCode);
}

/** Every regular container has exited and its restart policy will not start it again. */
function regularContainersDone(spec: PodSpecResolved, s: SimState): boolean {
  return spec.containers.every((c, key) => {
    if (c.role !== 'regular') return true;
    const exitCode = s.containers[key]?.instance?.exitCode;
    return exitCode !== null && exitCode !== undefined && !policyRestarts(policyOf(spec, c), exitCode);
  });
}
