/**
 * `workload-negative-field`: the counts and durations of a workload's own spec that validation requires to be
 * non-negative (ValidateNonnegativeField), kind by kind: ValidateDeploymentSpec, ValidateReplicaSetSpec,
 * ValidateStatefulSetSpec, ValidateDaemonSetSpec (pkg/apis/apps/validation/validation.go),
 * ValidateReplicationControllerSpec (pkg/apis/core/validation/validation.go), validateJobSpec and
 * validateCronJobSpec (pkg/apis/batch/validation/validation.go), v1.36. A StatefulSet's revisionHistoryLimit is not
 * checked upstream, and a Job's activeDeadlineSeconds may be 0 (unlike a Pod's).
 */
import type { WorkloadKind } from '../../../model';
import type { FieldPath } from '../../../util/range';
import type { Rule } from '../../types';
import { intIn } from './_helpers/read';

const JOB = [
  'parallelism',
  'completions',
  'activeDeadlineSeconds',
  'backoffLimit',
  'ttlSecondsAfterFinished',
  'backoffLimitPerIndex',
  'maxFailedIndexes',
];

/** Per kind: [path of the map, keys]. */
const FIELDS: Partial<Record<WorkloadKind, [FieldPath, string[]][]>> = {
  Deployment: [[['spec'], ['replicas', 'minReadySeconds', 'revisionHistoryLimit', 'progressDeadlineSeconds']]],
  ReplicaSet: [[['spec'], ['replicas', 'minReadySeconds']]],
  ReplicationController: [[['spec'], ['replicas', 'minReadySeconds']]],
  StatefulSet: [
    [['spec'], ['replicas', 'minReadySeconds']],
    [['spec', 'ordinals'], ['start']],
  ],
  DaemonSet: [[['spec'], ['minReadySeconds', 'revisionHistoryLimit']]],
  Job: [[['spec'], JOB]],
  CronJob: [
    [['spec'], ['startingDeadlineSeconds', 'successfulJobsHistoryLimit', 'failedJobsHistoryLimit']],
    [['spec', 'jobTemplate', 'spec'], JOB],
  ],
};

export const workloadNegativeFieldRule: Rule = {
  meta: {
    id: 'workload-negative-field',
    family: 'api-validation',
    severity: 'error',
    summary: 'A negative replicas, minReadySeconds, history limit, Job count or deadline in a workload spec.',
  },
  check(ctx) {
    const kind = ctx.pod?.workload;
    for (const [at, keys] of (kind && FIELDS[kind]) ?? []) {
      for (const key of keys) {
        const f = intIn(ctx, at, key);
        if (f.kind !== 'value' || f.value >= 0) continue;
        const label = at[at.length - 1] === 'ordinals' ? `ordinals.${key}` : key;
        ctx.report({
          path: [...at, key],
          range: f.range,
          message: `${label} is ${f.value}: must be greater than or equal to 0`,
        });
      }
    }
  },
};
