// Probe timing in the logical model (semantics §9, §17; prober/worker.go): answers by age, ticks at
// k·periodSeconds, the §9 example, and kill times inside the real kubelet's window for any start time.
import { describe, expect, it } from 'vitest';
import { parseManifests } from '../../../../shared/model';
import { simulate } from '../../../../shared/sim';
import { outcome } from '../../../../shared/sim/kubelet/probes';
import type { ProbeBehaviour, ProbeSpec } from '../../../../shared/sim/types';
import { eventTimes } from '../checkSim';

const probe = (behaviour: ProbeBehaviour, timeoutSeconds = 1): ProbeSpec => ({
  type: 'liveness',
  initialDelaySeconds: 0,
  periodSeconds: 10,
  timeoutSeconds,
  successThreshold: 1,
  failureThreshold: 3,
  handler: 'httpGet',
  target: ':8080/',
  behaviour,
  range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
});

describe('outcome', () => {
  it.each([
    [{ always: 'success' }, 999, 'success'],
    [{ always: 'failure' }, 0, 'failure'],
    [{ healthyWhileAgeBelow: 60 }, 59.9, 'success'],
    [{ healthyWhileAgeBelow: 60 }, 60, 'failure'],
    [{ successFromAge: 20 }, 19, 'failure'],
    [{ successFromAge: 20 }, 20, 'success'],
    [{ always: 'success', responseSeconds: 1 }, 5, 'success'],
    [{ always: 'success', responseSeconds: 2 }, 5, 'failure'],
  ] as [ProbeBehaviour, number, string][])('%j at age %d => %s', (behaviour, age, expected) => {
    expect(outcome(probe(behaviour), age)).toBe(expected);
  });
});

function killTimes(pullSeconds: number, delay = 15, period = 10, threshold = 3): number[] {
  const text = `apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  containers:
  - name: app
    image: app:1
    livenessProbe:
      httpGet: {path: /, port: 8080}
      initialDelaySeconds: ${delay}
      periodSeconds: ${period}
      failureThreshold: ${threshold}
`;
  const pod = parseManifests(text).documents[0]?.pod;
  if (!pod) throw new Error('fixture');
  const scenario = {
    images: { 'app:1': { pullSeconds } },
    containers: { app: { probes: { liveness: { always: 'failure' as const } } } },
    until: 200,
  };
  return eventTimes(simulate(pod, scenario), 'Killing');
}

describe('liveness timing', () => {
  it('D=15, P=10, F=3, always failing, started at 0: killed at 40 (§9 example)', () => {
    expect(killTimes(0)[0]).toBe(40);
  });

  it.each([1, 2, 3, 4, 5, 6, 7, 8, 9, 9.5])(
    'a container started at %d s is killed inside the real window [s+D+(F-1)P, s+D+FP)',
    (start) => {
      const kill = killTimes(start)[0] as number;
      expect(kill).toBeGreaterThanOrEqual(start + 15 + 2 * 10);
      expect(kill).toBeLessThan(start + 15 + 3 * 10);
      expect(kill % 10).toBe(0);
    },
  );
});
