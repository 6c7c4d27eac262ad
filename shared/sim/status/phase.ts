/** The pod phase from the published container statuses: `getPhase` (pkg/kubelet/kubelet_pods.go, v1.35). */
import type { ContainerSnapshot, PodPhase, RestartPolicy } from '../types';

/** `ContainerShouldRestart` with no per-container rules: the pod's restartPolicy decides. */
export function policyRestarts(policy: RestartPolicy, exitCode: number): boolean {
  return policy === 'Always' || (policy === 'OnFailure' && exitCode !== 0);
}

export interface PhaseInput {
  initContainers: readonly ContainerSnapshot[];
  containers: readonly ContainerSnapshot[];
  restartPolicy: RestartPolicy;
  /** Containers with their own restartPolicy (ContainerRestartRules), by name. */
  containerPolicies?: Readonly<Record<string, RestartPolicy>>;
  /** The kubelet is finishing the pod (deleted, or all containers done): no restarts will follow. */
  podIsTerminal: boolean;
  /** HasAnyActiveRegularContainerStarted: a restarting sidecar no longer sends the pod back to Pending. */
  podHasInitialized: boolean;
}

/**
 * @example
 *   getPhase({ initContainers: [], containers: [exitedWith1], restartPolicy: 'Never', ... }) // 'Failed'
 */
export function getPhase(p: PhaseInput): PodPhase {
  let pendingRegularInit = 0;
  let pendingSidecars = 0;
  let failedInitNotRestartable = 0;
  let unknown = 0;
  let running = 0;
  let waiting = 0;
  let stopped = 0;
  let stoppedNotRestartable = 0;
  let succeeded = 0;

  for (const c of p.initContainers) {
    if (c.type === 'sidecar') {
      if (c.state === null) {
        pendingSidecars++;
        unknown++;
      } else if (c.state === 'running') {
        if (!c.started) pendingSidecars++;
        running++;
      } else if (c.state === 'waiting' && !c.lastState) {
        pendingSidecars++;
        waiting++;
      }
      // Terminated sidecars, or waiting after a termination, do not count toward the phase.
      continue;
    }
    const exit = c.state === 'terminated' ? c.exitCode : c.state === 'waiting' ? c.lastState?.exitCode : undefined;
    if (c.state === null || c.state === 'running' || (c.state === 'waiting' && !c.lastState)) pendingRegularInit++;
    else if (
      exit !== undefined &&
      exit !== null &&
      exit !== 0 &&
      !policyRestarts(p.containerPolicies?.[c.name] ?? p.restartPolicy, exit)
    ) {
      failedInitNotRestartable++;
    }
  }

  for (const c of p.containers) {
    if (c.state === null) unknown++;
    else if (c.state === 'running') running++;
    else if (c.state === 'terminated' || c.lastState) {
      stopped++;
      const exit = (c.state === 'terminated' ? c.exitCode : c.lastState?.exitCode) ?? 0;
      if (!policyRestarts(p.containerPolicies?.[c.name] ?? p.restartPolicy, exit)) stoppedNotRestartable++;
      if (c.state === 'terminated' && exit === 0) succeeded++;
    } else waiting++;
  }

  if (failedInitNotRestartable > 0) return 'Failed';
  if (pendingRegularInit > 0 || (pendingSidecars > 0 && !p.podHasInitialized) || waiting > 0) return 'Pending';
  if (running > 0 && unknown === 0) return 'Running';
  if (running === 0 && stopped > 0 && unknown === 0) {
    if (p.podIsTerminal) return stopped === succeeded ? 'Succeeded' : 'Failed';
    if (stopped !== stoppedNotRestartable) return 'Running';
    return stopped === succeeded ? 'Succeeded' : 'Failed';
  }
  return 'Pending';
}
