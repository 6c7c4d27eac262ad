/**
 * A one-line prediction for the editor's CodeLens, the panel's headline and `podlens simulate`, read off
 * the same finished simulation the panel's lanes draw (and, for Jobs, the Job controller's pods).
 */
import { NOT_IN_FILE } from './infer/scenario';
import type { JobResult } from './job/types';
import type { SimulationResult } from './simulate';
import type { ContainerSnapshot, Snapshot, Step } from './types';

const STUCK = new Set([
  'ImagePullBackOff',
  'ErrImagePull',
  'ErrImageNeverPull',
  'InvalidImageName',
  'CreateContainerConfigError',
  'RunContainerError',
  'PostStartHookError',
]);

const allContainers = (s: Snapshot) => [...s.initContainers, ...s.containers];

function firstStep(steps: readonly Step[], test: (s: Snapshot) => boolean): Step | undefined {
  return steps.find((s) => test(s.snapshot));
}

/**
 * The restarts the panel's lanes draw (a restart count going up), so a headline never hides one behind
 * "Ready": `; app restarts at 40 s` or `; 3 restarts, first app at 40 s`.
 */
function restartNote(steps: readonly Step[]): string {
  const counts = new Map<string, number>();
  let first: { t: number; name: string } | undefined;
  let total = 0;
  for (const step of steps) {
    for (const c of allContainers(step.snapshot)) {
      const key = `${c.type === 'regular' ? '' : 'init:'}${c.name}`;
      const before = counts.get(key) ?? 0;
      if (c.restartCount <= before) continue;
      total += c.restartCount - before;
      counts.set(key, c.restartCount);
      first ??= { t: step.t, name: c.name };
    }
  }
  if (!first) return '';
  return total === 1
    ? `; ${first.name} restarts at ${first.t} s`
    : `; ${total} restarts, first ${first.name} at ${first.t} s`;
}

/** The note the process inference leaves on a container that waits for something (a Service, a file...). */
function waitsFor(result: SimulationResult, name: string): string | undefined {
  const notes = result.assumptions?.notes ?? {};
  return notes[`containers.${name}.waitsFor`] ?? notes[`containers["${name}"].waitsFor`];
}

/** A container the pod is still waiting on at the end: an unfinished init container, or an unready one. */
function blocking(last: Snapshot): ContainerSnapshot[] {
  const inits = last.initContainers.filter(
    (c) => !(c.state === 'terminated' && c.exitCode === 0) && !(c.type === 'sidecar' && c.started),
  );
  return inits.length > 0 ? inits : last.containers.filter((c) => !c.ready);
}

/** The first container that failed, init containers first: its exit code or OOMKilled. */
function failure(s: Snapshot): string | undefined {
  const c = allContainers(s).find((x) => x.state === 'terminated' && x.exitCode !== null && x.exitCode !== 0);
  if (!c) return undefined;
  const what = c.reason === 'OOMKilled' ? 'OOMKilled' : `exit ${c.exitCode}`;
  return `${what} (${c.type === 'regular' ? '' : 'init container '}${c.name})`;
}

function unscheduled(result: SimulationResult, last: Snapshot): string | undefined {
  const scheduled = last.conditions.PodScheduled;
  if (!scheduled || scheduled.status) return undefined;
  if (scheduled.reason === 'SchedulingGated') {
    const gates = result.schedulingGates ?? [];
    return `SchedulingGated until ${gates.join(', ')} ${gates.length === 1 ? 'is' : 'are'} removed`;
  }
  // "0/1 nodes are available: 1 Insufficient cpu, 1 Insufficient memory. preemption: ..."
  const list = /nodes are available: (.*?)\. preemption/.exec(scheduled.message ?? '')?.[1] ?? '';
  const reasons = list.split(', ').map((r) => r.replace(/^\d+ /, ''));
  return `Pending: Unschedulable (${reasons.join(', ') || scheduled.reason})`;
}

/** The pod's own outcome, from its timeline. */
function podSummary(result: SimulationResult): string {
  const steps = result.steps;
  const last = steps[steps.length - 1]?.snapshot;
  if (!last) return 'Nothing to simulate';
  const pending = unscheduled(result, last);
  if (pending) return pending;
  if (last.reason && last.phase === 'Failed') return `Failed: ${last.reason}`;

  const crash = firstStep(steps, (s) => allContainers(s).some((c) => c.reason === 'CrashLoopBackOff'));
  if (crash) {
    const c = allContainers(crash.snapshot).find((x) => x.reason === 'CrashLoopBackOff');
    if (c?.lastState?.reason === 'OOMKilled') return `OOMKilled, crash-looping: ${c.name}`;
    return `${c?.type === 'regular' ? '' : 'Init:'}CrashLoopBackOff predicted for ${c?.name}`;
  }
  const done = firstStep(steps, (s) => s.phase === 'Succeeded' || s.phase === 'Failed');
  if (done && !done.snapshot.terminating) {
    if (done.snapshot.phase === 'Succeeded') return `Completes in ~${done.t} s`;
    return `Fails: ${failure(done.snapshot) ?? done.snapshot.kubectl.STATUS} at ~${done.t} s`;
  }
  const stuck = allContainers(last).find((c) => c.state === 'waiting' && c.reason && STUCK.has(c.reason));
  if (stuck) return `${stuck.reason}: ${stuck.name} never starts`;
  const ready = firstStep(steps, (s) => s.conditions.Ready?.status === true);
  const gone = steps.find((s) => !s.snapshot.exists);
  if (gone) return ready ? `Ready in ~${ready.t} s; deleted, gone at ${gone.t} s` : `Deleted, gone at ${gone.t} s`;
  if (ready && last.conditions.Ready?.status) return `Ready in ~${ready.t} s`;
  if (ready) return `Ready at ${ready.t} s, then not ready`;
  const waiting = blocking(last)
    .map((c) => waitsFor(result, c.name))
    .find((w) => w !== undefined);
  if (waiting) return `Waits for ${waiting}`;
  if (last.phase === 'Pending') return `Stuck in ${last.kubectl.STATUS}`;
  const unready = last.containers.find((c) => !c.ready);
  return unready ? `Running, never Ready: ${unready.name} is not ready` : `${last.kubectl.STATUS}`;
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** The Job's outcome: its terminal condition, or what its first pod does when the Job never finishes. */
function jobSummary(job: JobResult, result: SimulationResult): string | undefined {
  const end = job.conditions.find((c) => c.type === 'Complete' || c.type === 'Failed');
  if (!end) {
    if (job.pods.length === 0) return 'Job is suspended: no pods are created';
    return undefined;
  }
  const pods = job.pods.length > 1 ? ` (${plural(job.pods.length, 'pod')})` : '';
  if (end.type === 'Complete') return `Completes in ~${end.t} s${pods}`;
  const failed = [...job.pods].reverse().find((p) => p.exit);
  const exit = failed?.exit
    ? `${failed.exit.reason === 'OOMKilled' ? 'OOMKilled' : `exit ${failed.exit.exitCode}`}, `
    : '';
  if (end.reason === 'DeadlineExceeded' && !failed) return `Fails: DeadlineExceeded at ~${end.t} s${pods}`;
  const restarts = job.pods.reduce((n, p) => n + p.restarts, 0);
  const onFailure = end.reason === 'BackoffLimitExceeded' && restarts > 0 ? `, ${plural(restarts, 'restart')}` : '';
  const base = podSummary(result);
  return `Fails: ${exit}${end.reason} at ~${end.t} s${pods}${onFailure}${exit || onFailure ? '' : ` (${base})`}`;
}

/**
 * @example
 *   predictionSummary(result) // 'Ready in ~14 s' | 'CrashLoopBackOff predicted for app' | 'Completes in ~20 s'
 */
export function predictionSummary(result: SimulationResult): string {
  // A prediction cut short by its work budget still has steps, but no outcome to summarize.
  if (result.stoppedEarly) return `Prediction stopped early at ~${result.stoppedEarly.at} s: too costly to simulate`;
  const first = result.errors[0];
  if (first) return `Cannot simulate: ${first.field}: ${first.message}`;
  const job = result.job && jobSummary(result.job, result);
  if (job) return `${job}${assumedNote(result)}`;
  const outcome = podSummary(result);
  // A crash loop, a failure or an unscheduled pod already says what went wrong; anything else names its restarts.
  if (/CrashLoopBackOff|crash-looping|^(Pending: Unschedulable|SchedulingGated|Failed:|Fails:)/.test(outcome)) {
    return `${outcome}${assumedNote(result)}`;
  }
  return `${outcome}${restartNote(result.steps)}${assumedNote(result)}`;
}

/** The referenced ConfigMaps and Secrets the prediction assumes exist though the file does not define them. */
export function assumedObjects(result: SimulationResult): string[] {
  const notes = result.assumptions?.notes ?? {};
  return [notes.configMaps, notes.secrets].flatMap((note) => {
    const m = note?.startsWith('assumed: ') ? note.slice('assumed: '.length).split(` ${NOT_IN_FILE}`) : undefined;
    return m && m.length > 1 && m[0] ? m[0].split(', ') : [];
  });
}

/** ` · assumes Secret db exists`: the headline says what it took for granted . */
function assumedNote(result: SimulationResult): string {
  const objects = assumedObjects(result);
  if (objects.length === 0) return '';
  return objects.length === 1
    ? ` · assumes ${objects[0]} exists`
    : ` · assumes ${objects.length} objects not in this file exist`;
}
