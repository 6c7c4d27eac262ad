/**
 * Pod QoS class as ComputePodQOS (pkg/apis/core/v1/helper/qos) computes it on the stored Pod: requests
 * first defaulted from limits (SetDefaults_Pod) and rounded up to millis (SetDefaults_ResourceList).
 */

import { resolvePod } from '../model/resolvedPod';
import type { ContainerView, PodView, ResourceListView } from '../model/types';
import { addQuantities, compareQuantities, parseQuantity, type Quantity, roundUpToMilli } from './quantity';

export type QosClass = 'Guaranteed' | 'Burstable' | 'BestEffort';

export type ResourceMap = Map<string, Quantity>;

/** A container's resources after Pod defaulting; `unresolved` counts templated or unparsable entries skipped. */
export interface ContainerResources {
  requests: ResourceMap;
  limits: ResourceMap;
  /** Request names copied from limits by SetDefaults_Pod. */
  defaultedRequests: string[];
  unresolved: number;
}

const QOS_RESOURCES = ['cpu', 'memory'] as const;
const ZERO: Quantity = { n: 0n, scale: 0, format: 'DecimalSI', text: '0' };

function readList(list: ResourceListView): { values: ResourceMap; unresolved: number } {
  const values: ResourceMap = new Map();
  let unresolved = 0;
  for (const [name, field] of list.entries) {
    const parsed = field.kind === 'value' ? parseQuantity(field.value) : undefined;
    if (parsed?.ok) values.set(name, parsed.quantity);
    else if (field.kind !== 'absent') unresolved++;
  }
  return { values, unresolved };
}

/**
 * Requests and limits as written, with every limit that has no request entry copied into the requests
 * (SetDefaults_Pod: Pods only, not templates). Values are as parsed, before the milli round-up.
 * @example containerResources(c).requests.get('cpu')?.text // '500m' when only limits.cpu: 500m is written
 */
export function containerResources(c: ContainerView): ContainerResources {
  const requests = readList(c.resources.requests);
  const limits = readList(c.resources.limits);
  const defaultedRequests: string[] = [];
  for (const [name, limit] of limits.values) {
    if (c.resources.requests.entries.has(name)) continue;
    requests.values.set(name, limit);
    defaultedRequests.push(name);
  }
  return {
    requests: requests.values,
    limits: limits.values,
    defaultedRequests,
    unresolved: requests.unresolved + limits.unresolved,
  };
}

function add(into: ResourceMap, from: ResourceMap): void {
  for (const [name, q] of from) into.set(name, addQuantities(into.get(name) ?? ZERO, q));
}

function max(into: ResourceMap, from: ResourceMap): void {
  for (const [name, q] of from) {
    const current = into.get(name);
    if (!current || compareQuantities(q, current) > 0) into.set(name, q);
  }
}

/**
 * AggregateContainerRequests (component-helpers/resource): regular containers and sidecars add up; each
 * init container counts with the sidecars started before it, and the pod needs the larger of the two.
 */
export function aggregatePodRequests(pod: PodView, requestsOf: (c: ContainerView) => ResourceMap): ResourceMap {
  const total: ResourceMap = new Map();
  for (const c of pod.containers) add(total, requestsOf(c));
  const sidecars: ResourceMap = new Map();
  const initPeak: ResourceMap = new Map();
  for (const c of pod.initContainers) {
    const own = requestsOf(c);
    if (c.role === 'sidecar') {
      add(total, own);
      add(sidecars, own);
      max(initPeak, sidecars);
    } else {
      const running: ResourceMap = new Map(own);
      add(running, sidecars);
      max(initPeak, running);
    }
  }
  max(total, initPeak);
  return total;
}

/**
 * Pod-level requests after defaultPodRequests (PodLevelResources, on by default since 1.34): with
 * pod-level limits set, a missing cpu/memory request takes the containers' aggregate request, or the
 * pod-level limit when no container requests it. Pod-level limits are not defaulted here.
 */
export function podLevelResources(
  pod: PodView,
  resources: Map<ContainerView, ContainerResources>,
): { requests: ResourceMap; limits: ResourceMap; defaultedRequests: string[]; unresolved: number } {
  const requests = readList(pod.resources.requests);
  const limits = readList(pod.resources.limits);
  const defaultedRequests: string[] = [];
  if (limits.values.size > 0) {
    const aggregate = aggregatePodRequests(pod, (c) => resources.get(c)?.requests ?? new Map());
    for (const name of QOS_RESOURCES) {
      if (pod.resources.requests.entries.has(name)) continue;
      const value = aggregate.get(name) ?? limits.values.get(name);
      if (!value) continue;
      requests.values.set(name, value);
      defaultedRequests.push(name);
    }
  }
  return {
    requests: requests.values,
    limits: limits.values,
    defaultedRequests,
    unresolved: requests.unresolved + limits.unresolved,
  };
}

/** resourceQOS in qos.go: cpu and memory each need request = limit; all set is Guaranteed, none BestEffort. */
function resourceQos(requests: ResourceMap, limits: ResourceMap): { qos: QosClass; detail: string } {
  if (requests.size === 0 && limits.size === 0) return { qos: 'BestEffort', detail: 'no requests or limits' };
  const set: string[] = [];
  const unset: string[] = [];
  for (const name of QOS_RESOURCES) {
    const req = roundUpToMilli(requests.get(name) ?? ZERO);
    const lim = roundUpToMilli(limits.get(name) ?? ZERO);
    if (compareQuantities(req, lim) !== 0) {
      const detail = limits.has(name)
        ? `${name} request ${req.text} differs from limit ${lim.text}`
        : `${name} request ${req.text} has no limit`;
      return { qos: 'Burstable', detail };
    }
    (req.n === 0n ? unset : set).push(name);
  }
  if (unset.length === 0) return { qos: 'Guaranteed', detail: 'cpu and memory requests equal their limits' };
  if (set.length === 0) return { qos: 'BestEffort', detail: 'no cpu or memory requests or limits' };
  return { qos: 'Burstable', detail: `sets ${set.join(', ')} but not ${unset.join(', ')}` };
}

const label = (c: ContainerView) => (c.name.kind === 'value' ? `container "${c.name.value}"` : `${c.list}[${c.index}]`);

/**
 * The QoS class the API server records in status.qosClass, with a one-line reason.
 * @example qosClass(pod) // { qos: 'Burstable', reason: 'container "app": cpu request 250m differs from limit 500m' }
 */
export function qosClass(pod: PodView): { qos: QosClass; reason: string } {
  const resources = new Map<ContainerView, ContainerResources>();
  for (const c of resolvePod(pod).views) resources.set(c, containerResources(c));
  let unresolved = [...resources.values()].reduce((n, r) => n + r.unresolved, 0);
  let result: { qos: QosClass; reason: string };
  if (pod.resources.keyRange) {
    // With pod-level resources present, they alone decide (ComputePodQOS).
    const level = podLevelResources(pod, resources);
    unresolved = level.unresolved;
    const { qos, detail } = resourceQos(level.requests, level.limits);
    result = { qos, reason: `pod-level resources (spec.resources): ${detail}` };
  } else {
    result = containersQos(pod, resources);
  }
  if (unresolved > 0) result.reason += ` (ignoring ${unresolved} templated or unparsable value(s))`;
  return result;
}

function containersQos(
  pod: PodView,
  resources: Map<ContainerView, ContainerResources>,
): { qos: QosClass; reason: string } {
  let first: { qos: QosClass; who: string } | undefined;
  for (const c of resolvePod(pod).views) {
    const r = resources.get(c) as ContainerResources;
    const { qos, detail } = resourceQos(r.requests, r.limits);
    if (qos === 'Burstable') return { qos, reason: `${label(c)}: ${detail}` };
    if (!first) first = { qos, who: label(c) };
    else if (first.qos !== qos) {
      return { qos: 'Burstable', reason: `${first.who} is ${first.qos} but ${label(c)} is ${qos}` };
    }
  }
  if (first?.qos === 'Guaranteed') {
    const defaulted = [...resources.values()].some((r) => r.defaultedRequests.length > 0);
    const note = defaulted ? ' (requests defaulted from limits)' : '';
    return { qos: 'Guaranteed', reason: `every container sets cpu and memory limits equal to its requests${note}` };
  }
  return { qos: 'BestEffort', reason: 'no container sets cpu or memory requests or limits' };
}
