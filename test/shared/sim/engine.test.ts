// The engine's contracts (style.md 3.2): step is pure, the queue orders by (time, seq), requested instants
// appear in the timeline, and the timeline has one step per observable change.
import { describe, expect, it } from 'vitest';
import { parseManifests } from '../../../shared/model';
import { simulate } from '../../../shared/sim';
import { initialState, step } from '../../../shared/sim/engine';
import { resolveSimulation } from '../../../shared/sim/infer/scenario';
import { EventQueue } from '../../../shared/sim/queue';
import type { SimEvent } from '../../../shared/sim/types';

const POD = `apiVersion: v1
kind: Pod
metadata: {name: web}
spec:
  initContainers:
  - {name: init, image: busybox:1.36, command: [sleep, "3"]}
  containers:
  - name: app
    image: app:1
    command: [sh, -c, "sleep 20; exit 1"]
    readinessProbe:
      httpGet: {path: /, port: 80}
`;

const pod = () => {
  const p = parseManifests(POD).documents[0]?.pod;
  if (!p) throw new Error('fixture');
  return p;
};

describe('EventQueue', () => {
  it('pops by time, then in scheduling order', () => {
    const q = new EventQueue();
    const e = (c: number): SimEvent => ({ type: 'RetryDue', c, gen: 0 });
    const pushes = [
      [5, 1],
      [1, 2],
      [5, 3],
      [0, 4],
      [1, 5],
    ];
    for (const [at, c] of pushes) q.push({ at: at as number, event: e(c as number) });
    const order: number[] = [];
    for (let x = q.pop(); x; x = q.pop()) order.push((x.event as { c: number }).c);
    expect(order).toEqual([4, 2, 5, 1, 3]);
    expect(q.size).toBe(0);
  });
});

describe('step', () => {
  it('never modifies the state it is given', () => {
    const r = resolveSimulation(pod(), {}, {});
    if ('errors' in r) throw new Error('fixture');
    let state = initialState(r.spec);
    const events: { at: number; event: SimEvent }[] = [{ at: 0, event: { type: 'PodCreated' } }];
    for (let i = 0; i < 10 && events.length > 0; i++) {
      const before = JSON.stringify(state);
      const next = events.shift() as { at: number; event: SimEvent };
      const out = step(r.spec, state, next);
      expect(JSON.stringify(state)).toBe(before);
      state = out.state;
      events.push(...out.schedule, { at: next.at, event: { type: 'Settle' } });
      events.sort((a, b) => a.at - b.at);
    }
  });
});

describe('simulate', () => {
  it('puts every requested instant in the timeline', () => {
    const r = simulate(pod(), undefined, { at: [1, 7.5, 2000] });
    expect(r.steps.filter((s) => [1, 7.5, 2000].includes(s.t)).map((s) => s.t)).toEqual([1, 7.5, 2000]);
    const at2000 = r.steps.find((s) => s.t === 2000);
    expect(at2000?.events).toEqual([]);
  });

  it('emits a step only when something observable changed or an event happened', () => {
    const r = simulate(pod());
    for (let i = 1; i < r.steps.length; i++) {
      const a = r.steps[i - 1];
      const b = r.steps[i];
      const same =
        JSON.stringify({ ...a?.snapshot, kubectl: null }) === JSON.stringify({ ...b?.snapshot, kubectl: null });
      expect(!same || (b?.events.length ?? 0) > 0, `step at ${b?.t}`).toBe(true);
    }
  });

  it('points each step at the manifest ranges it concerns', () => {
    const r = simulate(pod());
    const app = pod().containers[0];
    const crash = r.steps.find((s) => s.snapshot.containers[0]?.state === 'terminated');
    expect(crash?.events).toEqual([]);
    expect(crash?.ranges).toContainEqual(app?.range);
    const scheduled = r.steps[0];
    expect(scheduled?.ranges.length).toBeGreaterThan(0);
  });

  it('reports every assumption it made about an unspecified pod', () => {
    const r = simulate(pod());
    expect(Object.keys(r.assumptions?.notes ?? {}).sort()).toEqual([
      'containers.app.onSigterm',
      'containers.app.probes.readiness',
      'containers.app.runs',
      'containers.init.onSigterm',
      'containers.init.runs',
      'images[app:1]',
      'images[busybox:1.36]',
      'node.allocatable',
      'until',
    ]);
    expect(r.assumptions?.containers.app?.runs).toEqual([{ exitCode: 1, afterSeconds: 20 }]);
  });

  it('a scenario given explicitly wins over inference', () => {
    const r = simulate(pod(), { containers: { app: { runs: [{ forever: true }] } } });
    expect(r.assumptions?.containers.app?.runs).toEqual([{ forever: true }]);
    expect(r.assumptions?.notes['containers.app.runs']).toBeUndefined();
  });
});
