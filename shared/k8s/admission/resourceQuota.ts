/**
 * The ResourceQuota admission plug-in's check of one new pod (plugin/pkg/admission/resourcequota/controller.go and
 * the pod evaluator pkg/quota/v1/evaluator/core/pods.go, v1.36), against the pod's own usage only: what the other
 * pods of the namespace already use is not in the workspace, so a pod that fits here may still be refused.
 */
import type { IndexedObject, WorkspaceObjects } from '../../analysis/workspace/types';
import type { ContainerView, PodView } from '../../model/types';
import { aggregatePodRequests, containerResources, qosClass } from '../qos';
import { addQuantities, compareQuantities, parseQuantity, type Quantity, serializeQuantity } from '../quantity';
import { forbidden } from './forbidden';
import { plainRecord, policyObjects } from './namespace';
import { type ResourceList, readResourceList } from './resourceList';

export interface QuotaFinding {
  quota: IndexedObject;
  /** The API server's refusal, with `used` at 0 (the quota's current usage is unknown). */
  message: string;
  /** The resources at fault. */
  resources: string[];
}

/** The resources whose absence on a container the pod evaluator rejects when a quota tracks them (validationSet). */
const MUST_SPECIFY = ['cpu', 'limits.cpu', 'limits.memory', 'memory', 'requests.cpu', 'requests.memory'];

const ONE = (parseQuantity('1') as { ok: true; quantity: Quantity }).quantity;

/** podComputeUsageHelper: the quota names a set of requests and limits counts against. */
function computeUsage(requests: ResourceList, limits: ResourceList): ResourceList {
  const out: ResourceList = new Map([['pods', ONE]]);
  for (const name of ['cpu', 'memory', 'ephemeral-storage']) {
    const request = requests.get(name);
    const limit = limits.get(name);
    if (request) {
      out.set(name, request);
      out.set(`requests.${name}`, request);
    }
    if (limit) out.set(`limits.${name}`, limit);
  }
  return out;
}

function withOverhead(list: ResourceList, overhead: ResourceList, onlyPresent: boolean): ResourceList {
  const out = new Map(list);
  for (const [name, q] of overhead) {
    const own = out.get(name);
    if (own) out.set(name, addQuantities(own, q));
    else if (!onlyPresent) out.set(name, q);
  }
  return out;
}

/** PodUsageFunc: count/pods, pods, and PodRequests/PodLimits (overhead included) as compute usage. */
function podUsage(pod: PodView, overhead: ResourceList): ResourceList {
  const requests = aggregatePodRequests(pod, (c) => containerResources(c).requests);
  const limits = aggregatePodRequests(pod, (c) => containerResources(c).limits);
  const usage = computeUsage(withOverhead(requests, overhead, false), withOverhead(limits, overhead, true));
  usage.set('count/pods', ONE);
  return usage;
}

/** podMatchesScopeFunc for the scopes a manifest decides; a quota with any other scope is left out. */
function matchesScopes(quota: IndexedObject, pod: PodView): boolean | undefined {
  const spec = plainRecord(quota.body);
  const scopes = Array.isArray(spec.scopes) ? spec.scopes.map(String) : [];
  const selector = plainRecord(spec.scopeSelector).matchExpressions;
  const expressions = Array.isArray(selector) ? selector.map(plainRecord) : [];
  const terminating = pod.activeDeadlineSeconds.kind === 'value' && pod.activeDeadlineSeconds.value >= 0;
  const bestEffort = qosClass(pod).qos === 'BestEffort';
  const priorityClass = pod.priorityClassName.kind === 'value' ? pod.priorityClassName.value : '';
  const scope = (name: string, operator: string, values: readonly string[]): boolean | undefined => {
    switch (name) {
      case 'Terminating':
        return terminating;
      case 'NotTerminating':
        return !terminating;
      case 'BestEffort':
        return bestEffort;
      case 'NotBestEffort':
        return !bestEffort;
      case 'PriorityClass':
        if (operator === 'Exists') return priorityClass !== '';
        if (operator === 'DoesNotExist') return priorityClass === '';
        if (operator === 'In') return priorityClass !== '' && values.includes(priorityClass);
        if (operator === 'NotIn') return priorityClass === '' || !values.includes(priorityClass);
        return undefined;
      default:
        return undefined;
    }
  };
  const results = [
    ...scopes.map((s) => scope(s, 'Exists', [])),
    ...expressions.map((e) =>
      scope(String(e.scopeName ?? ''), String(e.operator ?? ''), Array.isArray(e.values) ? e.values.map(String) : []),
    ),
  ];
  if (results.includes(undefined)) return undefined;
  return results.every(Boolean);
}

const containerLabel = (c: ContainerView) => (c.name.kind === 'value' ? c.name.value : '');

/** Constraints: each container must set what a tracked cpu/memory quota counts. */
function missing(pod: PodView, tracked: readonly string[]): Map<string, string[]> {
  const required = MUST_SPECIFY.filter((r) => tracked.includes(r));
  const out = new Map<string, string[]>();
  for (const c of [...pod.containers, ...pod.initContainers]) {
    const r = containerResources(c);
    const own = computeUsage(r.requests, r.limits);
    for (const name of required) {
      if (own.has(name)) continue;
      out.set(name, [...new Set([...(out.get(name) ?? []), containerLabel(c)])].sort());
    }
  }
  return out;
}

const pretty = (list: ResourceList) =>
  [...list.keys()]
    .sort()
    .map((k) => `${k}=${serializeQuantity(list.get(k) as Quantity)}`)
    .join(',');

function checkQuota(pod: PodView, quota: IndexedObject, usage: ResourceList): QuotaFinding | undefined {
  const hard = readResourceList(plainRecord(quota.body).hard);
  const tracked = [...hard.keys()];
  const lacking = missing(pod, tracked);
  if (lacking.size > 0) {
    const names = [...lacking.keys()].sort();
    const parts = names.map((n) => `${n} for: ${(lacking.get(n) as string[]).join(',')}`);
    const message = forbidden(pod, [`failed quota: ${quota.name}: must specify ${parts.join('; ')}`]);
    return { quota, message, resources: names };
  }
  const exceeded = tracked
    .filter((name) => {
      const used = usage.get(name);
      return used !== undefined && used.n !== 0n && compareQuantities(used, hard.get(name) as Quantity) > 0;
    })
    .sort();
  if (exceeded.length === 0) return undefined;
  const pick = (list: ResourceList) => new Map(exceeded.map((n) => [n, list.get(n) as Quantity]));
  const zero = new Map(exceeded.map((n) => [n, { n: 0n, scale: 0, format: 'DecimalSI', text: '0' } as Quantity]));
  const text =
    `exceeded quota: ${quota.name}, requested: ${pretty(pick(usage))}, used: ${pretty(zero)}, ` +
    `limited: ${pretty(pick(hard))}`;
  return { quota, message: forbidden(pod, [text]), resources: exceeded };
}

/**
 * The quotas of the pod's namespace the pod alone breaks; `pod` is the admitted pod (LimitRange defaults applied,
 * as the quota plug-in runs after LimitRanger) and `overhead` its RuntimeClass overhead.
 * @example quotaFindings(pod, new Map(), workspace)[0]?.message // 'pods "web" is forbidden: exceeded quota: ...'
 */
export function quotaFindings(pod: PodView, overhead: ResourceList, workspace: WorkspaceObjects | undefined) {
  const usage = podUsage(pod, overhead);
  const out: QuotaFinding[] = [];
  for (const quota of policyObjects(workspace, 'ResourceQuota', pod)) {
    if (matchesScopes(quota, pod) !== true) continue;
    const finding = checkQuota(pod, quota, usage);
    if (finding) out.push(finding);
  }
  return out;
}
