// The workload-spec rules: each flags a manifest at its exact range and severity, and is silent once corrected.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { lintText } from '../../../shared/lint';
import { workloadRules } from '../../../shared/lint/rules/workload';
import { type RuleCase, runCases } from '../../helpers/lint/cases';
import { applyFix } from '../../helpers/lint/lintHelpers';
import { apps, cron, job } from '../../helpers/lint/workloads';

const S = '  schedule: "@daily"\n';

const CASES: RuleCase[] = [
  {
    rule: 'deployment-strategy',
    name: 'maxSurge and maxUnavailable both 0',
    flagged: apps('Deployment', '  strategy:\n    rollingUpdate:\n      maxSurge: 0\n      maxUnavailable: «0»\n'),
    clean: apps('Deployment', '  strategy:\n    rollingUpdate:\n      maxSurge: 0\n      maxUnavailable: 1\n'),
    message: 'both 0',
  },
  {
    rule: 'deployment-strategy',
    name: 'rollingUpdate under Recreate',
    flagged: apps('Deployment', '  strategy:\n    type: Recreate\n    «rollingUpdate»:\n      maxSurge: 1\n'),
    clean: apps('Deployment', '  strategy:\n    type: Recreate\n'),
    message: 'Recreate',
  },
  {
    rule: 'deployment-strategy',
    name: 'maxUnavailable above 100%',
    flagged: apps('Deployment', '  strategy:\n    rollingUpdate:\n      maxUnavailable: «150%»\n'),
    clean: apps('Deployment', '  strategy:\n    rollingUpdate:\n      maxUnavailable: 100%\n      maxSurge: 150%\n'),
    message: 'greater than 100%',
  },
  {
    rule: 'deployment-strategy',
    name: 'a percent without the % sign',
    flagged: apps('Deployment', '  strategy:\n    rollingUpdate:\n      maxSurge: «"25"»\n'),
    clean: apps('Deployment', '  strategy:\n    rollingUpdate:\n      maxSurge: "25%"\n'),
    message: 'percent',
  },
  {
    rule: 'deployment-progress-deadline',
    name: 'progressDeadlineSeconds not above minReadySeconds',
    flagged: apps('Deployment', '  minReadySeconds: 30\n  progressDeadlineSeconds: «30»\n'),
    clean: apps('Deployment', '  minReadySeconds: 30\n  progressDeadlineSeconds: 31\n'),
  },
  {
    rule: 'deployment-progress-deadline',
    name: 'minReadySeconds at the defaulted 600',
    flagged: apps('Deployment', '  minReadySeconds: «600»\n'),
    clean: apps('Deployment', '  minReadySeconds: 599\n'),
    message: 'default is 600',
  },
  {
    rule: 'workload-negative-field',
    name: 'negative replicas',
    flagged: apps('Deployment', '  replicas: «-1»\n'),
    clean: apps('Deployment', '  replicas: 0\n'),
    message: 'greater than or equal to 0',
  },
  {
    rule: 'workload-negative-field',
    name: 'negative StatefulSet ordinals.start',
    flagged: apps('StatefulSet', '  ordinals:\n    start: «-2»\n'),
    clean: apps('StatefulSet', '  ordinals:\n    start: 0\n  revisionHistoryLimit: -1\n'),
  },
  {
    rule: 'workload-negative-field',
    name: 'negative CronJob history limit and jobTemplate backoffLimit',
    flagged: cron(`${S}  failedJobsHistoryLimit: «-1»\n`),
    clean: cron(`${S}  failedJobsHistoryLimit: 0\n`, '  backoffLimit: 0\n  activeDeadlineSeconds: 0\n'),
  },
  {
    rule: 'workload-selector',
    name: 'In without values',
    flagged: apps('ReplicaSet', '', '').replace(
      '    matchLabels: {app: web}\n',
      '    matchLabels: {app: web}\n    matchExpressions:\n    - {key: tier, operator: «In»}\n',
    ),
    clean: apps('ReplicaSet').replace(
      '    matchLabels: {app: web}\n',
      '    matchLabels: {app: web}\n    matchExpressions:\n    - {key: tier, operator: DoesNotExist}\n',
    ),
    message: 'at least one value',
  },
  {
    rule: 'workload-selector',
    name: 'an unknown operator',
    flagged: apps('Deployment').replace(
      '    matchLabels: {app: web}\n',
      '    matchLabels: {app: web}\n    matchExpressions:\n    - {key: tier, operator: «in», values: [a]}\n',
    ),
    clean: apps('Deployment').replace(
      '    matchLabels: {app: web}\n',
      '    matchLabels: {app: web}\n    matchExpressions:\n    - {key: tier, operator: NotIn, values: [a]}\n',
    ),
  },
  {
    rule: 'workload-selector',
    name: 'an RC with neither selector nor template labels',
    flagged:
      'apiVersion: v1\nkind: ReplicationController\nmetadata:\n  name: web\n«spec»:\n  template:\n    spec:\n      containers:\n      - name: app\n        image: registry.example/app:1.4.2\n',
    clean:
      'apiVersion: v1\nkind: ReplicationController\nmetadata:\n  name: web\nspec:\n  template:\n    metadata:\n      labels: {app: web}\n    spec:\n      containers:\n      - name: app\n        image: registry.example/app:1.4.2\n',
  },
  {
    rule: 'daemonset-update-strategy',
    name: 'maxSurge next to the defaulted maxUnavailable 1',
    flagged: apps('DaemonSet', '  updateStrategy:\n    rollingUpdate:\n      maxSurge: «1»\n'),
    clean: apps('DaemonSet', '  updateStrategy:\n    rollingUpdate:\n      maxSurge: 1\n      maxUnavailable: 0\n'),
    message: 'defaulted to 1',
  },
  {
    rule: 'daemonset-update-strategy',
    name: 'maxUnavailable 0 with the defaulted maxSurge 0',
    flagged: apps(
      'DaemonSet',
      '  updateStrategy:\n    type: RollingUpdate\n    rollingUpdate:\n      maxUnavailable: «0»\n',
    ),
    clean: apps('DaemonSet', '  updateStrategy:\n    type: OnDelete\n    rollingUpdate:\n      maxUnavailable: 0\n'),
  },
  {
    rule: 'statefulset-update-strategy',
    name: 'rollingUpdate under OnDelete',
    flagged: apps('StatefulSet', '  updateStrategy:\n    type: OnDelete\n    «rollingUpdate»:\n      partition: 1\n'),
    clean: apps('StatefulSet', '  updateStrategy:\n    type: RollingUpdate\n    rollingUpdate:\n      partition: 1\n'),
  },
  {
    rule: 'statefulset-update-strategy',
    name: 'maxUnavailable 0',
    flagged: apps('StatefulSet', '  updateStrategy:\n    rollingUpdate:\n      maxUnavailable: «0»\n'),
    clean: apps('StatefulSet', '  updateStrategy:\n    rollingUpdate:\n      maxUnavailable: 50%\n'),
    message: 'cannot be 0',
  },
  {
    rule: 'statefulset-update-strategy',
    name: 'a negative partition',
    flagged: apps('StatefulSet', '  updateStrategy:\n    rollingUpdate:\n      partition: «-1»\n'),
    clean: apps('StatefulSet', '  updateStrategy:\n    rollingUpdate:\n      partition: 0\n'),
  },
  {
    rule: 'statefulset-service-name',
    name: 'a serviceName with upper case',
    flagged: apps('StatefulSet', '  serviceName: «Web_Headless»\n'),
    clean: apps('StatefulSet', '  serviceName: web-headless\n'),
  },
  {
    rule: 'statefulset-pvc-retention',
    name: 'whenScaled in the wrong case',
    flagged: apps('StatefulSet', '  persistentVolumeClaimRetentionPolicy:\n    whenScaled: «delete»\n'),
    clean: apps(
      'StatefulSet',
      '  persistentVolumeClaimRetentionPolicy:\n    whenScaled: Delete\n    whenDeleted: ""\n',
    ),
  },
  {
    rule: 'statefulset-volume-claim-templates',
    name: 'a claim template without access modes',
    flagged: `${apps('StatefulSet')}  volumeClaimTemplates:\n  - metadata: {name: data}\n    «spec»:\n      resources:\n        requests: {storage: 1Gi}\n`,
    clean: `${apps('StatefulSet')}  volumeClaimTemplates:\n  - metadata: {name: data}\n    spec:\n      accessModes: [ReadWriteOnce]\n      resources:\n        requests: {storage: 1Gi}\n`,
    message: 'at least one access mode',
  },
  {
    rule: 'statefulset-volume-claim-templates',
    name: 'a zero storage request',
    flagged: `${apps('StatefulSet')}  volumeClaimTemplates:\n  - metadata: {name: data}\n    spec:\n      accessModes: [ReadWriteOncePod]\n      resources:\n        requests: {storage: «0»}\n`,
    clean: `${apps('StatefulSet')}  volumeClaimTemplates:\n  - metadata: {name: data}\n    spec:\n      accessModes: [ReadWriteOncePod]\n      resources:\n        requests: {storage: 10Mi}\n`,
  },
  {
    rule: 'statefulset-volume-claim-templates',
    name: 'a claim name that is no volume name',
    flagged: `${apps('StatefulSet')}  volumeClaimTemplates:\n  - metadata: {name: «data.v1»}\n    spec:\n      accessModes: [ReadWriteOnce]\n      resources:\n        requests: {storage: 1Gi}\n`,
    clean: `${apps('StatefulSet')}  volumeClaimTemplates:\n  - metadata: {name: data-v1}\n    spec:\n      accessModes: [ReadWriteOnce]\n      resources:\n        requests: {storage: 1Gi}\n`,
    message: 'is not a volume name',
  },
  {
    rule: 'job-completion-mode',
    name: 'Indexed with parallelism but no completions',
    flagged: job('  completionMode: «Indexed»\n  parallelism: 3\n'),
    clean: job('  completionMode: Indexed\n  parallelism: 3\n  completions: 3\n'),
    message: 'completions is required',
  },
  {
    rule: 'job-completion-mode',
    name: 'an Indexed Job whose last hostname is too long',
    flagged: job('  completionMode: Indexed\n  completions: 10\n', undefined, `«${'a'.repeat(62)}»`),
    clean: job('  completionMode: Indexed\n  completions: 10\n', undefined, 'a'.repeat(61)),
    message: 'DNS label',
  },
  {
    rule: 'job-completion-mode',
    name: "a CronJob whose Indexed Jobs' last hostname is too long",
    flagged: cron(S, '  completionMode: Indexed\n  completions: 11\n', `«${'c'.repeat(52)}»`),
    clean: cron(S, '  completionMode: Indexed\n  completions: 10\n', 'c'.repeat(52)),
    severity: 'warning',
    message: 'every Job this CronJob creates will be rejected',
  },
  {
    rule: 'job-backoff-limit-per-index',
    name: 'backoffLimitPerIndex on a NonIndexed Job',
    flagged: job('  «backoffLimitPerIndex»: 1\n'),
    clean: job('  completionMode: Indexed\n  completions: 4\n  backoffLimitPerIndex: 1\n'),
    message: 'requires completionMode: Indexed',
  },
  {
    rule: 'job-backoff-limit-per-index',
    name: 'maxFailedIndexes above completions',
    flagged: job('  completionMode: Indexed\n  completions: 4\n  backoffLimitPerIndex: 1\n  maxFailedIndexes: «5»\n'),
    clean: job('  completionMode: Indexed\n  completions: 4\n  backoffLimitPerIndex: 1\n  maxFailedIndexes: 4\n'),
  },
  {
    rule: 'job-backoff-limit-per-index',
    name: 'maxFailedIndexes without backoffLimitPerIndex',
    flagged: job('  completionMode: Indexed\n  completions: 4\n  «maxFailedIndexes»: 1\n'),
    clean: job('  completionMode: Indexed\n  completions: 4\n'),
    message: 'needs backoffLimitPerIndex',
  },
  {
    rule: 'job-pod-failure-policy',
    name: 'exit code 0 under In',
    flagged: job(
      '  podFailurePolicy:\n    rules:\n    - action: FailJob\n      onExitCodes:\n        operator: In\n        values: [«0», 1]\n',
    ),
    clean: job(
      '  podFailurePolicy:\n    rules:\n    - action: FailJob\n      onExitCodes:\n        operator: NotIn\n        values: [0, 1]\n',
    ),
  },
  {
    rule: 'job-pod-failure-policy',
    name: 'unordered exit codes',
    flagged: job(
      '  podFailurePolicy:\n    rules:\n    - action: Ignore\n      onExitCodes:\n        operator: In\n        «values»: [3, 2]\n',
    ),
    clean: job(
      '  podFailurePolicy:\n    rules:\n    - action: Ignore\n      onExitCodes:\n        operator: In\n        values: [2, 3]\n',
    ),
    message: 'ascending',
  },
  {
    rule: 'job-pod-failure-policy',
    name: 'a rule with neither onExitCodes nor onPodConditions',
    flagged: job('  podFailurePolicy:\n    rules:\n    - «action»: Ignore\n'),
    clean: job(
      '  podFailurePolicy:\n    rules:\n    - action: Ignore\n      onPodConditions:\n      - type: DisruptionTarget\n',
    ),
  },
  {
    rule: 'job-pod-failure-policy',
    name: 'restartPolicy OnFailure with a pod failure policy',
    flagged: job(
      '  podFailurePolicy:\n    rules:\n    - action: Ignore\n      onPodConditions:\n      - type: DisruptionTarget\n',
      '  restartPolicy: «OnFailure»\n',
    ),
    clean: job(
      '  podFailurePolicy:\n    rules:\n    - action: Ignore\n      onPodConditions:\n      - type: DisruptionTarget\n',
    ),
    message: 'must be Never',
  },
  {
    rule: 'job-pod-failure-policy',
    name: 'FailIndex without backoffLimitPerIndex',
    flagged: job(
      '  completionMode: Indexed\n  completions: 2\n  podFailurePolicy:\n    rules:\n    - action: «FailIndex»\n      onExitCodes: {operator: In, values: [42]}\n',
    ),
    clean: job(
      '  completionMode: Indexed\n  completions: 2\n  backoffLimitPerIndex: 0\n  podFailurePolicy:\n    rules:\n    - action: FailIndex\n      onExitCodes: {operator: In, values: [42]}\n',
    ),
  },
  {
    rule: 'job-pod-failure-policy',
    name: 'podReplacementPolicy TerminatingOrFailed with a pod failure policy',
    flagged: job(
      '  podReplacementPolicy: «TerminatingOrFailed»\n  podFailurePolicy:\n    rules:\n    - action: Count\n      onExitCodes: {containerName: app, operator: In, values: [1]}\n',
    ),
    clean: job(
      '  podReplacementPolicy: Failed\n  podFailurePolicy:\n    rules:\n    - action: Count\n      onExitCodes: {containerName: app, operator: In, values: [1]}\n',
    ),
  },
  {
    rule: 'job-pod-failure-policy',
    name: 'an exit-code rule naming a missing container',
    flagged: job(
      '  podFailurePolicy:\n    rules:\n    - action: Count\n      onExitCodes: {containerName: «main», operator: In, values: [1]}\n',
    ),
    clean: job(
      '  podFailurePolicy:\n    rules:\n    - action: Count\n      onExitCodes: {containerName: app, operator: In, values: [1]}\n',
    ),
  },
  {
    rule: 'job-success-policy',
    name: 'a success policy on a NonIndexed Job',
    flagged: job('  «successPolicy»:\n    rules:\n    - succeededCount: 1\n'),
    clean: job('  completionMode: Indexed\n  completions: 3\n  successPolicy:\n    rules:\n    - succeededCount: 1\n'),
  },
  {
    rule: 'job-success-policy',
    name: 'succeededIndexes beyond completions',
    flagged: job(
      '  completionMode: Indexed\n  completions: 3\n  successPolicy:\n    rules:\n    - succeededIndexes: «"0-3"»\n',
    ),
    clean: job(
      '  completionMode: Indexed\n  completions: 4\n  successPolicy:\n    rules:\n    - succeededIndexes: "0-3"\n      succeededCount: 4\n',
    ),
  },
  {
    rule: 'job-success-policy',
    name: 'succeededCount above the indexes listed',
    flagged: job(
      '  completionMode: Indexed\n  completions: 5\n  successPolicy:\n    rules:\n    - succeededIndexes: "1,3"\n      succeededCount: «3»\n',
    ),
    clean: job(
      '  completionMode: Indexed\n  completions: 5\n  successPolicy:\n    rules:\n    - succeededIndexes: "1,3"\n      succeededCount: 2\n',
    ),
  },
  {
    rule: 'job-selector',
    name: 'a selector without manualSelector',
    flagged: job('  «selector»:\n    matchLabels: {app: web}\n'),
    clean: job('  manualSelector: true\n  selector:\n    matchLabels: {app: web}\n').replace(
      '    spec:\n',
      '    metadata:\n      labels: {app: web}\n    spec:\n',
    ),
    message: 'not auto-generated',
  },
  {
    rule: 'job-selector',
    name: 'a template job-name label that is not the Job name',
    flagged: job().replace('    spec:\n', '    metadata:\n      labels: {job-name: «other»}\n    spec:\n'),
    clean: job().replace('    spec:\n', '    metadata:\n      labels: {job-name: work}\n    spec:\n'),
  },
  {
    rule: 'job-selector',
    name: 'a selector in a CronJob jobTemplate',
    flagged: cron(S, '  «selector»:\n    matchLabels: {app: web}\n'),
    clean: cron(S),
  },
  {
    rule: 'job-managed-by',
    name: 'managedBy without a domain',
    flagged: job('  managedBy: «my-controller»\n'),
    clean: job('  managedBy: example.com/my-controller\n'),
  },
  {
    rule: 'cronjob-schedule',
    name: 'a schedule with 4 fields',
    flagged: cron('  schedule: «"0 * * *"»\n'),
    clean: cron('  schedule: "0 * * * *"\n'),
    message: 'expected exactly 5 fields, found 4',
  },
  {
    rule: 'cronjob-schedule',
    name: 'day of week 7',
    flagged: cron('  schedule: «"0 3 * * 7"»\n'),
    clean: cron('  schedule: "0 3 * * 0"\n'),
    message: 'above maximum (6)',
  },
  {
    rule: 'cronjob-schedule',
    name: 'a CRON_TZ prefix',
    flagged: cron('  schedule: «"CRON_TZ=UTC 0 3 * * *"»\n'),
    clean: cron('  schedule: "0 3 * * *"\n  timeZone: Etc/UTC\n'),
    message: 'timeZone',
  },
  {
    rule: 'cronjob-schedule',
    name: 'an unknown descriptor',
    flagged: cron('  schedule: «"@fortnightly"»\n'),
    clean: cron('  schedule: "@every 1h30m"\n'),
  },
  {
    rule: 'cronjob-time-zone',
    name: 'an invented area',
    flagged: cron(`${S}  timeZone: «Mars/Olympus_Mons»\n`),
    clean: cron(`${S}  timeZone: America/Argentina/Buenos_Aires\n`),
  },
  {
    rule: 'cronjob-time-zone',
    name: 'Local',
    flagged: cron(`${S}  timeZone: «Local»\n`),
    clean: cron(`${S}  timeZone: UTC\n`),
  },
];

runCases(CASES);

describe('the workload-spec family', () => {
  it('has a failing and a passing case for every rule', () => {
    const covered = new Set(CASES.map((c) => c.rule));
    expect(workloadRules.map((r) => r.meta.id).filter((id) => !covered.has(id))).toEqual([]);
  });

  it('keeps every message on one line of at most 100 characters', () => {
    const ids = new Set(workloadRules.map((r) => r.meta.id));
    for (const c of CASES) {
      for (const f of lintText(c.flagged.replace(/[«»]/g, '')).filter((x) => ids.has(x.rule))) {
        expect(f.message.length, f.message).toBeLessThanOrEqual(100);
        expect(f.message).not.toContain('\n');
      }
    }
  });

  it('fixes a DaemonSet surge by adding maxUnavailable: 0 beside it', () => {
    const text = apps(
      'DaemonSet',
      '  updateStrategy:\n    rollingUpdate:\n      maxSurge: 1 # one extra Pod per node\n',
    );
    const finding = lintText(text).find((f) => f.rule === 'daemonset-update-strategy');
    const fixed = applyFix(text, finding?.fixes?.[0]);
    expect(fixed).toContain('      maxSurge: 1 # one extra Pod per node\n      maxUnavailable: 0\n');
    expect(lintText(fixed).filter((f) => f.rule === 'daemonset-update-strategy')).toEqual([]);
  });

  it('never fails on odd shapes, half-typed keys or broken YAML', () => {
    const odd = [
      apps('Deployment', '  strategy: RollingUpdate\n  replicas: many\n'),
      apps('Deployment', '  strategy:\n    type:\n    rollingUpdate: [1, 2]\n  progressDeadlineSeconds: "x"\n'),
      apps('DaemonSet', '  updateStrategy:\n    rollingUpdate:\n      maxSurge: {a: 1}\n      maxUnavailable: 1.5\n'),
      apps('StatefulSet', '  ordinals: 3\n  volumeClaimTemplates: [5, null, {metadata: 5, spec: [1]}]\n'),
      apps('ReplicaSet').replace('matchLabels: {app: web}', 'matchExpressions: [5, {key: [1], operator: {}}]'),
      job('  podFailurePolicy:\n    rules: [5, {onExitCodes: 3}, {onPodConditions: {a: 1}, action: 7}]\n'),
      job('  completionMode: Indexed\n  successPolicy:\n    rules: [7, {succeededIndexes: 5}]\n  selector: 3\n'),
      job('  manualSelector: yes\n  selector: {matchLabels: [1]}\n  managedBy: 42\n'),
      cron('  schedule: 5\n  timeZone: [UTC]\n', '  selector:\n'),
      cron('  schedule: "@every"\n  timeZone: "a//b"\n'),
      cron(`  schedule: "${'1-2/3,'.repeat(2000)}* * * *"\n`),
      'apiVersion: batch/v1\nkind: CronJob\nspec:\n  schedu',
      'apiVersion: apps/v1\nkind: Deployment\nspec:\n  strategy:\n    rollingUpdate:\n      maxSurge: [\n',
    ];
    for (const text of odd) {
      const failures: unknown[] = [];
      lintText(text, { onRuleFailure: (f) => failures.push(f) });
      expect(failures).toEqual([]);
    }
  });

  const DOCS = path.resolve(__dirname, '../../../docs/rules');
  const yamlBlocks = (md: string) => [...md.matchAll(/```yaml\n([\s\S]*?)```/g)].map((m) => m[1] as string);
  it.each(workloadRules.map((r) => [r.meta.id]))('%s has a page whose examples behave as documented', (id) => {
    const file = path.join(DOCS, `${id}.md`);
    expect(existsSync(file)).toBe(true);
    const md = readFileSync(file, 'utf8');
    for (const section of [`# ${id}\n`, '## Why it matters', '## Failing example', '## Passing example', '## Source']) {
      expect(md).toContain(section);
    }
    expect(md).toMatch(/v1\.36/);
    const [failing, passing] = yamlBlocks(md);
    expect(lintText(failing as string).filter((f) => f.rule === id).length).toBeGreaterThan(0);
    expect(lintText(passing as string).filter((f) => f.rule === id)).toEqual([]);
  });
});
