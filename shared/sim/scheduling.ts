/**
 * The scheduling facts around the resolved pod: the node's labels and taints (assumptions the scenario can
 * change), scheduling gates, and the placement filters that run before the resource fit.
 */
import type { PodView } from '../model/types';
import { formatPath } from '../util/range';
import type { Assumptions as InferredAssumptions } from './infer/scenario';
import { type NodeTaint, placementFailure } from './placement';
import type { Scenario, SimError } from './scenario';
import { fitErrorMessage } from './scheduler';
import type { PodSpecResolved } from './types';

/** The effective scenario, with the node's labels and taints. */
export type Assumptions = InferredAssumptions & {
  node: InferredAssumptions['node'] & { labels: Record<string, string>; taints: NodeTaint[] };
};

/** The API server's condition message for a gated pod (pkg/registry/core/pod/strategy.go, v1.36). */
export const GATED_MESSAGE = 'Scheduling is blocked due to non-empty scheduling gates';

/** The well-known labels the kubelet sets on its Node object (kubelet_node_status.go, v1.36). */
function defaultLabels(nodeName: string): Record<string, string> {
  return { 'kubernetes.io/arch': 'amd64', 'kubernetes.io/hostname': nodeName, 'kubernetes.io/os': 'linux' };
}

/**
 * Completes the node assumptions and decides whether the scheduler places the pod at all.
 * @example applyScheduling(pod, {}, resolved) // gated: spec.unschedulable.reason === 'SchedulingGated'
 */
export function applyScheduling(
  pod: PodView,
  scenario: Scenario,
  resolved: { spec: PodSpecResolved; assumptions: InferredAssumptions },
): { spec: PodSpecResolved; assumptions: Assumptions } | { errors: SimError[] } {
  const { spec } = resolved;
  const notes = resolved.assumptions.notes;
  const scheduling = pod.scheduling;
  const gates = scheduling?.schedulingGates ?? [];
  if (gates.length > 0 && spec.boundByHand) {
    const field = `${formatPath(pod.specPath)}.nodeName`;
    return { errors: [{ field, message: 'Forbidden: cannot be set until all schedulingGates have been removed' }] };
  }
  const nodeName = resolved.assumptions.node.name;
  const labels = scenario.node?.labels ?? defaultLabels(nodeName);
  const taints: NodeTaint[] = (scenario.node?.taints ?? []).map((t) => ({ ...t }));
  const selects = scheduling && (scheduling.nodeSelector.size > 0 || scheduling.requiredNodeAffinity);
  if (!scenario.node?.labels && selects) {
    const text = Object.entries(labels).map(([k, v]) => `${k}=${v}`);
    notes['node.labels'] = `default: the node's well-known labels only: ${text.join(', ')}`;
  }
  if (!scenario.node?.taints && (scheduling?.tolerations.length ?? 0) > 0) notes['node.taints'] = 'default: no taints';
  const assumptions: Assumptions = {
    ...resolved.assumptions,
    node: { ...resolved.assumptions.node, labels, taints },
  };
  if (gates.length > 0) {
    const ranges = scheduling?.schedulingGatesRange ? [scheduling.schedulingGatesRange] : [];
    notes.schedulingGates = `assumed: the gates (${gates.map((g) => g.name).join(', ')}) are never removed`;
    return {
      spec: { ...spec, unschedulable: { message: GATED_MESSAGE, ranges, reason: 'SchedulingGated' } },
      assumptions,
    };
  }
  if (spec.boundByHand) return { spec, assumptions };
  const failure = placementFailure(scheduling, { name: nodeName, labels, taints });
  if (!failure) return { spec, assumptions };
  const unschedulable = { message: fitErrorMessage([failure.reason]), ranges: failure.ranges };
  return { spec: { ...spec, unschedulable }, assumptions };
}
