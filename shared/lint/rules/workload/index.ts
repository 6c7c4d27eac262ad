/** The workload-spec family: what apps and batch validation reject in a workload's own spec, one rule per file. */
import type { Rule } from '../../types';
import { cronJobScheduleRule } from './cronjob-schedule';
import { cronJobTimeZoneRule } from './cronjob-time-zone';
import { daemonSetUpdateStrategyRule } from './daemonset-update-strategy';
import { deploymentProgressDeadlineRule } from './deployment-progress-deadline';
import { deploymentStrategyRule } from './deployment-strategy';
import { jobBackoffLimitPerIndexRule } from './job-backoff-limit-per-index';
import { jobCompletionModeRule } from './job-completion-mode';
import { jobManagedByRule } from './job-managed-by';
import { jobPodFailurePolicyRule } from './job-pod-failure-policy';
import { jobSelectorRule } from './job-selector';
import { jobSuccessPolicyRule } from './job-success-policy';
import { statefulSetPvcRetentionRule } from './statefulset-pvc-retention';
import { statefulSetServiceNameRule } from './statefulset-service-name';
import { statefulSetUpdateStrategyRule } from './statefulset-update-strategy';
import { statefulSetVolumeClaimTemplatesRule } from './statefulset-volume-claim-templates';
import { workloadNegativeFieldRule } from './workload-negative-field';
import { workloadSelectorRule } from './workload-selector';

export const workloadRules: Rule[] = [
  workloadNegativeFieldRule,
  workloadSelectorRule,
  deploymentStrategyRule,
  deploymentProgressDeadlineRule,
  daemonSetUpdateStrategyRule,
  statefulSetServiceNameRule,
  statefulSetUpdateStrategyRule,
  statefulSetPvcRetentionRule,
  statefulSetVolumeClaimTemplatesRule,
  jobCompletionModeRule,
  jobBackoffLimitPerIndexRule,
  jobPodFailurePolicyRule,
  jobSuccessPolicyRule,
  jobSelectorRule,
  jobManagedByRule,
  cronJobScheduleRule,
  cronJobTimeZoneRule,
];
