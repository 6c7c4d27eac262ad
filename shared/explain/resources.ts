/**
 * Resource quantities in base units, the pod's total requests and limits, and the QoS class that results
 * (the Kubernetes v1.36 kubelet). Totals follow the scheduler: regular containers and sidecars add up, and a
 * regular init container counts with the sidecars started before it; the pod needs the larger of the two.
 */
import { addQuantities, compareQuantities, formatQuantity, parseQuantity, type Quantity, qosClass } from '../k8s';
import { containerResources, type ResourceMap } from '../k8s/qos';
import { type ContainerView, type PodView, resolvePod } from '../model';
import { code, joinAnd } from './text';

const ZERO: Quantity = { n: 0n, scale: 0, format: 'DecimalSI', text: '0' };

const QOS_MEANING = {
  Guaranteed: 'evicted last under node pressure',
  Burstable: 'evicted after BestEffort pods once above its requests',
  BestEffort: 'evicted first under node pressure',
} as const;

/** `250m` = 0.25 CPU (250 millicores); `64Mi` = 64 MiB = 67,108,864 bytes. */
export function quantityLine(resource: string, text: string): string {
  const parsed = parseQuantity(text);
  if (!parsed.ok) return `Invalid quantity: ${parsed.error}`;
  const line = `${code(text)} = ${formatQuantity(resource, parsed.quantity)}`;
  return parsed.warning ? `${line} (${parsed.warning})` : line;
}

function add(into: ResourceMap, from: ResourceMap): void {
  for (const [name, q] of from) into.set(name, addQuantities(into.get(name) ?? ZERO, q));
}

function podTotals(pod: PodView) {
  const requests: ResourceMap = new Map();
  const limits: ResourceMap = new Map();
  const unlimited = new Set<string>();
  for (const c of resolvePod(pod).longRunning) {
    const r = containerResources(c);
    add(requests, r.requests);
    add(limits, r.limits);
    for (const name of ['cpu', 'memory']) if (!r.limits.has(name)) unlimited.add(name);
  }
  const sidecars: ResourceMap = new Map();
  for (const c of pod.initContainers) {
    const own = containerResources(c).requests;
    if (c.role === 'sidecar') add(sidecars, own);
    else {
      const peak: ResourceMap = new Map(own);
      add(peak, sidecars);
      for (const [name, q] of peak) {
        const cur = requests.get(name);
        if (!cur || compareQuantities(q, cur) > 0) requests.set(name, q);
      }
    }
  }
  return { requests, limits, unlimited };
}

/** A total as its canonical text; a sum of mixed units comes out in plain bytes, so those get a readable size. */
function totalText(name: string, q: Quantity): string {
  const plainBytes = name !== 'cpu' && /^\d{4,}$/.test(q.text);
  return `${name} ${code(q.text)}${plainBytes ? ` = ${formatQuantity(name, q)}` : ''}`;
}

function listOf(map: ResourceMap): string {
  const names = [...map.keys()].sort((a, b) => (a === 'cpu' ? -1 : b === 'cpu' ? 1 : a.localeCompare(b)));
  return names.map((n) => totalText(n, map.get(n) as Quantity)).join(', ');
}

function unknownResources(count: number): string {
  return (
    `${count} request or limit value(s) are templates or do not parse: they are known only once rendered, so ` +
    'the pod’s totals, its QoS class and the node’s cgroup values are not computed here.'
  );
}

/** The pod's totals and QoS class: what the scheduler reserves and how the node treats the pod under pressure. */
export function explainPodResources(pod: PodView): string[] {
  const unknown = resolvePod(pod).views.reduce((n, c) => n + containerResources(c).unresolved, 0);
  // A Helm value (`"{{ .Values.memory }}"`) is known only once rendered: a total or a QoS class without it would be
  // a guess presented as a fact.
  if (unknown > 0) return [unknownResources(unknown)];
  const { requests, limits, unlimited } = podTotals(pod);
  const per = pod.workload === 'Pod' ? 'Pod' : 'each Pod';
  const lines = [
    requests.size > 0
      ? `Requests of ${per} (what the scheduler reserves): ${listOf(requests)}`
      : `No requests in ${per}: the scheduler reserves nothing for it.`,
  ];
  if (limits.size > 0) {
    const open = [...unlimited].filter((n) => limits.has(n));
    const note = open.length ? ` (a container without a ${joinAnd(open)} limit is not capped)` : '';
    lines.push(`Limits of ${per}: ${listOf(limits)}${note}`);
  }
  const { qos, reason } = qosClass(pod);
  lines.push(`QoS class **${qos}** (${QOS_MEANING[qos]}): ${reason}`);
  return lines;
}

/**
 * What a partial object (a kustomize patch) says about resources: only what this file sets. The pod's totals, its
 * QoS class and the node's cgroup values need the base it is merged into, so none of them is computed.
 */
export function explainPartialResources(c?: ContainerView): string[] {
  const own = c ? containerResources(c) : undefined;
  const set = own
    ? (['requests', 'limits'] as const).flatMap((list) =>
        [...own[list]]
          .filter(([name]) => list === 'limits' || !own.defaultedRequests.includes(name))
          .map(([name, q]) => `${list}.${name} ${code(q.text)}`),
      )
    : [];
  return [
    ...(set.length ? [`This file sets ${joinAnd(set)}.`] : []),
    'Partial object (a kustomize patch): the other requests and limits, the pod’s totals, its QoS class and the ' +
      'node’s cgroup values come from the base it patches, so podlens does not compute them here.',
  ];
}

/** A container's `resources` block: its own values with requests defaulted from limits, then the pod's totals. */
export function explainContainerResources(pod: PodView, c: ContainerView): string[] {
  const r = containerResources(c);
  const lines: string[] = [];
  for (const name of r.defaultedRequests) {
    lines.push(
      `${code(`requests.${name}`)} not set: the API server copies the limit ${code((r.limits.get(name) as Quantity).text)}`,
    );
  }
  return [...lines, ...explainPodResources(pod)];
}
