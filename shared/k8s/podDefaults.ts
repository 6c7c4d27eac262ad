/**
 * The pod-level defaults (pkg/apis/core/v1/defaults.go SetDefaults_PodSpec) and what each kind of workload
 * accepts: the facts the resolved pod view is built from. Depends on nothing but the model's types, so
 * every other module can use the resolved view.
 */
import type { Field } from '../model/field';
import type { PodView, WorkloadKind } from '../model/types';

export const DEFAULT_TERMINATION_GRACE_PERIOD_SECONDS = 30;

/** metadata.namespace when a manifest leaves it out (kubectl's context namespace is assumed to be this one). */
export const DEFAULT_NAMESPACE = 'default';

export type RestartPolicy = 'Always' | 'OnFailure' | 'Never';

/** SetDefaults_PodSpec: an unset or empty spec.restartPolicy becomes Always, for every kind of workload. */
export const DEFAULT_RESTART_POLICY: RestartPolicy = 'Always';

const RESTART_POLICIES: readonly string[] = ['Always', 'OnFailure', 'Never'];
const JOB_KINDS = new Set(['Job', 'CronJob']);
const ALWAYS_ONLY: readonly RestartPolicy[] = ['Always'];
const TO_COMPLETION: readonly RestartPolicy[] = ['OnFailure', 'Never'];

/**
 * The restart policies each kind's pod template may use. Controllers that keep pods running accept only
 * Always (pkg/apis/apps/validation/validation.go, pkg/apis/core/validation/validation.go for
 * ReplicationControllers); Jobs and CronJobs only OnFailure or Never (pkg/apis/batch/validation/validation.go).
 */
export const ALLOWED_RESTART_POLICIES: Readonly<Record<WorkloadKind, readonly RestartPolicy[]>> = {
  Pod: ['Always', 'OnFailure', 'Never'],
  Deployment: ALWAYS_ONLY,
  StatefulSet: ALWAYS_ONLY,
  DaemonSet: ALWAYS_ONLY,
  ReplicaSet: ALWAYS_ONLY,
  ReplicationController: ALWAYS_ONLY,
  Job: TO_COMPLETION,
  CronJob: TO_COMPLETION,
};

/** Strings the API server defaults: missing, or an explicit empty string. */
export const isUnsetString = (f: Field<string>) => f.kind === 'absent' || (f.kind === 'value' && f.value === '');

/**
 * spec.restartPolicy after SetDefaults_PodSpec (missing or "" → Always). `note` flags values the API
 * rejects (podlens then assumes Always) and the Job rule that Always is not allowed.
 * @example effectiveRestartPolicy(podWithoutPolicy) // { policy: 'Always', defaulted: true }
 */
export function effectiveRestartPolicy(pod: PodView): { policy: RestartPolicy; defaulted: boolean; note?: string } {
  const f = pod.restartPolicy;
  const jobNote = JOB_KINDS.has(pod.workload) ? `${pod.workload} templates must use OnFailure or Never` : undefined;
  if (isUnsetString(f)) {
    return jobNote
      ? { policy: 'Always', defaulted: true, note: `defaulted to Always, but ${jobNote}` }
      : { policy: 'Always', defaulted: true };
  }
  if (f.kind === 'value' && RESTART_POLICIES.includes(f.value)) {
    const policy = f.value as RestartPolicy;
    return policy === 'Always' && jobNote ? { policy, defaulted: false, note: jobNote } : { policy, defaulted: false };
  }
  const note =
    f.kind === 'value'
      ? `unsupported value ${JSON.stringify(f.value)} (the API rejects it; use Always, OnFailure or Never); assuming Always`
      : 'value not known (template or wrong type); assuming Always';
  return { policy: 'Always', defaulted: false, note };
}

/**
 * spec.terminationGracePeriodSeconds after defaulting (missing → 30). A negative value passes validation
 * with a warning and is treated as 1 (pkg/api/pod/warnings.go).
 * @example effectiveGracePeriod(podWithGrace(-5)) // { seconds: 1, defaulted: false, note: 'negative values are invalid and will be treated as 1' }
 */
export function effectiveGracePeriod(pod: PodView): { seconds: number; defaulted: boolean; note?: string } {
  const f = pod.terminationGracePeriodSeconds;
  if (f.kind === 'absent') return { seconds: DEFAULT_TERMINATION_GRACE_PERIOD_SECONDS, defaulted: true };
  if (f.kind === 'value') {
    if (f.value >= 0) return { seconds: f.value, defaulted: false };
    return { seconds: 1, defaulted: false, note: 'negative values are invalid and will be treated as 1' };
  }
  return {
    seconds: DEFAULT_TERMINATION_GRACE_PERIOD_SECONDS,
    defaulted: false,
    note: `value not known (template or wrong type); assuming ${DEFAULT_TERMINATION_GRACE_PERIOD_SECONDS}`,
  };
}
