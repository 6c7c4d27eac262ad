// Property tests (issue 3): for random valid pods and scenarios the engine terminates, time never goes
// backwards, restart counts never decrease, Ready => ContainersReady => Initialized => PodScheduled, a
// terminal phase sticks, and the same input always yields the same timeline.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseManifests } from '../../../shared/model';
import { type ScenarioInput, type SimulationResult, simulate, toJson } from '../../../shared/sim';

type Infer<A> = A extends fc.Arbitrary<infer T> ? T : never;

const COMMANDS = [
  undefined,
  ['sh', '-c', 'exit 1'],
  ['sleep', '5'],
  ['sh', '-c', 'sleep 3; exit 2'],
  ['true'],
  ['sleep', '40'],
];

const probe = fc.record(
  {
    httpGet: fc.constant({ path: '/', port: 8080 }),
    initialDelaySeconds: fc.integer({ min: 0, max: 20 }),
    periodSeconds: fc.integer({ min: 1, max: 15 }),
    failureThreshold: fc.integer({ min: 1, max: 4 }),
    successThreshold: fc.integer({ min: 1, max: 3 }),
    timeoutSeconds: fc.integer({ min: 1, max: 3 }),
  },
  { requiredKeys: ['httpGet'] },
);

const container = (role: 'init' | 'sidecar' | 'regular') =>
  fc.record(
    {
      image: fc.constantFrom('busybox:1.36', 'nginx', 'app:1', 'Bad:Image', 'local:1'),
      command: fc.constantFrom(...COMMANDS),
      livenessProbe: role === 'init' ? fc.constant(undefined) : fc.option(probe, { nil: undefined }),
      readinessProbe: role === 'init' ? fc.constant(undefined) : fc.option(probe, { nil: undefined }),
      startupProbe: role === 'init' ? fc.constant(undefined) : fc.option(probe, { nil: undefined }),
      imagePullPolicy: fc.constantFrom(undefined, 'Always', 'IfNotPresent', 'Never'),
      cpu: fc.constantFrom(undefined, '500m', '1', '3'),
      postStart: role === 'init' ? fc.constant(false) : fc.boolean(),
      preStop: role === 'init' ? fc.constant(false) : fc.boolean(),
    },
    { requiredKeys: ['image', 'postStart', 'preStop'] },
  );

const podSpec = fc.record({
  restartPolicy: fc.constantFrom(undefined, 'Always', 'OnFailure', 'Never'),
  grace: fc.option(fc.integer({ min: 0, max: 40 }), { nil: undefined }),
  inits: fc.array(fc.tuple(fc.boolean(), container('init'), container('sidecar')), { maxLength: 2 }),
  regular: fc.array(container('regular'), { minLength: 1, maxLength: 3 }),
});

type Gen = fc.Arbitrary<unknown>;
const run: Gen = fc.oneof(
  fc.record({ forever: fc.constant(true) }),
  fc.record({ exitCode: fc.integer({ min: 0, max: 3 }), afterSeconds: fc.integer({ min: 0, max: 60 }) }),
  fc.record({ oom: fc.constant(true), afterSeconds: fc.integer({ min: 0, max: 60 }) }),
);
const answer: Gen = fc.oneof(
  fc.record({ always: fc.constantFrom('success', 'failure') }),
  fc.record({ healthyWhileAgeBelow: fc.integer({ min: 0, max: 100 }) }),
  fc.record({ successFromAge: fc.integer({ min: 0, max: 100 }), responseSeconds: fc.integer({ min: 0, max: 3 }) }),
);
const behaviour: Gen = fc.record(
  {
    runs: fc.array(run, { minLength: 1, maxLength: 3 }),
    probes: fc.record({ startup: answer, liveness: answer, readiness: answer }, { requiredKeys: [] }),
    postStart: fc.record({
      result: fc.constantFrom('success', 'failure'),
      durationSeconds: fc.integer({ min: 0, max: 10 }),
    }),
    preStop: fc.record({
      result: fc.constantFrom('success', 'failure'),
      durationSeconds: fc.integer({ min: 0, max: 45 }),
    }),
    onSigterm: fc.oneof(
      fc.constant('ignore'),
      fc.record({ exitCode: fc.integer({ min: 0, max: 143 }), afterSeconds: fc.integer({ min: 0, max: 40 }) }),
    ),
  },
  { requiredKeys: [] },
);

function manifest(p: Infer<typeof podSpec>): string {
  const toContainer = (name: string, c: Infer<ReturnType<typeof container>>, sidecar = false) => ({
    name,
    image: c.image,
    ...(sidecar ? { restartPolicy: 'Always' } : {}),
    ...(c.command ? { command: c.command } : {}),
    ...(c.imagePullPolicy ? { imagePullPolicy: c.imagePullPolicy } : {}),
    ...(c.cpu ? { resources: { requests: { cpu: c.cpu } } } : {}),
    ...(c.livenessProbe ? { livenessProbe: c.livenessProbe } : {}),
    ...(c.readinessProbe ? { readinessProbe: c.readinessProbe } : {}),
    ...(c.startupProbe ? { startupProbe: c.startupProbe } : {}),
    ...(c.postStart || c.preStop
      ? {
          lifecycle: {
            ...(c.postStart ? { postStart: { exec: { command: ['true'] } } } : {}),
            ...(c.preStop ? { preStop: { sleep: { seconds: 3 } } } : {}),
          },
        }
      : {}),
  });
  const spec = {
    ...(p.restartPolicy ? { restartPolicy: p.restartPolicy } : {}),
    ...(p.grace === undefined ? {} : { terminationGracePeriodSeconds: p.grace }),
    initContainers: p.inits.map(([sidecar, i, s], k) => toContainer(`i${k}`, sidecar ? s : i, sidecar)),
    containers: p.regular.map((c, k) => toContainer(`c${k}`, c)),
  };
  return JSON.stringify({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'prop' }, spec });
}

const input = podSpec.chain((p) => {
  const names = [...p.inits.map((_, k) => `i${k}`), ...p.regular.map((_, k) => `c${k}`)];
  const scenario = fc.record(
    {
      images: fc.dictionary(
        fc.constantFrom('busybox:1.36', 'nginx', 'app:1', 'local:1'),
        fc.record({ present: fc.boolean(), pullable: fc.boolean(), pullSeconds: fc.integer({ min: 0, max: 10 }) }),
      ),
      containers: fc.record(Object.fromEntries(names.map((n) => [n, behaviour])), { requiredKeys: [] }),
      actions: fc.array(
        fc.record({
          atSeconds: fc.integer({ min: 0, max: 400 }),
          do: fc.constant('delete'),
          gracePeriodSeconds: fc.option(fc.integer({ min: 0, max: 40 }), { nil: undefined }),
        }),
        { maxLength: 1 },
      ),
      until: fc.integer({ min: 30, max: 1500 }),
    },
    { requiredKeys: ['until'] },
  );
  return fc.tuple(fc.constant(manifest(p)), scenario);
});

function simulateText(text: string, scenario: unknown): SimulationResult {
  const pod = parseManifests(text).documents[0]?.pod;
  if (!pod) throw new Error('generated manifest has no pod');
  return simulate(pod, JSON.parse(JSON.stringify(scenario)) as ScenarioInput);
}

function checkInvariants(r: SimulationResult): void {
  expect(r.errors).toEqual([]);
  let prevT = -1;
  let prevAfter = false;
  const restarts = new Map<string, number>();
  let terminal: string | null = null;
  for (const step of r.steps) {
    expect(step.t).toBeGreaterThanOrEqual(prevT);
    if (step.t === prevT) expect(step.after && !prevAfter).toBe(true);
    prevT = step.t;
    prevAfter = step.after;
    const snap = step.snapshot;
    for (const c of [...snap.initContainers, ...snap.containers]) {
      expect(c.restartCount).toBeGreaterThanOrEqual(restarts.get(c.name) ?? 0);
      restarts.set(c.name, c.restartCount);
    }
    const cond = snap.conditions;
    if (cond.Ready?.status) expect(cond.ContainersReady?.status).toBe(true);
    if (cond.ContainersReady?.status) expect(cond.Initialized?.status).toBe(true);
    if (cond.Initialized?.status) expect(cond.PodScheduled?.status).toBe(true);
    if (terminal) expect(snap.phase).toBe(terminal);
    if (snap.phase === 'Succeeded' || snap.phase === 'Failed') terminal = snap.phase;
    const [ready, total] = snap.kubectl.READY.split('/').map(Number);
    expect(ready).toBeLessThanOrEqual(total as number);
  }
}

describe('simulation properties', () => {
  it('terminates with a well-formed timeline for random pods and scenarios', () => {
    fc.assert(
      fc.property(input, ([text, scenario]) => {
        checkInvariants(simulateText(text, scenario));
      }),
      { numRuns: 300 },
    );
  });

  it('the same input always yields the same timeline', () => {
    fc.assert(
      fc.property(input, ([text, scenario]) => {
        const a = JSON.stringify(toJson(simulateText(text, scenario), { document: 0 }));
        const b = JSON.stringify(toJson(simulateText(text, scenario), { document: 0 }));
        expect(a).toBe(b);
      }),
      { numRuns: 100 },
    );
  });
});
