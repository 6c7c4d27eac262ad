// Manifests whose predicted timeline changes with the target Kubernetes version (v1.29..v1.36) or its feature
// gates. Each row cites the change it follows; every row runs against every supported minor.
import { describe, expect, it } from 'vitest';
import { NEWEST_MINOR, OLDEST_MINOR } from '../../../shared/k8s/version/target';
import { type PodView, parseManifests } from '../../../shared/model';
import { type SimulationResult, simulate } from '../../../shared/sim';

const MINORS = Array.from({ length: NEWEST_MINOR - OLDEST_MINOR + 1 }, (_, i) => OLDEST_MINOR + i);

interface Row {
  name: string;
  /** The Kubernetes change (KEP / PR) the version difference follows. */
  cite: string;
  spec: string;
  gates?: Record<string, boolean>;
  deleteAt?: number;
  /** How many steps of the timeline the row compares. */
  steps?: number;
  /** [first minor, last minor, timeline]: together they cover v1.29..v1.36. */
  expected: [number, number, string][];
}

/** The expected timelines of a row that changes once: `before` up to the minor before `minor`, `after` from it on. */
function changesIn(minor: number, before: string, after: string): Row['expected'] {
  return [
    [OLDEST_MINOR, minor - 1, before],
    [minor, NEWEST_MINOR, after],
  ];
}

/** A pod spec body (the lines under `spec:`) from flow-style container entries. */
function podSpec(containers: string[], initContainers: string[] = []): string {
  const list = (key: string, items: string[]) =>
    items.length === 0 ? '' : `  ${key}:\n${items.map((c) => `  - ${c}\n`).join('')}`;
  return list('initContainers', initContainers) + list('containers', containers);
}

/** A flow-style container of image `app:1`, with its own restartPolicy when given. */
function container(name: string, command: string, restartPolicy?: string): string {
  return `{name: ${name}, image: app:1${restartPolicy ? `, restartPolicy: ${restartPolicy}` : ''}, command: ${command}}`;
}

const FOREVER = '[sleep, infinity]';
const shell = (script: string) => `[sh, -c, "${script}"]`;

/** One container that sleeps forever, with a `sleep` handler for `hook`. */
function sleepHook(hook: 'preStop' | 'postStart', seconds: number): string {
  return `  containers:
  - name: app
    image: app:1
    command: ${FOREVER}
    lifecycle:
      ${hook}:
        sleep: {seconds: ${seconds}}
`;
}

const SIDECAR = podSpec([container('app', FOREVER)], [container('proxy', FOREVER, 'Always')]);
const CRASHING = podSpec([container('app', shell('sleep 3; exit 1'))]);
// `sleep` as PID 1 ignores SIGTERM: after the 5 s hook the container is killed at the 30 s grace.
const PRESTOP_SLEEP = sleepHook('preStop', 5);
const REJECTED_SLEEP = 'rejected spec.containers[0].lifecycle.preStop';
const REJECTED_POLICY = 'rejected spec.containers[0].restartPolicy';
const IMAGES = { images: { 'app:1': { present: true } } };

const ROWS: Row[] = [
  {
    name: 'a sidecar with SidecarContainers off is an init container that never exits',
    cite: 'KEP-753: beta (on) v1.29, GA and locked on v1.33; dropDisabledFields drops restartPolicy while off',
    spec: SIDECAR,
    gates: { SidecarContainers: false },
    expected: changesIn(33, '0 Init:0/1', '0 Running'),
  },
  {
    name: 'a sidecar that exits after 5 s: an init container that completes when sidecars are off',
    cite: 'KEP-753 (SidecarContainers GA in v1.33, PR #128486)',
    spec: podSpec([container('app', FOREVER)], [container('proxy', shell('sleep 5'), 'Always')]),
    gates: { SidecarContainers: false },
    steps: 3,
    expected: changesIn(33, '0 Init:0/1 | 5 PodInitializing | 5+ Running', '0 Running | 5 Running | 5+ Running'),
  },
  {
    name: 'a run-to-completion pod with a sidecar: with sidecars off its worker never starts',
    cite: 'KEP-753: sidecars stop once the regular containers are done; off, restartPolicy is dropped',
    spec: `  restartPolicy: Never\n${podSpec([container('app', shell('sleep 4'))], [container('proxy', FOREVER, 'Always')])}`,
    gates: { SidecarContainers: false },
    steps: 2,
    expected: changesIn(33, '0 Init:0/1', '0 Running | 4 Completed'),
  },
  {
    name: 'a preStop sleep hook: rejected in v1.29, where PodLifecycleSleepAction is alpha and off',
    cite: 'KEP-3960: alpha v1.29, beta (on) v1.30, GA v1.34 (PR #130621)',
    spec: PRESTOP_SLEEP,
    deleteAt: 100,
    expected: changesIn(30, REJECTED_SLEEP, '0 Running | 100 Terminating | 130 gone'),
  },
  {
    name: 'a preStop sleep hook with PodLifecycleSleepAction turned off: accepted only once the gate is locked',
    cite: 'KEP-3960: GA and locked on in v1.34',
    spec: PRESTOP_SLEEP,
    deleteAt: 100,
    gates: { PodLifecycleSleepAction: false },
    expected: changesIn(34, REJECTED_SLEEP, '0 Running | 100 Terminating | 130 gone'),
  },
  {
    name: 'a postStart sleep hook delays Running by its seconds, from v1.30',
    cite: 'KEP-3960: PodLifecycleSleepAction beta (on) in v1.30',
    spec: sleepHook('postStart', 3),
    steps: 2,
    expected: changesIn(30, 'rejected spec.containers[0].lifecycle.postStart', '0 ContainerCreating | 3 Running'),
  },
  {
    name: "a container's own restartPolicy Never: rejected before ContainerRestartRules, not restarted after",
    cite: 'KEP-5307 ContainerRestartRules: alpha v1.34, beta (on) v1.35 (PR #132642)',
    spec: podSpec([container('app', shell('sleep 3; exit 1'), 'Never'), container('web', FOREVER)]),
    expected: changesIn(35, REJECTED_POLICY, '0 Running | 3 Error'),
  },
  {
    name: 'restartPolicy OnFailure on one container of an Always pod, with the alpha gate turned on in v1.34',
    cite: 'KEP-5307: the gate exists from v1.34 (alpha), so turning it on helps only there',
    spec: podSpec([container('app', shell('sleep 3'), 'OnFailure')]),
    gates: { ContainerRestartRules: true },
    expected: changesIn(34, REJECTED_POLICY, '0 Running | 3 Completed | 3+ Completed'),
  },
  {
    name: 'an init container with restartPolicy Never fails the pod instead of being retried',
    cite: 'KEP-5307: validateInitContainers allows Never and OnFailure from v1.35',
    spec: podSpec([container('app', FOREVER)], [container('migrate', shell('sleep 2; exit 1'), 'Never')]),
    expected: changesIn(
      35,
      'rejected spec.initContainers[0].restartPolicy',
      '0 Init:0/1 | 2 Init:Error | 2+ Init:Error',
    ),
  },
  {
    name: 'crash loop with ReduceDefaultCrashLoopBackOffDecay: 1 s, 2 s, 4 s delays, retried every 10 s before v1.35',
    cite: 'KEP-4603 (alpha v1.33, PR #130711) and PR #133066 (v1.35: requeue at the back-off expiry)',
    spec: CRASHING,
    gates: { ReduceDefaultCrashLoopBackOffDecay: true },
    steps: 12,
    expected: [
      [
        29,
        32,
        '0 Running | 3 Error | 3+ Running | 6 Error | 6+ CrashLoopBackOff | 16 Running | 19 Error | 19+ CrashLoopBackOff | 39 Running | 42 Error | 42+ CrashLoopBackOff | 82 Running',
      ],
      [
        33,
        34,
        '0 Running | 3 Error | 3+ Running | 6 Error | 6+ CrashLoopBackOff | 16 Running | 19 Error | 19+ CrashLoopBackOff | 29 Running | 32 Error | 32+ CrashLoopBackOff | 42 Running',
      ],
      [
        35,
        36,
        '0 Running | 3 Error | 3+ Running | 6 Error | 6+ CrashLoopBackOff | 7 Running | 10 Error | 10+ CrashLoopBackOff | 12 Running | 15 Error | 15+ CrashLoopBackOff | 19 Running',
      ],
    ],
  },
  {
    name: 'PodReadyToStartContainers turned off: the kubelet stops publishing the condition',
    cite: 'KEP-3085: PodReadyToStartContainersCondition beta (on) from v1.29, never locked in v1.29..v1.36',
    spec: CRASHING,
    gates: { PodReadyToStartContainersCondition: false },
    steps: 1,
    expected: [[29, 36, '0 Running']],
  },
];

function timeline(r: SimulationResult, steps: number): string {
  if (r.errors.length > 0) return `rejected ${r.errors[0]?.field}`;
  return r.steps
    .slice(0, steps)
    .map((s) => `${s.t}${s.after ? '+' : ''} ${s.snapshot.exists ? s.snapshot.kubectl.STATUS : 'gone'}`)
    .join(' | ');
}

function podOf(row: Row): PodView {
  const text = `apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n${row.spec}`;
  const pod = parseManifests(text).documents[0]?.pod;
  if (!pod) throw new Error(`fixture ${row.name} does not parse`);
  return pod;
}

function run(row: Row, minor: number): SimulationResult {
  return simulate(podOf(row), IMAGES, {
    target: { minor, featureGates: row.gates ?? {} },
    until: 200,
    ...(row.deleteAt === undefined ? {} : { deleteAt: row.deleteAt }),
  });
}

describe('the timeline follows the target version', () => {
  it('the table covers every supported minor in each row', () => {
    for (const row of ROWS) {
      const covered = row.expected.flatMap(([from, to]) => MINORS.filter((m) => m >= from && m <= to));
      expect(covered, row.name).toEqual(MINORS);
    }
  });

  for (const row of ROWS) {
    describe(`${row.name} (${row.cite})`, () => {
      for (const minor of MINORS) {
        const want = row.expected.find(([from, to]) => minor >= from && minor <= to)?.[2];
        it(`v1.${minor}`, () => {
          expect(timeline(run(row, minor), row.steps ?? 3)).toBe(want);
        });
      }
    });
  }

  it('publishes PodReadyToStartContainers by default and not when its gate is off', () => {
    const row = ROWS.at(-1) as Row;
    const on = run({ ...row, gates: {} }, 30).steps[0]?.snapshot.conditions;
    const off = run(row, 30).steps[0]?.snapshot.conditions;
    expect(on?.PodReadyToStartContainers).toEqual({ status: true });
    expect(off?.PodReadyToStartContainers).toBeUndefined();
    expect(off?.Ready).toBeDefined();
  });

  it("a container's own policy decides the phase: Succeeded after OnFailure exits 0, Failed after an init Never fails", () => {
    const phaseAt = (row: Row) => run(row, 35).steps.at(-1)?.snapshot.phase;
    expect(phaseAt(ROWS[7] as Row)).toBe('Succeeded');
    expect(phaseAt(ROWS[8] as Row)).toBe('Failed');
  });

  it('the default target is the newest kubelet', () => {
    const row = ROWS[9] as Row;
    const byDefault = simulate(podOf(row), IMAGES, { until: 200 });
    expect(timeline(byDefault, 12)).toBe(timeline(run({ ...row, gates: {} }, NEWEST_MINOR), 12));
  });
});
