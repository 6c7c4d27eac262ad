/** Restart decisions shared by the kubelet logic and the status it publishes. */
import { policyRestarts } from '../status/phase';
import type { ContainerState, PodSpecResolved, SimState } from '../types';

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
  const role = spec.containers[key]?.role;
  if (role === 'sidecar') return true;
  if (role === 'init') return inst.exitCode !== 0 && spec.restartPolicy !== 'Never';
  return policyRestarts(spec.restartPolicy, inst.exitCode);
}
