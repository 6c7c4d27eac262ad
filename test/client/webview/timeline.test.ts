// The lifecycle panel's timeline model (issue 6): lanes in start order with spans coloured by reason,
// restart/exit markers, probe-failure ticks, conditions over time, event rows and step lookup.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildTimeline, eventContainer, findStep, stepAtTime } from '../../../client/webview/model/timeline';
import { parseManifests } from '../../../shared/model';
import { simulate } from '../../../shared/sim';

const example = (name: string) => fs.readFileSync(path.resolve(__dirname, '../../../examples', name), 'utf8');

function timelineOf(text: string, scenario?: Parameters<typeof simulate>[1]) {
  const pod = parseManifests(text).documents[0]?.pod;
  if (!pod) throw new Error('fixture has no pod');
  const result = simulate(pod, scenario, { until: 900 });
  return buildTimeline(result.steps, pod, result.until);
}

const kinds = (t: ReturnType<typeof timelineOf>, name: string) =>
  t.lanes.find((l) => l.name === name)?.spans.map((s) => s.kind);

describe('buildTimeline', () => {
  it('orders lanes init, sidecar, regular in spec order and colours each span by reason', () => {
    const t = timelineOf(example('init-containers.yaml'));
    expect(t.lanes.map((l) => [l.name, l.type])).toEqual([
      ['init-myservice', 'init'],
      ['init-other', 'init'],
      ['myapp-container', 'regular'],
    ]);
    expect(kinds(t, 'init-myservice')).toEqual(['pulling', 'running', 'completed']);
    expect(kinds(t, 'myapp-container')).toEqual(['waiting', 'pulling', 'ready']);
    const running = t.lanes[0]?.spans[1];
    expect(running && [running.from, running.to]).toEqual([2, 12]);
    expect(running?.title).toMatch(
      /^init-myservice: Running\n2 s → 12 s \(10 s\)\nRunning: an init container must exit 0/,
    );
  });

  it('marks one exit per termination and one restart per new instance in a crash loop', () => {
    const t = timelineOf(example('crashloop.yaml'));
    const lane = t.lanes[0];
    const restarts = lane?.markers.filter((m) => m.kind === 'restart') ?? [];
    const exits = lane?.markers.filter((m) => m.kind === 'exitError') ?? [];
    expect(restarts.map((m) => m.title)).toEqual(restarts.map((_, i) => `app: restart #${i + 1}`));
    // One marker per instant a container exited (two exits at the same instant share one).
    const crashes = t.steps.filter((s) => s.snapshot.kubectl.STATUS === 'Error').map((s) => s.t);
    expect(exits.map((m) => m.t)).toEqual(crashes);
    expect(kinds(t, 'app')).toContain('backoff');
    expect(lane?.spans.find((s) => s.kind === 'backoff')?.title).toMatch(/Crash-loop back-off/);
  });

  it('turns Unhealthy events into probe ticks and keeps the container running but not ready', () => {
    const t = timelineOf(example('readiness-probe.yaml'), {
      containers: { 'web-server': { probes: { readiness: { always: 'failure' } } } },
    });
    const lane = t.lanes[0];
    expect(lane?.markers.filter((m) => m.kind === 'probe').length).toBeGreaterThanOrEqual(3);
    expect(kinds(t, 'web-server')).toEqual(['pulling', 'notReady']);
    expect(t.conditions.find((c) => c.type === 'Ready')?.spans.every((s) => !s.status)).toBe(true);
  });

  it('shows the preStop window as stopping and ends the lanes when the pod is gone', () => {
    const t = timelineOf(example('lifecycle-hooks.yaml'), { actions: [{ atSeconds: 30, do: 'delete' }] });
    const spans = t.lanes[0]?.spans ?? [];
    expect(spans.map((s) => [s.kind, s.from, s.to])).toEqual([
      ['pulling', 0, 2],
      ['ready', 2, 30],
      ['stopping', 30, 40],
    ]);
  });

  it('fixes the kubectl column widths to the widest value of the whole timeline', () => {
    const t = timelineOf(example('crashloop.yaml'));
    expect(t.widths.STATUS).toBe(Math.max(...t.steps.map((s) => s.snapshot.kubectl.STATUS.length)));
    expect(t.widths.STATUS).toBeGreaterThanOrEqual('CrashLoopBackOff'.length);
    expect(t.widths.RESTARTS).toBe(Math.max(...t.steps.map((s) => s.snapshot.kubectl.RESTARTS.length)));
  });

  it('lists every event once, in order, with the container it names', () => {
    const t = timelineOf(example('init-containers.yaml'));
    expect(t.events.length).toBe(t.steps.reduce((n, s) => n + s.events.length, 0));
    expect(t.events.map((e) => e.step)).toEqual([...t.events.map((e) => e.step)].sort((a, b) => a - b));
    expect(t.events.find((e) => e.event.reason === 'Started')?.container).toEqual({
      list: 'initContainers',
      name: 'init-myservice',
    });
  });
});

describe('eventContainer', () => {
  it.each([
    ['spec.containers{app}', { list: 'containers', name: 'app' }],
    ['spec.initContainers{init-db}', { list: 'initContainers', name: 'init-db' }],
    ['spec.containers{<img src=x>}', { list: 'containers', name: '<img src=x>' }],
    ['pod', null],
  ])('%s', (object, expected) => {
    expect(eventContainer({ type: 'Normal', reason: 'Started', object, from: 'kubelet', message: '' })).toEqual(
      expected,
    );
  });
});

describe('step lookup', () => {
  const steps = timelineOf(example('crashloop.yaml')).steps;

  it('finds the last step at or before a time', () => {
    expect(stepAtTime(steps, 0)).toBe(0);
    expect(steps[stepAtTime(steps, 11.5)]?.t).toBeLessThanOrEqual(11.5);
    expect(stepAtTime(steps, 1e9)).toBe(steps.length - 1);
  });

  it('keeps the same moment (time and after) across a re-simulation', () => {
    const i = steps.findIndex((s) => s.after);
    const step = steps[i];
    expect(step && findStep(steps, { t: step.t, after: true })).toBe(i);
    expect(findStep(steps, null)).toBe(0);
  });
});

describe('liveness restarts', () => {
  it('does not leave the restarted instance stopping after a liveness kill', () => {
    const t = timelineOf(example('liveness-probe.yaml'), {
      containers: { nginx: { probes: { liveness: { always: 'failure' } } } },
    });
    const spans = t.lanes[0]?.spans ?? [];
    expect(spans.filter((s) => s.kind === 'stopping')).toEqual([]);
    expect(spans.filter((s) => s.kind === 'ready').length).toBeGreaterThanOrEqual(3);
    expect(t.lanes[0]?.markers.filter((m) => m.kind === 'restart').length).toBeGreaterThanOrEqual(4);
  });
});
