/**
 * The STATUS, READY and RESTARTS columns of `kubectl get pods`, computed exactly as `printPod`
 * (pkg/printers/internalversion/printers.go, sidecar-aware version) does from the API status.
 */
import type { ContainerSnapshot, Snapshot } from '../types';
import { humanDuration } from './humanDuration';

export type PrintInput = Pick<Snapshot, 'phase' | 'reason' | 'terminating' | 'conditions'> & {
  initContainers: readonly ContainerSnapshot[];
  containers: readonly ContainerSnapshot[];
  /** Regular containers in the spec: READY's total counts them whether or not they have a status. */
  specContainers: number;
  /** Sidecars in the spec: they count in READY's total too. */
  specSidecars: number;
};

/** A status entry only exists once the kubelet reported one. */
const reported = (c: ContainerSnapshot) => c.state !== null;

function terminatedReason(prefix: string, c: ContainerSnapshot): string {
  // printPod falls back to Signal:/ExitCode: when the runtime gave no reason; containerd always gives one.
  return c.reason ? `${prefix}${c.reason}` : `${prefix}ExitCode:${c.exitCode ?? 0}`;
}

/** The columns before the clock is applied: RESTARTS needs `now` only for its "(12s ago)". */
export interface PodColumns {
  STATUS: string;
  READY: string;
  restarts: number;
  /** finishedAt of the newest counted last termination, or null. */
  lastRestart: number | null;
}

/** The printPod walk over the statuses (everything except the clock). */
export function podColumns(pod: PrintInput): PodColumns {
  let restarts = 0;
  let sidecarRestarts = 0;
  let ready = 0;
  let lastRestart: number | null = null;
  let lastSidecarRestart: number | null = null;
  let reason: string = pod.reason ?? pod.phase;
  // printPod: a PodScheduled condition with reason SchedulingGated prints as such.
  if (pod.conditions.PodScheduled?.reason === 'SchedulingGated') reason = 'SchedulingGated';
  const later = (a: number | null, b: number) => (a === null || b > a ? b : a);

  const inits = pod.initContainers.filter(reported);
  let initializing = false;
  for (let i = 0; i < inits.length; i++) {
    const c = inits[i] as ContainerSnapshot;
    restarts += c.restartCount;
    if (c.lastState) lastRestart = later(lastRestart, c.lastState.finishedAt);
    if (c.type === 'sidecar') {
      sidecarRestarts += c.restartCount;
      if (c.lastState) lastSidecarRestart = later(lastSidecarRestart, c.lastState.finishedAt);
    }
    if (c.state === 'terminated' && c.exitCode === 0) continue;
    if (c.type === 'sidecar' && c.started) {
      if (c.ready) ready++;
      continue;
    }
    if (c.state === 'terminated') reason = terminatedReason('Init:', c);
    else if (c.state === 'waiting' && c.reason && c.reason !== 'PodInitializing') reason = `Init:${c.reason}`;
    else reason = `Init:${i}/${pod.initContainers.length}`;
    initializing = true;
    break;
  }

  if (!initializing || pod.conditions.Initialized?.status === true) {
    restarts = sidecarRestarts;
    lastRestart = lastSidecarRestart;
    let hasRunning = false;
    const regular = pod.containers.filter(reported);
    for (let i = regular.length - 1; i >= 0; i--) {
      const c = regular[i] as ContainerSnapshot;
      restarts += c.restartCount;
      if (c.lastState) lastRestart = later(lastRestart, c.lastState.finishedAt);
      if (c.state === 'waiting' && c.reason) reason = c.reason;
      else if (c.state === 'terminated') reason = terminatedReason('', c);
      else if (c.ready && c.state === 'running') {
        hasRunning = true;
        ready++;
      }
    }
    if (reason === 'Completed' && hasRunning) reason = pod.conditions.Ready?.status === true ? 'Running' : 'NotReady';
  }

  if (pod.terminating && pod.phase !== 'Succeeded' && pod.phase !== 'Failed') reason = 'Terminating';

  return { STATUS: reason, READY: `${ready}/${pod.specContainers + pod.specSidecars}`, restarts, lastRestart };
}

/** The columns as printed at `now`: RESTARTS gets ` (<HumanDuration> ago)` when non-zero. */
export function formatColumns(c: PodColumns, now: number): Snapshot['kubectl'] {
  const ago = c.restarts !== 0 && c.lastRestart !== null ? ` (${humanDuration(now - c.lastRestart)} ago)` : '';
  return { STATUS: c.STATUS, READY: c.READY, RESTARTS: `${c.restarts}${ago}` };
}

/**
 * @example
 *   printPod(snapshot, 75) // { STATUS: 'CrashLoopBackOff', READY: '0/1', RESTARTS: '2 (5s ago)' }
 */
export function printPod(pod: PrintInput, now: number): Snapshot['kubectl'] {
  return formatColumns(podColumns(pod), now);
}
