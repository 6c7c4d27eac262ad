/**
 * The kubelet-owned pod conditions, as pkg/kubelet/status/generate.go writes them at every status
 * generation: Initialized, ContainersReady, Ready (no readiness gates), PodReadyToStartContainers.
 */
import type { ConditionSnapshot, ConditionType, ContainerSnapshot, PodPhase } from '../types';

/** Go's `%s` of a []string: `[a b]`. */
const goList = (names: readonly string[]) => `[${names.join(' ')}]`;

function notReady(reason: string, parts: [string, string[]][]): ConditionSnapshot {
  const message = parts
    .filter(([, names]) => names.length > 0)
    .map(([label, names]) => `containers with ${label} status: ${goList(names)}`)
    .join(', ');
  return message ? { status: false, reason, message } : { status: false, reason };
}

/** GenerateContainersReadyCondition: sidecars (spec order) then regular containers (spec order). */
function containersReady(
  sidecars: readonly ContainerSnapshot[],
  regular: readonly ContainerSnapshot[],
  phase: PodPhase,
): ConditionSnapshot {
  const unknown: string[] = [];
  const unready: string[] = [];
  for (const c of [...sidecars, ...regular]) {
    if (c.state === null) unknown.push(c.name);
    else if (!c.ready) unready.push(c.name);
  }
  if (phase === 'Succeeded' && unknown.length === 0) return { status: false, reason: 'PodCompleted' };
  if (phase === 'Failed') return { status: false, reason: 'PodFailed' };
  if (unknown.length > 0 || unready.length > 0) {
    return notReady('ContainersNotReady', [
      ['unknown', unknown],
      ['unready', unready],
    ]);
  }
  return { status: true };
}

/** GeneratePodInitializedCondition: regular init containers ready (exit 0), sidecars started. */
function initialized(
  inits: readonly ContainerSnapshot[],
  regular: readonly ContainerSnapshot[],
  phase: PodPhase,
): ConditionSnapshot {
  const unknown: string[] = [];
  const incomplete: string[] = [];
  for (const c of inits) {
    if (c.state === null) unknown.push(c.name);
    else if (c.type === 'sidecar' ? !c.started : !c.ready) incomplete.push(c.name);
  }
  if (phase === 'Succeeded' && unknown.length === 0) return { status: true, reason: 'PodCompleted' };
  // HasAnyRegularContainerStarted: a running or terminated regular container proves initialization.
  if (regular.some((c) => c.state === 'running' || c.state === 'terminated')) return { status: true };
  if (unknown.length > 0 || incomplete.length > 0) {
    return notReady('ContainersNotInitialized', [
      ['unknown', unknown],
      ['incomplete', incomplete],
    ]);
  }
  return { status: true };
}

export interface ConditionInput {
  scheduled: boolean;
  unschedulableMessage?: string;
  /** Unschedulable (the scheduler's) or SchedulingGated (the API server's, on create). */
  unschedulableReason?: string;
  /** The kubelet has written a status (after scheduling and admission). */
  kubeletSynced: boolean;
  sandboxReady: boolean;
  /** PodReadyToStartContainersCondition (KEP-3085) is on in the target kubelet. */
  readyToStartCondition: boolean;
  phase: PodPhase;
  inits: readonly ContainerSnapshot[];
  regular: readonly ContainerSnapshot[];
}

/**
 * The conditions a `kubectl get pod -o yaml` would show.
 * @example podConditions(input).Ready // { status: false, reason: 'ContainersNotReady', message: 'containers with unready status: [app]' }
 */
export function podConditions(p: ConditionInput): Partial<Record<ConditionType, ConditionSnapshot>> {
  if (!p.scheduled) {
    return p.unschedulableMessage
      ? {
          PodScheduled: {
            status: false,
            reason: p.unschedulableReason ?? 'Unschedulable',
            message: p.unschedulableMessage,
          },
        }
      : {};
  }
  if (!p.kubeletSynced) return { PodScheduled: { status: true } };
  const ready = containersReady(
    p.inits.filter((c) => c.type === 'sidecar'),
    p.regular,
    p.phase,
  );
  return {
    ...(p.readyToStartCondition && { PodReadyToStartContainers: { status: p.sandboxReady } }),
    Initialized: initialized(p.inits, p.regular, p.phase),
    // GeneratePodReadyCondition copies ContainersReady when it is not True (no readiness gates modelled).
    Ready: { ...ready },
    ContainersReady: ready,
    PodScheduled: { status: true },
  };
}
