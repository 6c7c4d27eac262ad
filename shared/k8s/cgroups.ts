/**
 * What the node does with a container's resources on cgroup v2: the values the kubelet computes from requests and
 * limits (Kubernetes v1.36) and the container runtime writes. Pure integer arithmetic as in Go, except the two
 * float formulas, which use float64 like their Go originals.
 */
import { type Decimal, pow10, roundUpToScale } from './decimal';

/** pkg/kubelet/cm/helpers_linux.go: MinShares, MaxShares, SharesPerCPU, MilliCPUToCPU, QuotaPeriod, MinQuotaPeriod. */
const MIN_SHARES = 2;
const MAX_SHARES = 262_144;
const SHARES_PER_CPU = 1024;
const MILLI_CPU_TO_CPU = 1000;
export const CPU_PERIOD_US = 100_000;
const MIN_QUOTA_US = 1000;
/** cgroup v2 cpu.weight range. */
const MAX_WEIGHT = 10_000;
/** kuberuntime's defaultPageSize and the default memoryThrottlingFactor (KubeletConfiguration, since v1.28). */
const PAGE_SIZE = 4096;
export const MEMORY_THROTTLING_FACTOR = 0.9;
/** pkg/kubelet/qos/policy.go */
const GUARANTEED_OOM_SCORE_ADJ = -997;
const BESTEFFORT_OOM_SCORE_ADJ = 1000;

/** Quantity.MilliValue / Value: the value scaled and rounded up to an integer, as the kubelet reads it. */
export function scaledValue(q: Decimal, scale: 0 | 3): bigint {
  // After rounding up to `scale` places the normalised scale is at most `scale` (negative for 1e3 and such).
  const r = roundUpToScale(q, scale);
  return r.n * pow10(scale - r.scale);
}

/**
 * MilliCPUToShares (pkg/kubelet/cm/helpers_linux.go): cpu.shares from the cpu request in millicores, at least 2
 * (no request at all also gives 2), at most 262144.
 * @example cpuShares(250n) // 256
 */
export function cpuShares(milliCPU: bigint): number {
  if (milliCPU <= 0n) return MIN_SHARES;
  const shares = (milliCPU * BigInt(SHARES_PER_CPU)) / BigInt(MILLI_CPU_TO_CPU);
  if (shares < BigInt(MIN_SHARES)) return MIN_SHARES;
  return shares > BigInt(MAX_SHARES) ? MAX_SHARES : Number(shares);
}

/**
 * The runtime's shares → cpu.weight conversion: ConvertCPUSharesToCgroupV2Value in opencontainers/cgroups
 * (utils.go) since v0.0.3, used by runc 1.3.2+/1.4 and crun 1.23+: a quadratic in log2(shares) that maps 2 → 1,
 * 1024 → 100 (the cgroup v2 default) and 262144 → 10000.
 * @example cpuWeight(1024) // 100
 */
export function cpuWeight(shares: number): number {
  if (shares <= MIN_SHARES) return 1;
  if (shares >= MAX_SHARES) return MAX_WEIGHT;
  const l = Math.log2(shares);
  return Math.ceil(10 ** ((l * l + 125 * l) / 612 - 7 / 34));
}

/** The linear conversion of older runtimes (runc before 1.3.2, crun before 1.23): 1024 shares → 39. */
export function legacyCpuWeight(shares: number): number {
  return 1 + Math.floor(((shares - MIN_SHARES) * (MAX_WEIGHT - 1)) / (MAX_SHARES - MIN_SHARES));
}

/**
 * cpu.max from the cpu limit: MilliCPUToQuota (pkg/kubelet/cm/helpers_linux.go) over the 100 ms period, at least
 * 1 ms of quota; `max` (no quota) without a limit.
 * @example cpuMax(500n) // '50000 100000'
 */
export function cpuMax(limitMilliCPU: bigint | undefined): string {
  if (!limitMilliCPU || limitMilliCPU <= 0n) return `max ${CPU_PERIOD_US}`;
  const quota = (limitMilliCPU * BigInt(CPU_PERIOD_US)) / BigInt(MILLI_CPU_TO_CPU);
  return `${quota < BigInt(MIN_QUOTA_US) ? MIN_QUOTA_US : quota} ${CPU_PERIOD_US}`;
}

/** memory.max: the memory limit in bytes, `max` without one. */
export function memoryMax(limitBytes: bigint | undefined): string {
  return limitBytes && limitBytes > 0n ? String(limitBytes) : 'max';
}

/**
 * memory.min and memory.high under the MemoryQoS feature gate (alpha, off by default), as in
 * pkg/kubelet/kuberuntime/kuberuntime_container_linux.go: min = the request; high = floor((request + factor ×
 * (limit, or node allocatable without one, − request)) / page) × page, set only when the request differs from the
 * limit and high ends above the request.
 */
export function memoryQoS(
  requestBytes: bigint,
  limitBytes: bigint | undefined,
  allocatableBytes: bigint,
): { min?: bigint; high?: bigint } {
  const out: { min?: bigint; high?: bigint } = {};
  if (requestBytes > 0n) out.min = requestBytes;
  if (requestBytes === (limitBytes ?? 0n)) return out;
  const ceiling = Number(limitBytes && limitBytes > 0n ? limitBytes : allocatableBytes);
  const request = Number(requestBytes);
  const high = BigInt(Math.floor((request + (ceiling - request) * MEMORY_THROTTLING_FACTOR) / PAGE_SIZE) * PAGE_SIZE);
  if (high > requestBytes) out.high = high;
  return out;
}

export type OomQos = 'Guaranteed' | 'Burstable' | 'BestEffort';

/**
 * GetContainerOOMScoreAdjust (pkg/kubelet/qos/policy.go): Guaranteed −997, BestEffort 1000, Burstable
 * 1000 − 1000 × request / node memory capacity (integer division), clamped to [3, 999]. A sidecar gets at most the
 * value of the regular container with the smallest request (`regularMinRequest`). Node-critical pods and
 * pod-level resources are not modelled.
 * @example oomScoreAdj('Burstable', 2n ** 30n, 8n * 2n ** 30n) // 875
 */
export function oomScoreAdj(
  qos: OomQos,
  requestBytes: bigint,
  capacityBytes: bigint,
  regularMinRequest?: bigint,
): number {
  if (qos === 'Guaranteed') return GUARANTEED_OOM_SCORE_ADJ;
  if (qos === 'BestEffort') return BESTEFFORT_OOM_SCORE_ADJ;
  const adj = (request: bigint) => 1000n - (1000n * request) / capacityBytes;
  let value = adj(requestBytes);
  if (regularMinRequest !== undefined && value > adj(regularMinRequest)) value = adj(regularMinRequest);
  if (value < BigInt(1000 + GUARANTEED_OOM_SCORE_ADJ)) return 1000 + GUARANTEED_OOM_SCORE_ADJ;
  return value === BigInt(BESTEFFORT_OOM_SCORE_ADJ) ? BESTEFFORT_OOM_SCORE_ADJ - 1 : Number(value);
}
