// The Job controller around the simulated pod (issue 13): the kubernetes.io "Jobs" page examples and the
// controller's rules, each case citing its source. Times are simulated seconds since the Job's creation;
// the first pod pulls its image (2 s by default), later pods find it on the node.
import { describe, expect, it } from 'vitest';
import { parseManifests } from '../../../../shared/model';
import { predictionSummary, simulate, toJson } from '../../../../shared/sim';

const JOBS_PAGE = 'https://kubernetes.io/docs/concepts/workloads/controllers/job/';

function run(manifest: string, scenario?: unknown, until?: number) {
  const pod = parseManifests(manifest).documents[0]?.pod;
  if (!pod) throw new Error('fixture has no pod');
  return simulate(pod, scenario as never, until === undefined ? {} : { until });
}

const PI = `apiVersion: batch/v1
kind: Job
metadata:
  name: pi
spec:
  template:
    spec:
      containers:
      - name: pi
        image: perl:5.34.0
        command: ["perl",  "-Mbignum=bpi", "-wle", "print bpi(2000)"]
      restartPolicy: Never
  backoffLimit: 4
`;

const exits = (code: number, after: number) => ({
  containers: { pi: { runs: [{ exitCode: code, afterSeconds: after }] } },
});

interface Case {
  name: string;
  source: string;
  manifest: string;
  scenario?: unknown;
  until?: number;
  /** Pod creation and end times, in creation order. */
  pods: [number, number | null, string][];
  condition: { type: string; reason: string; t: number; message?: string } | null;
  summary: string;
}

const CASES: Case[] = [
  {
    name: 'the pi Job completes with its one pod',
    source: `${JOBS_PAGE} (Running an example Job); job_controller.go (CompletionsReached)`,
    manifest: PI,
    scenario: exits(0, 8),
    pods: [[0, 10, 'Succeeded']],
    condition: {
      type: 'Complete',
      reason: 'CompletionsReached',
      t: 10,
      message: 'Reached expected number of succeeded pods',
    },
    summary: 'Completes in ~10 s',
  },
  {
    name: 'backoffLimit 4: five failed pods, replaced after 10, 20, 40 and 80 s',
    source: `${JOBS_PAGE} (Pod backoff failure policy); backoff_utils.go getRemainingTimeForFailuresCount`,
    manifest: PI,
    scenario: exits(1, 3),
    pods: [
      [0, 5, 'Failed'],
      [15, 18, 'Failed'],
      [38, 41, 'Failed'],
      [81, 84, 'Failed'],
      [164, 167, 'Failed'],
    ],
    condition: {
      type: 'Failed',
      reason: 'BackoffLimitExceeded',
      t: 167,
      message: 'Job has reached the specified backoff limit',
    },
    summary: 'Fails: exit 1, BackoffLimitExceeded at ~167 s (5 pods)',
  },
  {
    name: 'the default backoffLimit is 6 and the back-off is capped at 10 minutes',
    source: 'pkg/apis/batch/v1/defaults.go (backoffLimit 6); job_controller.go MaxJobPodFailureBackOff = 10 min',
    manifest: PI.replace('  backoffLimit: 4\n', ''),
    scenario: exits(1, 1),
    until: 2000,
    pods: [
      [0, 3, 'Failed'],
      [13, 14, 'Failed'],
      [34, 35, 'Failed'],
      [75, 76, 'Failed'],
      [156, 157, 'Failed'],
      [317, 318, 'Failed'],
      [638, 639, 'Failed'],
    ],
    condition: { type: 'Failed', reason: 'BackoffLimitExceeded', t: 639 },
    summary: 'Fails: exit 1, BackoffLimitExceeded at ~639 s (7 pods)',
  },
  {
    name: 'activeDeadlineSeconds fails the Job and deletes its running pod',
    source: `${JOBS_PAGE} (Job termination and cleanup: pi-with-timeout); job_controller.go DeadlineExceeded`,
    manifest: PI.replace('  backoffLimit: 4\n', '  backoffLimit: 5\n  activeDeadlineSeconds: 100\n'),
    scenario: { containers: { pi: { runs: [{ forever: true }] } } },
    pods: [[0, 100, 'Deleted']],
    condition: {
      type: 'Failed',
      reason: 'DeadlineExceeded',
      t: 100,
      message: 'Job was active longer than specified deadline',
    },
    summary: 'Fails: DeadlineExceeded at ~100 s',
  },
  {
    name: 'podFailurePolicy FailJob on exit code 42 fails the Job at the first such exit',
    source: `${JOBS_PAGE} (Pod failure policy: job-pod-failure-policy-example); pod_failure_policy.go`,
    manifest: `apiVersion: batch/v1
kind: Job
metadata:
  name: job-pod-failure-policy-example
spec:
  completions: 12
  parallelism: 3
  template:
    spec:
      restartPolicy: Never
      containers:
      - name: main
        image: docker.io/library/bash:5
        command: ["bash"]
        args:
        - -c
        - echo "Hello world!" && sleep 5 && exit 42
  backoffLimit: 6
  podFailurePolicy:
    rules:
    - action: FailJob
      onExitCodes:
        containerName: main
        operator: In
        values: [42]
    - action: Ignore
      onPodConditions:
      - type: DisruptionTarget
`,
    scenario: { containers: { main: { runs: [{ exitCode: 42, afterSeconds: 5 }] } } },
    pods: [
      [0, 7, 'Failed'],
      [0, 7, 'Deleted'],
      [0, 7, 'Deleted'],
    ],
    condition: { type: 'Failed', reason: 'PodFailurePolicy', t: 7 },
    summary: 'Fails: exit 42, PodFailurePolicy at ~7 s (3 pods)',
  },
  {
    name: 'podFailurePolicy Ignore replaces the pod at once and does not count the failure',
    source: `${JOBS_PAGE} (Pod failure policy: Ignore); job_controller.go (ignored failures skip backoffLimit)`,
    manifest: `apiVersion: batch/v1
kind: Job
metadata: {name: ignore}
spec:
  backoffLimit: 0
  podFailurePolicy:
    rules:
    - action: Ignore
      onExitCodes: {operator: In, values: [3]}
  template:
    spec:
      restartPolicy: Never
      containers:
      - {name: main, image: app:1}
`,
    scenario: {
      containers: {
        main: {
          runs: [
            { exitCode: 3, afterSeconds: 4 },
            { exitCode: 0, afterSeconds: 4 },
          ],
        },
      },
    },
    pods: [
      [0, 6, 'Failed'],
      [6, 10, 'Succeeded'],
    ],
    condition: { type: 'Complete', reason: 'CompletionsReached', t: 10 },
    summary: 'Completes in ~10 s (2 pods)',
  },
  {
    name: 'podFailurePolicy Count with NotIn counts other exit codes against backoffLimit',
    source: `${JOBS_PAGE} (Pod failure policy: Count, operator NotIn); pod_failure_policy.go`,
    manifest: `apiVersion: batch/v1
kind: Job
metadata: {name: count}
spec:
  backoffLimit: 1
  podFailurePolicy:
    rules:
    - action: Count
      onExitCodes: {operator: NotIn, values: [0, 42]}
  template:
    spec:
      restartPolicy: Never
      containers:
      - {name: main, image: app:1}
`,
    scenario: { containers: { main: { runs: [{ exitCode: 2, afterSeconds: 1 }] } } },
    pods: [
      [0, 3, 'Failed'],
      [13, 14, 'Failed'],
    ],
    condition: { type: 'Failed', reason: 'BackoffLimitExceeded', t: 14 },
    summary: 'Fails: exit 2, BackoffLimitExceeded at ~14 s (2 pods)',
  },
  {
    name: 'an Indexed Job runs its indexes up to parallelism and completes when all succeeded',
    source: 'https://kubernetes.io/docs/tasks/job/indexed-parallel-processing-static/ (completions 5, parallelism 3)',
    manifest: `apiVersion: batch/v1
kind: Job
metadata:
  name: 'indexed-job'
spec:
  completions: 5
  parallelism: 3
  completionMode: Indexed
  template:
    spec:
      restartPolicy: Never
      containers:
      - name: 'worker'
        image: 'docker.io/library/busybox'
        command: ["rev", "/input/data.txt"]
`,
    scenario: { containers: { worker: { runs: [{ exitCode: 0, afterSeconds: 5 }] } } },
    pods: [
      [0, 7, 'Succeeded'],
      [0, 7, 'Succeeded'],
      [0, 7, 'Succeeded'],
      [7, 12, 'Succeeded'],
      [7, 12, 'Succeeded'],
    ],
    condition: { type: 'Complete', reason: 'CompletionsReached', t: 12 },
    summary: 'Completes in ~12 s (5 pods)',
  },
  {
    name: 'backoffLimitPerIndex fails each index on its own; the Job fails with FailedIndexes',
    source: `${JOBS_PAGE} (Backoff limit per index); job_controller.go (FailedIndexes)`,
    manifest: `apiVersion: batch/v1
kind: Job
metadata: {name: per-index}
spec:
  completions: 2
  parallelism: 2
  completionMode: Indexed
  backoffLimitPerIndex: 1
  maxFailedIndexes: 5
  template:
    spec:
      restartPolicy: Never
      containers:
      - {name: example, image: python:3}
`,
    scenario: { containers: { example: { runs: [{ exitCode: 1, afterSeconds: 1 }] } } },
    pods: [
      [0, 3, 'Failed'],
      [0, 3, 'Failed'],
      [13, 14, 'Failed'],
      [13, 14, 'Failed'],
    ],
    condition: { type: 'Failed', reason: 'FailedIndexes', t: 14, message: 'Job has failed indexes' },
    summary: 'Fails: exit 1, FailedIndexes at ~14 s (4 pods)',
  },
  {
    name: 'maxFailedIndexes exceeded fails the Job before the other indexes finish',
    source: `${JOBS_PAGE} (Backoff limit per index: maxFailedIndexes); job_controller.go (MaxFailedIndexesExceeded)`,
    manifest: `apiVersion: batch/v1
kind: Job
metadata: {name: max-failed}
spec:
  completions: 3
  parallelism: 3
  completionMode: Indexed
  backoffLimitPerIndex: 0
  maxFailedIndexes: 0
  template:
    spec:
      restartPolicy: Never
      containers:
      - {name: example, image: python:3}
`,
    scenario: { containers: { example: { runs: [{ exitCode: 1, afterSeconds: 1 }] } } },
    pods: [
      [0, 3, 'Failed'],
      [0, 3, 'Deleted'],
      [0, 3, 'Deleted'],
    ],
    condition: { type: 'Failed', reason: 'MaxFailedIndexesExceeded', t: 3 },
    summary: 'Fails: exit 1, MaxFailedIndexesExceeded at ~3 s (3 pods)',
  },
  {
    name: 'successPolicy: the leader index succeeding is enough',
    source: `${JOBS_PAGE} (Success policy); job_controller.go (SuccessPolicy, "Matched rules at index 0")`,
    manifest: `apiVersion: batch/v1
kind: Job
metadata: {name: job-success}
spec:
  parallelism: 3
  completions: 3
  completionMode: Indexed
  successPolicy:
    rules:
    - succeededIndexes: "0"
      succeededCount: 1
  template:
    spec:
      restartPolicy: Never
      containers:
      - {name: main, image: python:3}
`,
    scenario: { containers: { main: { runs: [{ exitCode: 0, afterSeconds: 4 }] } } },
    pods: [
      [0, 6, 'Succeeded'],
      [0, 6, 'Deleted'],
      [0, 6, 'Deleted'],
    ],
    condition: { type: 'Complete', reason: 'SuccessPolicy', t: 6, message: 'Matched rules at index 0' },
    summary: 'Completes in ~6 s (3 pods)',
  },
  {
    name: 'restartPolicy OnFailure restarts in the same pod; its restarts count toward backoffLimit',
    source: `${JOBS_PAGE} (Handling Pod and container failures); job_controller.go pastBackoffLimitOnFailure`,
    manifest: `apiVersion: batch/v1
kind: Job
metadata: {name: onfailure}
spec:
  backoffLimit: 2
  template:
    spec:
      restartPolicy: OnFailure
      containers:
      - {name: main, image: app:1}
`,
    scenario: { containers: { main: { runs: [{ exitCode: 1, afterSeconds: 3 }] } } },
    pods: [[0, 18, 'Deleted']],
    condition: { type: 'Failed', reason: 'BackoffLimitExceeded', t: 18 },
    summary: 'Fails: BackoffLimitExceeded at ~18 s, 2 restarts',
  },
  {
    name: 'a native sidecar does not keep a Job from completing',
    source:
      'https://kubernetes.io/docs/concepts/workloads/pods/sidecar-containers/ (Jobs with sidecar containers); kubelet getPhase',
    manifest: `apiVersion: batch/v1
kind: Job
metadata: {name: myjob}
spec:
  template:
    spec:
      restartPolicy: Never
      initContainers:
      - name: logshipper
        image: alpine:latest
        restartPolicy: Always
        command: ['sh', '-c', 'tail -F /opt/logs.txt']
      containers:
      - name: myjob
        image: alpine:latest
        command: ['sh', '-c', 'echo "logging" > /opt/logs.txt']
`,
    scenario: {
      containers: {
        logshipper: { runs: [{ forever: true }] },
        myjob: { runs: [{ exitCode: 0, afterSeconds: 1 }] },
      },
    },
    pods: [[0, 3, 'Succeeded']],
    condition: { type: 'Complete', reason: 'CompletionsReached', t: 3 },
    summary: 'Completes in ~3 s',
  },
  {
    name: 'the CronJob hello: the Job it creates completes',
    source:
      'https://kubernetes.io/docs/tasks/job/automated-tasks-with-cron-jobs/ (t = 0 is when the CronJob creates the Job)',
    manifest: `apiVersion: batch/v1
kind: CronJob
metadata:
  name: hello
spec:
  schedule: "* * * * *"
  jobTemplate:
    spec:
      template:
        spec:
          containers:
          - name: hello
            image: busybox:1.28
            imagePullPolicy: IfNotPresent
            command:
            - /bin/sh
            - -c
            - date; echo Hello from the Kubernetes cluster
          restartPolicy: OnFailure
`,
    scenario: { containers: { hello: { runs: [{ exitCode: 0, afterSeconds: 0 }] } } },
    pods: [[0, 2, 'Succeeded']],
    condition: { type: 'Complete', reason: 'CompletionsReached', t: 2 },
    summary: 'Completes in ~2 s',
  },
];

describe('the Job controller', () => {
  it.each(CASES.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const result = run(c.manifest, c.scenario, c.until);
    expect(result.errors).toEqual([]);
    const job = result.job;
    if (!job) throw new Error(`${c.name}: no job section (${c.source})`);
    expect(
      job.pods.map((p) => [p.createdAt, p.endedAt, p.phase]),
      c.source,
    ).toEqual(c.pods);
    const terminal = job.conditions.find((x) => x.type === 'Complete' || x.type === 'Failed') ?? null;
    expect(terminal && { type: terminal.type, reason: terminal.reason, t: terminal.t }, c.source).toEqual(
      c.condition && { type: c.condition.type, reason: c.condition.reason, t: c.condition.t },
    );
    if (c.condition?.message) expect(terminal?.message).toBe(c.condition.message);
    expect(predictionSummary(result), c.source).toBe(c.summary);
  });

  it('sets SuccessCriteriaMet before Complete and FailureTarget before Failed, with the same reason', () => {
    const ok = run(PI, exits(0, 1)).job?.conditions.map((x) => `${x.type}/${x.reason}`);
    expect(ok).toEqual(['SuccessCriteriaMet/CompletionsReached', 'Complete/CompletionsReached']);
    const bad = run(PI, exits(1, 1)).job?.conditions.map((x) => `${x.type}/${x.reason}`);
    expect(bad).toEqual(['FailureTarget/BackoffLimitExceeded', 'Failed/BackoffLimitExceeded']);
  });

  it('names the FailJob rule, the container and the pod in the Failed message', () => {
    const c = CASES.find((x) => x.condition?.reason === 'PodFailurePolicy') as Case;
    const job = run(c.manifest, c.scenario).job;
    const pod = job?.pods[0]?.name ?? '';
    expect(pod).toMatch(/^job-pod-failure-policy-example-[a-z0-9]{5}$/);
    expect(job?.conditions.at(-1)?.message).toBe(
      `Container main for pod default/${pod} failed with exit code 42 matching FailJob rule at index 0`,
    );
    expect(job?.pods[0]?.action).toBe('FailJob');
  });

  it('names Indexed pods after their index, each pod differently', () => {
    const c = CASES.find((x) => x.name.startsWith('an Indexed Job')) as Case;
    const job = run(c.manifest, c.scenario).job;
    expect(job?.pods.map((p) => p.index)).toEqual([0, 1, 2, 3, 4]);
    expect(job?.pods.map((p) => p.name.replace(/-[a-z0-9]{5}$/, ''))).toEqual(
      [0, 1, 2, 3, 4].map((i) => `indexed-job-${i}`),
    );
    expect(new Set(job?.pods.map((p) => p.name)).size).toBe(5);
    expect(job?.completedIndexes).toEqual([0, 1, 2, 3, 4]);
  });

  it('lets later pods go on with the scenario runs: fails twice, then succeeds', () => {
    const scenario = {
      containers: {
        pi: {
          runs: [
            { exitCode: 1, afterSeconds: 1 },
            { exitCode: 1, afterSeconds: 1 },
            { exitCode: 0, afterSeconds: 1 },
          ],
        },
      },
    };
    const job = run(PI, scenario).job;
    expect(job?.pods.map((p) => p.phase)).toEqual(['Failed', 'Failed', 'Succeeded']);
    expect(job?.failed).toBe(2);
    expect(job?.conditions.at(-1)?.type).toBe('Complete');
  });

  it('creates no pod for a suspended Job', () => {
    const result = run(PI.replace('  backoffLimit: 4\n', '  suspend: true\n'), exits(0, 1));
    expect(result.job?.pods).toEqual([]);
    expect(predictionSummary(result)).toBe('Job is suspended: no pods are created');
  });

  it('adds a job section to the JSON contract and keeps version 1 and the first pod as steps', () => {
    const result = run(PI, exits(1, 3));
    const json = toJson(result, { document: 0 });
    expect(json.version).toBe(1);
    expect(json.steps.length).toBeGreaterThan(0);
    expect(json.job?.pods).toHaveLength(5);
    expect(json.job?.conditions.at(-1)).toMatchObject({ type: 'Failed', reason: 'BackoffLimitExceeded', t: 167 });
    const pod = parseManifests(PI.replace('kind: Job', 'kind: Pod')).documents[0]?.pod;
    expect(pod && 'job' in toJson(simulate(pod), { document: 0 })).toBe(false);
  });
});
