// The simulation's cost follows the state changes, not the input's size times the horizon (issue 19), and a
// prediction that would cost too much stops early and says so. Bounds are on SimulationResult.work, the
// deterministic count of container visits, never on a clock.
import { describe, expect, it } from 'vitest';
import { parseManifests } from '../../../shared/model';
import type { PodView } from '../../../shared/model/types';
import { predictionSummary, type SimulationResult, simulate } from '../../../shared/sim';
import { manyAliases } from '../../reliability/fuzz/hostile';

function podOf(text: string): PodView {
  const pod = parseManifests(text).documents[0]?.pod;
  if (!pod) throw new Error('fixture has no pod');
  return pod;
}

/** Core fuzz seed 20261206 run 8727: containers that are all one alias, whose image can never be pulled. */
const UNPULLABLE = {
  images: {
    'Bad:Image': { present: true, pullable: true, pullSeconds: 23 },
    'nginx:latest': { present: false, pullable: true, pullSeconds: 14 },
    nginx: { present: false, pullable: false, pullSeconds: 26 },
  },
};

const statuses = (r: SimulationResult) =>
  r.steps.map((s) => `${s.t}${s.after ? '+' : ''} ${s.snapshot.kubectl.STATUS}`);

describe('a pull back-off shared by many containers', () => {
  const run = (containers: number) => simulate(podOf(manyAliases(containers)), UNPULLABLE, { until: 2173 });

  it('costs in proportion to the containers, not their square', () => {
    const small = run(50);
    const large = run(200);
    // Each retry instant used to sync every container once per container (16 times the work for 4 times the
    // containers); what is left grows with the containers themselves.
    expect(large.work / small.work).toBeLessThan(6);
    expect(statuses(large)).toEqual(statuses(small));
  });

  it('predicts the fuzz case in full, far inside the work budget', () => {
    const r = run(2000);
    expect(r.errors).toEqual([]);
    expect(r.stoppedEarly).toBeUndefined();
    // 12 retry instants (10, 30, 70, 150, 310, then every 300 s) of 2,000 containers: about 100 visits each.
    expect(r.work).toBeLessThan(300_000);
    expect(statuses(r).slice(-4)).toEqual([
      '1810 ErrImagePull',
      '1810+ ImagePullBackOff',
      '2110 ErrImagePull',
      '2110+ ImagePullBackOff',
    ]);
    // Every container reports the same waiting reason at the end, as the kubelet would publish it.
    const last = r.steps.at(-1)?.snapshot.containers ?? [];
    expect(last).toHaveLength(2000);
    expect(new Set(last.map((c) => c.reason))).toEqual(new Set(['ImagePullBackOff']));
  });
});

const CRASHING = `apiVersion: v1
kind: Pod
metadata: {name: crash}
spec:
  containers:
  - name: app
    image: busybox:1.36
    command: [sh, -c, "exit 1"]
`;

describe('the work budget', () => {
  it('stops a prediction early, keeps the steps before the stop exact, and says where it stopped', () => {
    const pod = podOf(CRASHING);
    const full = simulate(pod, undefined, { until: 3600 });
    const cut = simulate(pod, undefined, { until: 3600, budget: 150 });
    expect(full.stoppedEarly).toBeUndefined();
    const stop = cut.stoppedEarly;
    if (!stop) throw new Error('the budget did not stop the prediction');
    expect(stop.at).toBeGreaterThan(0);
    expect(stop.at).toBeLessThan(3600);
    expect(cut.ok).toBe(false);
    expect(cut.errors).toEqual([{ field: 'simulation', message: stop.message }]);
    expect(stop.message).toMatch(
      new RegExp(`^prediction stopped early at t=${stop.at} s of 3600 s: the simulation's work budget ran out`),
    );
    // The steps are those of the full prediction before the stop, and none after it.
    expect(cut.steps.length).toBeGreaterThan(0);
    expect(cut.steps).toEqual(full.steps.filter((s) => s.t < stop.at));
    expect(predictionSummary(cut)).toBe(`Prediction stopped early at ~${stop.at} s: too costly to simulate`);
  });

  it('does not show requested instants past the stop, which were never simulated', () => {
    const cut = simulate(podOf(CRASHING), undefined, { until: 3600, budget: 150, at: [5, 3000] });
    const stop = cut.stoppedEarly?.at ?? Number.POSITIVE_INFINITY;
    expect(cut.steps.map((s) => s.t)).toContain(5);
    expect(cut.steps.every((s) => s.t < stop)).toBe(true);
  });

  it('stops a hostile horizon by default instead of running for ever', () => {
    // A crash loop at the 300 s cap over ten years of simulated time: a restart per 5 minutes is a million steps.
    const r = simulate(podOf(CRASHING), undefined, { until: 315_360_000 });
    expect(r.stoppedEarly?.at).toBeGreaterThan(3600);
    expect(r.work).toBeLessThan(2_100_000);
    expect(r.steps.at(-1)?.snapshot.kubectl.STATUS).toMatch(/CrashLoopBackOff|Error|Running/);
  });
});

const JOB = `apiVersion: batch/v1
kind: Job
metadata: {name: batch}
spec:
  completions: 4
  parallelism: 1
  template:
    spec:
      restartPolicy: Never
      containers:
      - {name: work, image: busybox:1.36, command: [sh, -c, "sleep 5"]}
`;

describe('the work budget of a Job', () => {
  it("is shared by the Job's pods: later pods cut short mark the Job's prediction as stopped early", () => {
    const pod = podOf(JOB);
    const full = simulate(pod);
    expect(full.stoppedEarly).toBeUndefined();
    expect(full.job?.succeeded).toBe(4);
    // Enough for the first pod, and a little more: the later pods share what is left.
    const cut = simulate(pod, undefined, { budget: full.work + 20 });
    expect(cut.steps).toEqual(full.steps);
    expect(cut.stoppedEarly?.message).toMatch(
      /^the Job's prediction stopped early at t=\d+ s \(a pod created at t=\d+ s\)/,
    );
    expect(cut.errors).toEqual([{ field: 'simulation', message: cut.stoppedEarly?.message }]);
    expect(cut.job?.succeeded).toBeLessThan(4);
  });
});
