// cgroup v2 values the kubelet and the runtime derive from requests and limits (issue 15), as tables checked
// against the Go formulas: pkg/kubelet/cm/helpers_linux.go, pkg/kubelet/qos/policy.go,
// pkg/kubelet/kuberuntime/kuberuntime_container_linux.go and opencontainers/cgroups ConvertCPUSharesToCgroupV2Value.
import { describe, expect, it } from 'vitest';
import { parseQuantity } from '../../../shared/k8s';
import {
  cpuMax,
  cpuShares,
  cpuWeight,
  legacyCpuWeight,
  memoryMax,
  memoryQoS,
  oomScoreAdj,
  scaledValue,
} from '../../../shared/k8s/cgroups';

const q = (text: string) => {
  const r = parseQuantity(text);
  if (!r.ok) throw new Error(r.error);
  return r.quantity;
};
const GI = 2n ** 30n;

describe('cgroup values', () => {
  it.each([
    ['250m', 3, 250n],
    ['0.5', 3, 500n],
    ['100u', 3, 1n],
    ['2', 3, 2000n],
    ['1e3', 0, 1000n],
    ['64Mi', 0, 67108864n],
    ['1.5Ki', 0, 1536n],
    ['0.5', 0, 1n],
  ] as const)('reads %s at scale %d as %d (rounded up like MilliValue/Value)', (text, scale, expected) => {
    expect(scaledValue(q(text), scale)).toBe(expected);
  });

  it.each([
    [0n, 2],
    [1n, 2],
    [10n, 10],
    [100n, 102],
    [250n, 256],
    [1000n, 1024],
    [256000n, 262144],
    [1000000n, 262144],
  ] as const)('cpu.shares of %d millicores is %d', (milli, shares) => {
    expect(cpuShares(milli)).toBe(shares);
  });

  it.each([
    [2, 1, 1],
    [102, 17, 4],
    [256, 35, 10],
    [1000, 99, 39],
    [1024, 100, 39],
    [2000, 170, 77],
    [2048, 174, 79],
    [262144, 10000, 10000],
  ] as const)('cpu.weight of %d shares is %d (linear, older runtimes: %d)', (shares, weight, legacy) => {
    expect(cpuWeight(shares)).toBe(weight);
    expect(legacyCpuWeight(shares)).toBe(legacy);
  });

  it.each([
    [undefined, 'max 100000'],
    [500n, '50000 100000'],
    [1500n, '150000 100000'],
    [5n, '1000 100000'],
  ] as const)('cpu.max for a %s millicore limit is %s', (limit, expected) => {
    expect(cpuMax(limit)).toBe(expected);
  });

  it('memory.max is the limit in bytes, max without one', () => {
    expect(memoryMax(512n * 2n ** 20n)).toBe('536870912');
    expect(memoryMax(undefined)).toBe('max');
  });

  it.each([
    ['request below the limit', 256n * 2n ** 20n, 512n * 2n ** 20n, { min: 268435456n, high: 510025728n }],
    ['request equal to the limit: no memory.high', 512n * 2n ** 20n, 512n * 2n ** 20n, { min: 536870912n }],
    ['no limit: node allocatable', GI, undefined, { min: GI, high: 7838314496n }],
  ] as const)('MemoryQoS: %s', (_name, request, limit, expected) => {
    expect(memoryQoS(request, limit, 8n * GI)).toEqual(expected);
  });

  it.each([
    ['Guaranteed', 0n, undefined, -997],
    ['BestEffort', 0n, undefined, 1000],
    ['Burstable', GI, undefined, 875],
    // No memory request (a cpu-only Burstable container): 1000 would equal BestEffort, so 999.
    ['Burstable', 0n, undefined, 999],
    ['Burstable', 8n * GI, undefined, 3],
    ['Burstable', 8190n * 2n ** 20n, undefined, 3],
    ['Burstable', 7999n * 2n ** 20n, undefined, 24],
    ['Burstable', 64n * 2n ** 20n, undefined, 993],
    ['Burstable', 0n, 2n * GI, 750],
  ] as const)('oom_score_adj of a %s container requesting %d bytes on an 8Gi node is %d', (qos, request, min, adj) => {
    expect(oomScoreAdj(qos, request, 8n * GI, min)).toBe(adj);
  });
});
