/**
 * The scheduler's placement filters other than resources, on the one simulated node, in the default
 * profile's filter order (pkg/scheduler/apis/config/v1/default_plugins.go, v1.36): TaintToleration, then
 * NodeAffinity. The first failing filter names the node's reason, as framework.RunFilterPlugins stops there.
 */
import type {
  NodeSelectorRequirement,
  NodeSelectorTermView,
  SchedulingView,
  TolerationView,
} from '../model/schedulingView';
import type { Range } from '../util/range';

export interface NodeTaint {
  key: string;
  value?: string;
  effect: string;
}

export interface NodeFacts {
  name: string;
  labels: Record<string, string>;
  taints: NodeTaint[];
}

/** Why the node is filtered out, in the plugin's wording, with the manifest ranges responsible. */
export interface PlacementFailure {
  reason: string;
  ranges: Range[];
}

/** ToleratesTaint (staging/src/k8s.io/api/core/v1/toleration.go). */
function tolerates(t: TolerationView, taint: NodeTaint): boolean {
  if (t.effect !== '' && t.effect !== taint.effect) return false;
  if (t.key !== '' && t.key !== taint.key) return false;
  if (t.operator === 'Exists') return true;
  return (t.operator === 'Equal' || t.operator === '') && t.value === (taint.value ?? '');
}

/** plugins/tainttoleration: only NoSchedule and NoExecute taints filter. */
function untoleratedTaint(scheduling: SchedulingView | undefined, node: NodeFacts): PlacementFailure | undefined {
  const tolerations = scheduling?.tolerations ?? [];
  const taint = node.taints.find(
    (x) => (x.effect === 'NoSchedule' || x.effect === 'NoExecute') && !tolerations.some((t) => tolerates(t, x)),
  );
  if (!taint) return undefined;
  const ranges = scheduling?.tolerationsRange ? [scheduling.tolerationsRange] : [];
  return { reason: `node(s) had untolerated taint {${taint.key}: ${taint.value ?? ''}}`, ranges };
}

/** A label requirement (k8s.io/apimachinery/pkg/labels.Requirement.Matches via NodeSelectorRequirementsAsSelector). */
function matches(r: NodeSelectorRequirement, value: string | undefined): boolean {
  switch (r.operator) {
    case 'In':
      return value !== undefined && r.values.includes(value);
    case 'NotIn':
      return value === undefined || !r.values.includes(value);
    case 'Exists':
      return value !== undefined;
    case 'DoesNotExist':
      return value === undefined;
    case 'Gt':
    case 'Lt': {
      const have = Number.parseInt(value ?? '', 10);
      const want = Number.parseInt(r.values[0] ?? '', 10);
      if (Number.isNaN(have) || Number.isNaN(want)) return false;
      return r.operator === 'Gt' ? have > want : have < want;
    }
    default:
      return false;
  }
}

/** A term with no requirement matches no node (component-helpers/scheduling/corev1/nodeaffinity). */
function termMatches(term: NodeSelectorTermView, node: NodeFacts): boolean {
  if (term.matchExpressions.length === 0 && term.matchFields.length === 0) return false;
  return (
    term.matchExpressions.every((r) => matches(r, node.labels[r.key])) &&
    term.matchFields.every((r) => r.key === 'metadata.name' && matches(r, node.name))
  );
}

/** plugins/nodeaffinity: nodeSelector labels must all be equal and one required term must match. */
function affinityMismatch(scheduling: SchedulingView | undefined, node: NodeFacts): PlacementFailure | undefined {
  if (!scheduling) return undefined;
  const ranges: Range[] = [];
  for (const [key, value] of scheduling.nodeSelector) {
    if (node.labels[key] !== value && scheduling.nodeSelectorRange) ranges.push(scheduling.nodeSelectorRange);
  }
  const required = scheduling.requiredNodeAffinity;
  if (required && !required.terms.some((t) => termMatches(t, node))) ranges.push(required.range);
  return ranges.length > 0 ? { reason: "node(s) didn't match Pod's node affinity/selector", ranges } : undefined;
}

/**
 * @example placementFailure(pod.scheduling, { name: 'node-1', labels: {}, taints: [] }) // undefined: the pod fits
 */
export function placementFailure(
  scheduling: SchedulingView | undefined,
  node: NodeFacts,
): PlacementFailure | undefined {
  return untoleratedTaint(scheduling, node) ?? affinityMismatch(scheduling, node);
}
