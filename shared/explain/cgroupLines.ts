/**
 * "On the node": the cgroup v2 values a container's requests and limits become (shared/k8s/cgroups), each with the
 * kubelet or runtime source of its formula. Hovering one request or limit shows the values it drives; hovering
 * `resources` shows them all.
 */
import { type Quantity, qosClass } from '../k8s';
import {
  CPU_PERIOD_US,
  cpuMax,
  cpuShares,
  cpuWeight,
  legacyCpuWeight,
  MEMORY_THROTTLING_FACTOR,
  memoryMax,
  memoryQoS,
  oomScoreAdj,
  scaledValue,
} from '../k8s/cgroups';
import { containerResources } from '../k8s/qos';
import { type ContainerView, type PodView, resolvePod } from '../model';
import { code } from './text';

/** The node the numbers assume: oom_score_adj and memory.high depend on its memory, which a manifest cannot say. */
const NODE_MEMORY_GI = 8n;
const NODE_MEMORY = NODE_MEMORY_GI * 2n ** 30n;

export type ResourceFocus = { list: 'requests' | 'limits'; name: string } | undefined;

interface Values {
  cpuRequest?: bigint;
  cpuLimit?: bigint;
  memRequest?: bigint;
  memLimit?: bigint;
}

/** Requests as the kubelet sees them: a missing request equals the limit (API defaulting). */
function valuesOf(c: ContainerView): Values {
  const r = containerResources(c);
  const read = (q: Quantity | undefined, scale: 0 | 3) => (q && q.n > 0n ? scaledValue(q, scale) : undefined);
  return {
    cpuRequest: read(r.requests.get('cpu'), 3),
    cpuLimit: read(r.limits.get('cpu'), 3),
    memRequest: read(r.requests.get('memory'), 0),
    memLimit: read(r.limits.get('memory'), 0),
  };
}

function cpuWeightLine(v: Values): string {
  const shares = cpuShares(v.cpuRequest ?? 0n);
  const from = v.cpuRequest ? `the request ${v.cpuRequest}m` : 'no cpu request';
  return (
    `${code(`cpu.weight: ${cpuWeight(shares)}`)}: ${from} → cpu.shares ${shares} (millicores × 1024 / 1000, ` +
    'at least 2: MilliCPUToShares, pkg/kubelet/cm/helpers_linux.go), then the runtime’s shares→weight ' +
    'conversion (ConvertCPUSharesToCgroupV2Value in opencontainers/cgroups: runc 1.3.2+, crun 1.23+; older ' +
    `runtimes use the linear 1 + (shares − 2) × 9999 / 262142 = ${legacyCpuWeight(shares)}). Only matters when ` +
    'the CPU is contended.'
  );
}

function cpuMaxLine(v: Values): string {
  const value = cpuMax(v.cpuLimit);
  return v.cpuLimit
    ? `${code(`cpu.max: ${value}`)}: ${v.cpuLimit}m of CPU time per ${CPU_PERIOD_US / 1000} ms period (limit × ` +
        '100000 µs / 1000, at least 1 ms: MilliCPUToQuota, pkg/kubelet/cm/helpers_linux.go); beyond it the ' +
        'container is throttled until the next period.'
    : `${code(`cpu.max: ${value}`)}: no cpu limit, no quota.`;
}

function memoryMaxLine(v: Values): string {
  return v.memLimit
    ? `${code(`memory.max: ${memoryMax(v.memLimit)}`)}: the limit in bytes; a container that needs more is ` +
        'OOM-killed (exit code 137, reason OOMKilled).'
    : `${code('memory.max: max')}: no memory limit; only node memory pressure stops the container.`;
}

function oomLine(pod: PodView, c: ContainerView, v: Values): string {
  const { qos } = qosClass(pod);
  const regular = c.role === 'sidecar' ? pod.containers.map((x) => valuesOf(x).memRequest ?? 0n) : [];
  // bigint: Math.min does not apply.
  const minRegular = regular.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))[0];
  const adj = oomScoreAdj(qos, v.memRequest ?? 0n, NODE_MEMORY, minRegular);
  const why =
    qos === 'Burstable'
      ? `1000 − 1000 × memory request / node memory, kept within 3…999${minRegular !== undefined ? ', at most that of the regular container with the smallest request (sidecar)' : ''}; assumes a ${NODE_MEMORY_GI}Gi node`
      : qos === 'Guaranteed'
        ? 'Guaranteed: killed last'
        : 'BestEffort: killed first';
  return `${code(`oom_score_adj: ${adj}`)} (${qos}): ${why} (GetContainerOOMScoreAdjust, pkg/kubelet/qos/policy.go).`;
}

function memoryQoSLine(v: Values): string {
  const { min, high } = memoryQoS(v.memRequest ?? 0n, v.memLimit, NODE_MEMORY);
  const parts = [
    min !== undefined ? `${code(`memory.min: ${min}`)} (the request)` : undefined,
    high !== undefined
      ? `${code(`memory.high: ${high}`)} (request + ${MEMORY_THROTTLING_FACTOR} × (${v.memLimit ? 'limit' : `${NODE_MEMORY_GI}Gi node allocatable`} − request), whole pages: reclaim throttles it there)`
      : undefined,
  ].filter((p) => p !== undefined);
  const what = parts.length ? parts.join(', ') : 'nothing (request equals limit, or neither is set)';
  return (
    `Only with the MemoryQoS feature gate (alpha, off by default): ${what} ` +
    '(pkg/kubelet/kuberuntime/kuberuntime_container_linux.go).'
  );
}

/**
 * The cgroup v2 lines for a container: all of them for `resources`, or those the focused request or limit drives.
 * @example explainCgroups(pod, c, { list: 'limits', name: 'cpu' }) // ['On the node (cgroup v2): …', '`cpu.max: …']
 */
export function explainCgroups(pod: PodView, c: ContainerView, focus?: ResourceFocus): string[] {
  // With a templated value anywhere the QoS class is unknown (explainPodResources says so): no node values either.
  if (resolvePod(pod).views.some((x) => containerResources(x).unresolved > 0)) return [];
  const v = valuesOf(c);
  const wants = (list: 'requests' | 'limits', name: string) => !focus || (focus.list === list && focus.name === name);
  const lines = [
    ...(wants('requests', 'cpu') ? [cpuWeightLine(v)] : []),
    ...(wants('limits', 'cpu') ? [cpuMaxLine(v)] : []),
    ...(wants('limits', 'memory') ? [memoryMaxLine(v)] : []),
    ...(wants('requests', 'memory') || wants('limits', 'memory') ? [oomLine(pod, c, v)] : []),
    ...(wants('requests', 'memory') || wants('limits', 'memory') ? [memoryQoSLine(v)] : []),
  ];
  return lines.length ? ['On the node (cgroup v2, this container):', ...lines] : [];
}
