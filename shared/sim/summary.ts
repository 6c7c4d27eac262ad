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
 * @example
 *   predictionSummary(result) // 'Ready in ~14 s' | 'CrashLoopBackOff predicted for app' | 'Completed in 20 s'
 */
export function predictionSummary(result: SimulationResult): string {
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
