/**
 * Fitting the pod's requests on the one simulated node: the scheduler's NodeResourcesFit filter (and its
 * FitError message), or the kubelet's admission check for a pod bound by hand through spec.nodeName.
 */
import { aggregatePodRequests, containerResources, type ResourceMap } from '../k8s/qos';
import { addQuantities, compareQuantities, type Quantity, quantityToNumber } from '../k8s/quantity';
import type { ContainerView, PodView } from '../model/types';
import type { Range } from '../util/range';

const ZERO: Quantity = { n: 0n, scale: 0, format: 'DecimalSI', text: '0' };

/**
 * PodRequests (component-helpers/resource): regular containers and sidecars add up; an init container
 * runs next to the sidecars started before it; the pod needs the larger of the two. Pod-level requests win.
 */
function podRequests(
  pod: PodView,
  overhead: ResourceMap,
): { requests: ResourceMap; contributors: Map<string, Range[]> } {
  const contributors = new Map<string, Range[]>();
  const note = (c: ContainerView, requests: ResourceMap) => {
    for (const name of requests.keys()) {
      const range = c.resources.requests.entries.get(name) ?? c.resources.limits.entries.get(name);
      if (range && range.kind !== 'absent') contributors.set(name, [...(contributors.get(name) ?? []), range.range]);
    }
  };
  const total = aggregatePodRequests(pod, (c) => {
    const requests = containerResources(c).requests;
    note(c, requests);
    return requests;
  });
  // A RuntimeClass's overhead is added on top of the containers (PodRequests, component-helpers/resource, v1.36).
  for (const [name, q] of overhead) {
    total.set(name, addQuantities(total.get(name) ?? ZERO, q));
    if (pod.runtimeClassName.kind === 'value')
      contributors.set(name, [...(contributors.get(name) ?? []), pod.runtimeClassName.range]);
  }
  return { requests: total, contributors };
}

export type Fit =
  | { fits: true }
  | { fits: false; insufficient: { name: string; requested: Quantity; capacity: Quantity }[]; ranges: Range[] };

/**
 * @example fitOnNode(pod, new Map([['cpu', q('4')]])) // { fits: false, insufficient: [{ name: 'cpu', ... }], ranges }
 */
export function fitOnNode(
  pod: PodView,
  allocatable: ReadonlyMap<string, Quantity>,
  overhead: ResourceMap = new Map(),
): Fit {
  const { requests, contributors } = podRequests(pod, overhead);
  const insufficient: { name: string; requested: Quantity; capacity: Quantity }[] = [];
  for (const [name, requested] of requests) {
    if (requested.n === 0n) continue;
    const capacity = allocatable.get(name) ?? ZERO;
    if (compareQuantities(requested, capacity) > 0) insufficient.push({ name, requested, capacity });
  }
  if (insufficient.length === 0) return { fits: true };
  insufficient.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return { fits: false, insufficient, ranges: insufficient.flatMap((i) => contributors.get(i.name) ?? []) };
}

/**
 * The scheduler's FitError text for a one-node cluster (framework.FitError.Error, v1.36). On one empty node
 * every filter failure is UnschedulableAndUnresolvable (noderesources/fit.go marks a request above the
 * node's allocatable `Unresolvable`), so DefaultPreemption reports that preemption cannot help.
 * @example fitErrorMessage(['Insufficient cpu']) // '0/1 nodes are available: 1 Insufficient cpu. preemption: ...'
 */
export function fitErrorMessage(reasons: readonly string[]): string {
  const histogram = [...reasons].sort().map((r) => `1 ${r}`);
  return (
    `0/1 nodes are available: ${histogram.join(', ')}. ` +
    'preemption: 0/1 nodes are available: 1 Preemption is not helpful for scheduling..'
  );
}

/** The FitError of requests the node cannot hold (reasons sorted, as FitError.Error does). */
export function unschedulableMessage(insufficient: readonly { name: string }[]): string {
  return fitErrorMessage(insufficient.map((i) => `Insufficient ${i.name}`));
}

/** In the kubelet's units: millicores for cpu, plain integers (bytes) for the rest. */
function kubeletUnits(name: string, q: Quantity): number {
  const v = quantityToNumber(q);
  return Math.ceil(name === 'cpu' ? v * 1000 : v);
}

/**
 * The kubelet's admission rejection (lifecycle.GeneralPredicates): status.reason `OutOf<resource>`.
 * @example admissionRejection([{ name: 'cpu', requested: q('8'), capacity: q('4') }]).reason // 'OutOfcpu'
 */
export function admissionRejection(insufficient: readonly { name: string; requested: Quantity; capacity: Quantity }[]) {
  const first = insufficient[0] as { name: string; requested: Quantity; capacity: Quantity };
  const detail =
    `Node didn't have enough resource: ${first.name}, requested: ${kubeletUnits(first.name, first.requested)}, ` +
    `used: 0, capacity: ${kubeletUnits(first.name, first.capacity)}`;
  return { reason: `OutOf${first.name}`, message: `Pod was rejected: ${detail}`, event: detail };
}
