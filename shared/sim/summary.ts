/** A one-line prediction for the editor's CodeLens, read off a finished simulation. */
import type { SimulationResult } from './simulate';
import type { Snapshot, Step } from './types';

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

/**
 * @example
 *   predictionSummary(result) // 'Ready in ~14 s' | 'CrashLoopBackOff predicted for app' | 'Completed in 20 s'
 */
export function predictionSummary(result: SimulationResult): string {
  const outcome = outcomeSummary(result);
  // A crash loop, a failed or unschedulable pod already says what went wrong; anything else names its restarts.
  if (/CrashLoopBackOff|^(Cannot simulate|Pending: Unschedulable|Failed:)/.test(outcome)) return outcome;
  return `${outcome}${restartNote(result.steps)}`;
}

function outcomeSummary(result: SimulationResult): string {
  const first = result.errors[0];
  if (first) return `Cannot simulate: ${first.field}: ${first.message}`;
  const steps = result.steps;
  const last = steps[steps.length - 1]?.snapshot;
  if (!last) return 'Nothing to simulate';
  const scheduled = last.conditions.PodScheduled;
  if (scheduled && !scheduled.status) {
    // "0/1 nodes are available: 1 Insufficient cpu, 1 Insufficient memory. preemption: ..."
    const list = /nodes are available: (.*?)\. preemption/.exec(scheduled.message ?? '')?.[1] ?? '';
    const reasons = list.split(', ').map((r) => r.replace(/^\d+ /, ''));
    return `Pending: Unschedulable (${reasons.join(', ') || scheduled.reason})`;
  }
  if (last.reason && last.phase === 'Failed') return `Failed: ${last.reason}`;

  const crash = firstStep(steps, (s) => allContainers(s).some((c) => c.reason === 'CrashLoopBackOff'));
  if (crash) {
    const c = allContainers(crash.snapshot).find((x) => x.reason === 'CrashLoopBackOff');
    return `${c?.type === 'regular' ? '' : 'Init:'}CrashLoopBackOff predicted for ${c?.name}`;
  }
  const done = firstStep(steps, (s) => s.phase === 'Succeeded' || s.phase === 'Failed');
  if (done && !done.snapshot.terminating) {
    const status = done.snapshot.kubectl.STATUS;
    if (done.snapshot.phase === 'Succeeded') return `Completed in ${done.t} s`;
    const init = done.snapshot.initContainers.find(
      (c) => c.state === 'terminated' && c.exitCode !== 0 && c.type === 'init',
    );
    if (init) return `${status}: pod fails (restartPolicy Never)`;
    return `${status}: pod fails at ${done.t} s`;
  }
  const stuck = allContainers(last).find((c) => c.state === 'waiting' && c.reason && STUCK.has(c.reason));
  if (stuck) return `${stuck.reason}: ${stuck.name} never starts`;
  const ready = firstStep(steps, (s) => s.conditions.Ready?.status === true);
  const gone = steps.find((s) => !s.snapshot.exists);
  if (gone) return ready ? `Ready in ~${ready.t} s; deleted, gone at ${gone.t} s` : `Deleted, gone at ${gone.t} s`;
  if (ready && last.conditions.Ready?.status) return `Ready in ~${ready.t} s`;
  if (ready) return `Ready at ${ready.t} s, then not ready`;
  if (last.phase === 'Pending') return `Pending: ${last.kubectl.STATUS}`;
  const unready = last.containers.find((c) => !c.ready);
  return unready ? `Running, never Ready: ${unready.name} is not ready` : `${last.kubectl.STATUS}`;
}
