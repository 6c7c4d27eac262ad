// Indexed Jobs of the Kubernetes documentation, with no scenario: each pod's containers see their own
// JOB_COMPLETION_INDEX (addCompletionIndexEnvVariables, pkg/controller/job/indexed_job_utils.go), so a
// program that fails on some indexes fails on exactly those, as the pages' `kubectl get job -o yaml` show.
import { describe, expect, it } from 'vitest';
import { parseManifests } from '../../../../shared/model';
import { simulate } from '../../../../shared/sim';

function job(manifest: string, until = 600) {
  const pod = parseManifests(manifest).documents[0]?.pod;
  if (!pod) throw new Error('fixture has no pod');
  const r = simulate(pod, undefined, { until });
  if (!r.job) throw new Error('no Job result');
  return r;
}

// kubernetes.io/docs/tasks/job/backoff-limit-per-index/ is the page; the manifest is
// content/en/examples/controllers/job-backoff-limit-per-index-example.yaml.
const PER_INDEX = `apiVersion: batch/v1
kind: Job
metadata:
  name: job-backoff-limit-per-index-example
spec:
  completions: 10
  parallelism: 3
  completionMode: Indexed
  backoffLimitPerIndex: 1
  maxFailedIndexes: 5
  template:
    spec:
      restartPolicy: Never
      containers:
      - name: example
        image: python
        command:
        - python3
        - -c
        - |
          import os, sys
          print("Hello world")
          if int(os.environ.get("JOB_COMPLETION_INDEX")) % 2 == 0:
            sys.exit(1)
`;

// kubernetes.io/docs/concepts/workloads/controllers/job/ (Indexed Job with an init container per index).
const INDEXED = `apiVersion: batch/v1
kind: Job
metadata:
  name: indexed-job
spec:
  completions: 5
  parallelism: 3
  completionMode: Indexed
  template:
    spec:
      restartPolicy: Never
      initContainers:
      - name: 'input'
        image: 'docker.io/library/bash'
        command:
        - "bash"
        - "-c"
        - |
          items=(foo bar baz qux xyz)
          echo \${items[$JOB_COMPLETION_INDEX]} > /input/data.txt
        volumeMounts:
        - mountPath: /input
          name: input
      containers:
      - name: 'worker'
        image: 'docker.io/library/busybox'
        command:
        - "rev"
        - "/input/data.txt"
        volumeMounts:
        - mountPath: /input
          name: input
      volumes:
      - name: input
        emptyDir: {}
`;

// kubernetes.io/docs/concepts/workloads/controllers/job/ ("Success policy", job-success-policy.yaml).
const SUCCESS_POLICY = `apiVersion: batch/v1
kind: Job
metadata:
  name: job-success
spec:
  parallelism: 10
  completions: 10
  completionMode: Indexed
  successPolicy:
    rules:
      - succeededIndexes: 0,2-3
        succeededCount: 1
  template:
    spec:
      containers:
      - name: main
        image: python
        command:
          - python3
          - -c
          - |
            import os, sys
            if os.environ.get("JOB_COMPLETION_INDEX") == "2":
              sys.exit(0)
            else:
              sys.exit(1)
      restartPolicy: Never
`;

describe('Indexed Jobs of the documentation, zero-config', () => {
  it('successPolicy: index 2 succeeds, the Job meets its success criteria and the lingering pods go', () => {
    const j = job(SUCCESS_POLICY).job;
    expect(j?.completedIndexes).toEqual([2]);
    expect(j?.conditions.map((c) => [c.type, c.reason])).toEqual([
      ['SuccessCriteriaMet', 'SuccessPolicy'],
      ['Complete', 'SuccessPolicy'],
    ]);
    expect(j?.pods.find((p) => p.index === 2)?.phase).toBe('Succeeded');
  });

  it('backoffLimitPerIndex: even indexes fail twice, odd ones complete, the Job fails with FailedIndexes', () => {
    const r = job(PER_INDEX);
    const j = r.job;
    expect(j?.completedIndexes).toEqual([1, 3, 5, 7, 9]);
    expect(j?.failedIndexes).toEqual([0, 2, 4, 6, 8]);
    expect(j?.succeeded).toBe(5);
    expect(j?.failed).toBe(10);
    expect(j?.conditions.map((c) => [c.type, c.reason])).toEqual([
      ['FailureTarget', 'FailedIndexes'],
      ['Failed', 'FailedIndexes'],
    ]);
    // The first pod is index 0: it exits 1, so the pod the panel shows fails.
    expect(r.steps.at(-1)?.snapshot.phase).toBe('Failed');
  });

  it('every index of the Indexed Job completes', () => {
    const j = job(INDEXED).job;
    expect(j?.completedIndexes).toEqual([0, 1, 2, 3, 4]);
    expect(j?.conditions.at(-1)?.type).toBe('Complete');
  });

  it('a container that sets JOB_COMPLETION_INDEX itself keeps its own value', () => {
    const env = '        env:\n        - name: JOB_COMPLETION_INDEX\n          value: "1"\n';
    const own = PER_INDEX.replace('      - name: example\n', `      - name: example\n${env}`);
    const j = job(own).job;
    expect(j?.failedIndexes).toEqual([]);
    expect(j?.conditions.at(-1)?.type).toBe('Complete');
  });
});
