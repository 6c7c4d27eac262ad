/** The workload-spec family: what apps and batch validation reject in a workload's own spec, one rule per file. */
import type { Rule } from '../../types';
import { cronjobScheduleRule } from './cronjob-schedule';
import { cronjobTimeZoneRule } from './cronjob-time-zone';
import { daemonsetUpdateStrategyRule } from './daemonset-update-strategy';
import { deploymentProgressDeadlineRule } from './deployment-progress-deadline';
import { deploymentStrategyRule } from './deployment-strategy';
import { jobBackoffLimitPerIndexRule } from './job-backoff-limit-per-index';
import { jobCompletionModeRule } from './job-completion-mode';
import { jobManagedByRule } from './job-managed-by';
import { jobPodFailurePolicyRule } from './job-pod-failure-policy';
import { jobSelectorRule } from './job-selector';
import { jobSuccessPolicyRule } from './job-success-policy';
import { statefulsetPvcRetentionRule } from './statefulset-pvc-retention';
import { statefulsetServiceNameRule } from './statefulset-service-name';
import { statefulsetUpdateStrategyRule } from './statefulset-update-strategy';
import { statefulsetVolumeClaimTemplatesRule } from './statefulset-volume-claim-templates';
import { workloadNegativeFieldRule } from './workload-negative-field';
import { workloadSelectorRule } from './workload-selector';

export const workloadRules: Rule[] = [
  workloadNegativeFieldRule,
  workloadSelectorRule,
  deploymentStrategyRule,
  deploymentProgressDeadlineRule,
  daemonsetUpdateStrategyRule,
  statefulsetServiceNameRule,
  statefulsetUpdateStrategyRule,
  statefulsetPvcRetentionRule,
  statefulsetVolumeClaimTemplatesRule,
  jobCompletionModeRule,
  jobBackoffLimitPerIndexRule,
  jobPodFailurePolicyRule,
  jobSuccessPolicyRule,
  jobSelectorRule,
  jobManagedByRule,
  cronjobScheduleRule,
  cronjobTimeZoneRule,
];
