/**
 * The Job controller around the simulated pod (pkg/controller/job/job_controller.go and backoff_utils.go,
 * v1.36): it creates pods up to `parallelism`, counts successes and failures, replaces failed pods after
 * the pod-failure back-off (10 s doubling per consecutive failure, capped at 10 min), applies
 * podFailurePolicy, backoffLimit (per index too), activeDeadlineSeconds and successPolicy, and ends in the
 * Complete or Failed condition. Pods of the same template behave alike; each pod starts its containers
 * where the previous pods left off in the scenario's `runs`, so "fails twice, then succeeds" can be said.
 */
import type { RestartPolicy } from '../types';
import { matchFailurePolicy } from './failurePolicy';
import type { PodOutcome } from './podOutcome';
import type { JobSpec } from './spec';
import type { JobCondition, JobPod, JobResult } from './types';

/**
 * Simulates one pod whose containers start at these instance offsets into their `runs`; a pod created
 * after t = 0 finds the images the first pods pulled.
 */
export type PodRunner = (
  offsets: Readonly<Record<string, number>>,
  createdAt: number,
  index: number | null,
) => PodOutcome;

const BACKOFF_BASE = 10;
const BACKOFF_MAX = 600;
/** A Job that replaces pods at this pace for the whole horizon is cut short rather than left to spin. */
const MAX_PODS = 500;
const SUFFIX = 'bcdfghjklmnpqrstvwxz2456789';

/** getRemainingTimeForFailuresCount: 10 s for the first failure, doubling, at most MaxJobPodFailureBackOff. */
export function failureBackoff(failures: number): number {
  if (failures <= 0) return 0;
  return Math.min(BACKOFF_MAX, BACKOFF_BASE * 2 ** Math.min(failures - 1, 16));
}

/** A stable five-character suffix per pod, in place of the API server's random generateName suffix. */
function suffix(n: number): string {
  let k = ((n + 1) * 2654435761) % 4294967296;
  let out = '';
  for (let i = 0; i < 5; i++) {
    out += SUFFIX[k % SUFFIX.length];
    k = Math.floor(k / SUFFIX.length);
  }
  return out;
}

interface Active {
  pod: JobPod;
  outcome: PodOutcome;
}

const MESSAGES: Record<string, string> = {
  BackoffLimitExceeded: 'Job has reached the specified backoff limit',
  DeadlineExceeded: 'Job was active longer than specified deadline',
  FailedIndexes: 'Job has failed indexes',
  MaxFailedIndexesExceeded: 'Job has exceeded the specified maximal number of failed indexes',
};

class JobRun {
  readonly pods: JobPod[] = [];
  readonly conditions: JobCondition[] = [];
  private active: Active[] = [];
  /** Creations waiting for their back-off: the index (or null) and when. */
  private pending: { at: number; index: number | null }[] = [];
  private succeeded = 0;
  private failed = 0;
  private readonly completed = new Set<number>();
  private readonly failedIndexes = new Set<number>();
  private readonly indexFailures = new Map<number, number>();
  private consecutive = 0;
  private lastFailure = 0;
  private readonly offsets: Record<string, number> = {};
  done = false;

  constructor(
    readonly spec: JobSpec,
    private readonly restartPolicy: RestartPolicy,
    private readonly runPod: PodRunner,
  ) {}

  /** Seconds since the Job was created, as of the last step. */
  now = 0;

  /**
   * The next instant something happens: a creation or a pod end not yet handled (possibly at `now`, as a
   * pod replaced at once under Ignore), a later OnFailure restart, or the deadline.
   */
  nextTime(): number | undefined {
    const times: number[] = this.pending.map((p) => Math.max(p.at, this.now));
    for (const a of this.active) {
      if (a.outcome.endedAt !== null) times.push(Math.max(a.pod.createdAt + a.outcome.endedAt, this.now));
      for (const r of a.outcome.restartTimes) if (a.pod.createdAt + r > this.now) times.push(a.pod.createdAt + r);
    }
    const deadline = this.spec.activeDeadlineSeconds;
    if (deadline !== null && deadline > this.now) times.push(deadline);
    return times.length > 0 ? Math.min(...times) : undefined;
  }

  step(t: number): void {
    this.now = t;
    const ending = this.active.filter((a) => a.outcome.endedAt !== null && a.pod.createdAt + a.outcome.endedAt <= t);
    for (const a of ending) {
      if (this.done) break;
      this.active = this.active.filter((x) => x !== a);
      a.pod.endedAt = t;
      a.pod.phase = a.outcome.phase === 'Succeeded' ? 'Succeeded' : 'Failed';
      if (a.outcome.phase === 'Succeeded') this.succeed(a, t);
      else this.fail(a, t);
    }
    if (!this.done) this.checkOnFailureRestarts(t);
    if (!this.done && this.spec.activeDeadlineSeconds !== null && t >= this.spec.activeDeadlineSeconds) {
      this.finish('Failed', 'DeadlineExceeded', MESSAGES.DeadlineExceeded as string, t);
    }
    if (this.done) return;
    const due = this.pending.filter((p) => p.at <= t);
    this.pending = this.pending.filter((p) => p.at > t);
    for (const p of due) this.create(p.index, t);
    this.fill(t);
  }

  private restarts(a: Active, t: number): number {
    return a.outcome.restartTimes.filter((r) => a.pod.createdAt + r <= t).length;
  }

  /** pastBackoffLimitOnFailure: the restarts of the running pods count toward backoffLimit. */
  private checkOnFailureRestarts(t: number): void {
    if (this.restartPolicy !== 'OnFailure') return;
    const total = this.active.reduce((n, a) => n + this.restarts(a, t), 0);
    for (const a of this.active) a.pod.restarts = this.restarts(a, t);
    const limit = this.spec.backoffLimit;
    if (limit === 0 ? total > 0 : total >= limit) {
      this.finish('Failed', 'BackoffLimitExceeded', MESSAGES.BackoffLimitExceeded as string, t);
    }
  }

  private succeed(a: Active, t: number): void {
    this.succeeded++;
    this.consecutive = 0;
    if (a.pod.index !== null) this.completed.add(a.pod.index);
    const { spec } = this;
    const rule = spec.indexed ? this.matchedSuccessRule() : undefined;
    if (rule !== undefined) {
      this.finish('Complete', 'SuccessPolicy', `Matched rules at index ${rule}`, t);
      return;
    }
    const complete = spec.indexed
      ? this.completed.size >= (spec.completions ?? 0)
      : spec.completions === null
        ? this.active.length === 0
        : this.succeeded >= spec.completions;
    if (complete) this.finish('Complete', 'CompletionsReached', 'Reached expected number of succeeded pods', t);
    else this.checkIndexesDone(t);
  }

  /** successPolicy: a rule is met by the succeeded indexes it lists (or all), at least succeededCount of them. */
  private matchedSuccessRule(): number | undefined {
    const i = this.spec.successRules.findIndex((r) => {
      const within = r.indexes ? [...r.indexes].filter((x) => this.completed.has(x)).length : this.completed.size;
      const all = r.indexes ? r.indexes.size : Number.POSITIVE_INFINITY;
      return r.count !== undefined ? within >= r.count : within >= all;
    });
    return i === -1 ? undefined : i;
  }

  private fail(a: Active, t: number): void {
    const { spec } = this;
    a.pod.exit = a.outcome.failures[0] ?? null;
    const match = matchFailurePolicy(spec.failureRules, {
      name: a.pod.name,
      namespace: spec.namespace,
      failures: a.outcome.failures,
      conditions: [],
    });
    const action = match?.action ?? 'Count';
    a.pod.action = action;
    const index = a.pod.index;
    if (action === 'FailJob' && match) {
      this.finish('Failed', 'PodFailurePolicy', match.message, t);
      return;
    }
    if (action === 'Ignore') {
      this.pending.push({ at: t, index });
      return;
    }
    this.failed++;
    this.consecutive++;
    this.lastFailure = t;
    if (index !== null && spec.backoffLimitPerIndex !== null) {
      const n = (this.indexFailures.get(index) ?? 0) + 1;
      this.indexFailures.set(index, n);
      if (action === 'FailIndex' || n > spec.backoffLimitPerIndex) {
        this.failedIndexes.add(index);
        this.checkIndexesDone(t);
      } else this.pending.push({ at: t + failureBackoff(n), index });
      return;
    }
    if (this.failed > spec.backoffLimit) {
      this.finish('Failed', 'BackoffLimitExceeded', MESSAGES.BackoffLimitExceeded as string, t);
      return;
    }
    if (index !== null) this.pending.push({ at: t + failureBackoff(this.consecutive), index });
  }

  /** With backoffLimitPerIndex: too many failed indexes, or every index finished with some failed. */
  private checkIndexesDone(t: number): void {
    const { spec } = this;
    if (spec.maxFailedIndexes !== null && this.failedIndexes.size > spec.maxFailedIndexes) {
      this.finish('Failed', 'MaxFailedIndexesExceeded', MESSAGES.MaxFailedIndexesExceeded as string, t);
      return;
    }
    const finished = this.completed.size + this.failedIndexes.size;
    if (this.failedIndexes.size > 0 && spec.completions !== null && finished >= spec.completions) {
      this.finish('Failed', 'FailedIndexes', MESSAGES.FailedIndexes as string, t);
    }
  }

  /** The criteria are met: the controller deletes the active pods and sets the terminal condition. */
  private finish(type: 'Complete' | 'Failed', reason: string, message: string, t: number): void {
    this.done = true;
    for (const a of this.active) {
      a.pod.phase = 'Deleted';
      a.pod.endedAt = t;
    }
    this.active = [];
    this.pending = [];
    const interim = type === 'Complete' ? 'SuccessCriteriaMet' : 'FailureTarget';
    this.conditions.push(
      { type: interim, status: true, reason, message, t },
      { type, status: true, reason, message, t },
    );
  }

  private wanted(): number {
    const { spec } = this;
    if (spec.completions === null) return this.succeeded > 0 ? 0 : spec.parallelism;
    return Math.min(spec.parallelism, spec.completions - this.succeeded);
  }

  /** manageJob: more pods when fewer are active than wanted, after the back-off of recent failures. */
  private fill(t: number): void {
    const { spec } = this;
    if (spec.indexed) {
      const busy = new Set([...this.active.map((a) => a.pod.index), ...this.pending.map((p) => p.index)]);
      for (let i = 0; i < (spec.completions ?? 0); i++) {
        if (this.active.length + this.pending.length >= spec.parallelism) break;
        if (!busy.has(i) && !this.completed.has(i) && !this.failedIndexes.has(i)) this.create(i, t);
      }
      return;
    }
    const missing = this.wanted() - this.active.length - this.pending.length;
    const at = this.consecutive > 0 ? Math.max(t, this.lastFailure + failureBackoff(this.consecutive)) : t;
    for (let k = 0; k < missing; k++) {
      if (at === t) this.create(null, t);
      else this.pending.push({ at, index: null });
    }
  }

  private create(index: number | null, t: number): void {
    if (this.pods.length >= MAX_PODS) {
      this.done = true;
      return;
    }
    const name = `${this.spec.name}-${index === null ? '' : `${index}-`}${suffix(this.pods.length)}`;
    const outcome = this.runPod({ ...this.offsets }, t, index);
    for (const [c, n] of Object.entries(outcome.instances)) this.offsets[c] = (this.offsets[c] ?? 0) + n;
    const pod: JobPod = {
      name,
      index,
      createdAt: t,
      endedAt: null,
      phase: 'Running',
      exit: null,
      action: null,
      restarts: 0,
    };
    this.pods.push(pod);
    this.active.push({ pod, outcome });
  }

  result(): JobResult {
    const { spec } = this;
    return {
      name: spec.name,
      completionMode: spec.indexed ? 'Indexed' : 'NonIndexed',
      completions: spec.completions,
      parallelism: spec.parallelism,
      backoffLimit: spec.backoffLimit,
      pods: this.pods,
      conditions: this.conditions,
      succeeded: this.succeeded,
      failed: this.failed,
      completedIndexes: [...this.completed].sort((a, b) => a - b),
      failedIndexes: [...this.failedIndexes].sort((a, b) => a - b),
    };
  }
}

/**
 * @example runJob(resolveJob(view, 'pi', 'default'), 'Never', () => outcome, 900).conditions[1]?.type // 'Complete'
 */
export function runJob(spec: JobSpec, restartPolicy: RestartPolicy, runPod: PodRunner, until: number): JobResult {
  const run = new JobRun(spec, restartPolicy, runPod);
  if (spec.suspended || spec.parallelism === 0) return run.result();
  run.step(0);
  for (let t = run.nextTime(); !run.done && t !== undefined && t <= until; t = run.nextTime()) {
    run.step(t);
    // Pods that end at `now` again (Ignore at 0 s) are handled in the next pass of the same instant.
    if (run.pods.length >= MAX_PODS) break;
  }
  return run.result();
}
