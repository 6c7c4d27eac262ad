/**
 * The feature gates whose state changes what the API server accepts in a pod spec or what the kubelet does with
 * a pod, per minor, as pkg/features/kube_features.go declares them (v1.36; each entry: from this minor, default
 * on/off, stage).
 * A gate locked at GA cannot be turned off; before its first entry the gate does not exist (off).
 */
import { gateOverride, minorAtLeast } from './reads';
import type { KubernetesTarget } from './target';

export type GateStage = 'alpha' | 'beta' | 'ga';

/** [from minor, on by default, stage, locked to default]. */
type GateStep = readonly [number, boolean, GateStage, boolean?];

const GATES: Readonly<Record<string, readonly GateStep[]>> = {
  // KEP-753, native sidecars: an init container with restartPolicy Always.
  SidecarContainers: [
    [28, false, 'alpha'],
    [29, true, 'beta'],
    [33, true, 'ga', true],
  ],
  // KEP-3960, the sleep lifecycle handler.
  PodLifecycleSleepAction: [
    [29, false, 'alpha'],
    [30, true, 'beta'],
    [34, true, 'ga', true],
  ],
  // KEP-4639, image volumes.
  ImageVolume: [
    [31, false, 'alpha'],
    [33, false, 'beta'],
    [35, true, 'beta'],
  ],
  // KEP-2837, pod-level resources.
  PodLevelResources: [
    [32, false, 'alpha'],
    [34, true, 'beta'],
  ],
  // KEP-1287, in-place resize (resizePolicy).
  InPlacePodVerticalScaling: [
    [27, false, 'alpha'],
    [33, true, 'beta'],
    [35, true, 'ga', true],
  ],
  // KEP-3619, supplementalGroupsPolicy in the pod securityContext.
  SupplementalGroupsPolicy: [
    [31, false, 'alpha'],
    [33, true, 'beta'],
    [35, true, 'ga', true],
  ],
  // KEP-4960, container stop signals.
  ContainerStopSignals: [[33, false, 'alpha']],
  // KEP-3085, the kubelet's PodReadyToStartContainers condition (PodHasNetworkCondition before v1.28).
  PodReadyToStartContainersCondition: [
    [28, false, 'alpha'],
    [29, true, 'beta'],
  ],
  // KEP-4603, crash-loop back-off from 1 s to at most 60 s instead of 10 s to 300 s.
  ReduceDefaultCrashLoopBackOffDecay: [[33, false, 'alpha']],
  // KEP-5307, container restart rules: restartPolicy on regular containers, restartPolicyRules.
  ContainerRestartRules: [
    [34, false, 'alpha'],
    [35, true, 'beta'],
  ],
};

export interface GateState {
  enabled: boolean;
  /** Undefined when the gate does not exist yet in the target's minor. */
  stage?: GateStage;
  /** The minor from which the gate is on by default, if it ever is. */
  onByDefaultFrom?: number;
}

/** True for a gate this table follows; the stage of any other comes from upstream descriptions alone. */
export function isKnownGate(gate: string): boolean {
  return Object.hasOwn(GATES, gate);
}

/**
 * Whether a gate is on in the target: the target's featureGates override the minor's default unless the gate is
 * locked at GA there.
 * @example
 *   gateState({ minor: 29, featureGates: {} }, 'PodLifecycleSleepAction') // { enabled: false, stage: 'alpha', onByDefaultFrom: 30 }
 */
export function gateState(target: KubernetesTarget, gate: string): GateState {
  const steps = Object.hasOwn(GATES, gate) ? (GATES[gate] as readonly GateStep[]) : [];
  const onByDefaultFrom = steps.find((s) => s[1])?.[0];
  // Steps are in minor order: comparing from the oldest records the interval of minors with the same step.
  let step: GateStep | undefined;
  for (const s of steps) {
    if (!minorAtLeast(target, s[0])) break;
    step = s;
  }
  if (!step) return { enabled: false, ...(onByDefaultFrom !== undefined && { onByDefaultFrom }) };
  const [, byDefault, stage, locked] = step;
  const set = locked ? undefined : gateOverride(target, gate);
  const enabled = set === undefined ? byDefault : set;
  return { enabled, stage, ...(onByDefaultFrom !== undefined && { onByDefaultFrom }) };
}

/** Whether the gate is on in the target (see gateState). */
export function enabled(target: KubernetesTarget, gate: string): boolean {
  return gateState(target, gate).enabled;
}
