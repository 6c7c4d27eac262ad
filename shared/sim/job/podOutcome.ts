/** What the Job controller reads off one simulated pod: when it ended, how, and its restarts (OnFailure). */
import type { ContainerSnapshot, Step } from '../types';

export interface PodOutcome {
  /** Pod-relative seconds; null when the pod neither succeeds nor fails within the simulation. */
  endedAt: number | null;
  phase: 'Succeeded' | 'Failed' | 'Running';
  /** Terminated containers with a non-zero exit when the pod failed, init containers first. */
  failures: { container: string; exitCode: number; reason: string }[];
  /** Pod-relative instant at which the pod's restart count (all containers) reached k + 1. */
  restartTimes: number[];
  /** Container instances the pod ran (restarts + 1), for the next pod's share of a scenario's `runs`. */
  instances: Record<string, number>;
}

const all = (s: Step) => [...s.snapshot.initContainers, ...s.snapshot.containers];
const restarts = (cs: readonly ContainerSnapshot[]) => cs.reduce((n, c) => n + c.restartCount, 0);

/**
 * @example podOutcome(simulate(pod).steps) // { endedAt: 20, phase: 'Succeeded', failures: [], ... }
 */
export function podOutcome(steps: readonly Step[]): PodOutcome {
  const end = steps.find((s) => s.snapshot.phase === 'Succeeded' || s.snapshot.phase === 'Failed');
  const restartTimes: number[] = [];
  for (const s of steps) {
    if (end && s.t > end.t) break;
    const n = restarts(all(s));
    while (restartTimes.length < n) restartTimes.push(s.t);
  }
  const last = end ?? steps[steps.length - 1];
  const instances: Record<string, number> = {};
  for (const c of last ? all(last) : []) if (c.state !== null) instances[c.name] = c.restartCount + 1;
  if (!end) return { endedAt: null, phase: 'Running', failures: [], restartTimes, instances };
  const failures = all(end).flatMap((c) =>
    c.state === 'terminated' && c.exitCode !== null && c.exitCode !== 0
      ? [{ container: c.name, exitCode: c.exitCode, reason: c.reason ?? 'Error' }]
      : [],
  );
  return {
    endedAt: end.t,
    phase: end.snapshot.phase === 'Succeeded' ? 'Succeeded' : 'Failed',
    failures,
    restartTimes,
    instances,
  };
}
