/**
 * The pure step function: `step(spec, state, scheduled)` copies the state, applies one event and the
 * kubelet sync that follows it, and returns the new state with the events to schedule and the trace.
 */

import { assertNever } from '../util/assertNever';
import { createAndStart, startSucceeded } from './kubelet/containers';
import { cread, cspec, cstate, podRef, record, type Tx, wread } from './kubelet/context';
import { hookFailureMessage } from './kubelet/hooks';
import { imagePullBackOff, pulled } from './kubelet/images';
import { newWorker, probeTick } from './kubelet/probes';
import { syncPod } from './kubelet/sync';
import { beginKill, killStage, stopPod } from './kubelet/termination';
import { currentPhase } from './status/snapshot';
import type { ContainerState, PodSpecResolved, ScheduledEvent, SimEvent, SimState, TraceEntry } from './types';

/** The state before the pod exists: nothing scheduled, no container created, probe workers idle. */
export function initialState(spec: PodSpecResolved): SimState {
  const container = (): ContainerState => ({
    instance: null,
    previous: null,
    cached: null,
    pullingUntil: null,
    stuck: false,
    backoff: null,
    retryAt: null,
    runIndex: 0,
    killing: null,
    gen: 0,
    backoffEventFor: null,
  });
  return {
    t: 0,
    mode: 'at',
    pod: {
      created: false,
      scheduled: false,
      synced: false,
      sandbox: 'none',
      initialized: false,
      terminalPhase: null,
      reason: null,
      message: null,
      deletion: null,
      busyWith: null,
      stopping: false,
      gone: false,
    },
    containers: spec.containers.map(container),
    workers: spec.containers.map(() => ({
      startup: newWorker('startup'),
      liveness: newWorker('liveness'),
      readiness: newWorker('readiness'),
    })),
    presentImages: {},
    imageBackoff: {},
  };
}

/** A copy the step may change: pod-level parts now, each container on its first write (`cstate`). */
function copyState(s: SimState): SimState {
  return {
    t: s.t,
    mode: s.mode,
    // The deletion record is replaced, never changed in place: a shallow copy of the pod is enough.
    pod: { ...s.pod },
    // Shared until the first write: cstate/wstate copy the list and the entry, images.ts copies its maps.
    containers: s.containers,
    workers: s.workers,
    presentImages: s.presentImages,
    imageBackoff: s.imageBackoff,
  };
}

function podCreated(tx: Tx): void {
  const { spec, s } = tx;
  s.pod.created = true;
  if (spec.unschedulable) {
    const { reason, message, ranges } = spec.unschedulable;
    if (reason !== 'SchedulingGated') record(tx, null, 'Warning', 'FailedScheduling', message, ranges);
    return;
  }
  s.pod.scheduled = true;
  if (spec.rejected) {
    record(tx, null, 'Warning', spec.rejected.reason, spec.rejected.event, spec.rejected.ranges);
    return;
  }
  if (!spec.boundByHand) {
    record(
      tx,
      null,
      'Normal',
      'Scheduled',
      `Successfully assigned ${spec.namespace}/${spec.name} to ${spec.nodeName}`,
      [spec.podRange],
    );
  }
  s.pod.synced = true;
  if (spec.failedMount) record(tx, null, 'Warning', 'FailedMount', spec.failedMount.message, spec.failedMount.ranges);
}

function processExited(tx: Tx, e: Extract<SimEvent, { type: 'ProcessExited' }>): void {
  const cs = cstate(tx, e.c);
  const inst = cs.instance;
  if (cs.gen !== e.gen || !inst || inst.finishedAt !== null) return;
  Object.assign(inst, { finishedAt: tx.s.t, exitCode: e.exitCode, reason: e.reason });
  if (cs.killing) {
    // A postStart failure kill is reported by the start that failed: the next sync decides the restart.
    inst.crashLike = cs.killing.cause === 'postStart';
    inst.probeKilled = cs.killing.cause === 'liveness' || cs.killing.cause === 'startup';
    cs.killing = null;
  }
  if (tx.s.pod.busyWith === e.c) tx.s.pod.busyWith = null;
}

/**
 * An exit the kubelet did not cause, at this very instant, in the `at` pass: the kubelet reacts to it only in
 * the `after` pass (observedExit), so a sync now would find nothing to do. Many containers exiting at one
 * instant would otherwise each cost a sync over all containers.
 */
function unseenExit(tx: Tx, key: number): boolean {
  const { s } = tx;
  const inst = cread(tx, key).instance;
  if (s.mode !== 'at' || s.pod.stopping || s.pod.terminalPhase) return false;
  return inst?.crashLike === true && inst.finishedAt === s.t;
}

/** Applies the event; returns false when nothing changed that a sync could react to. */
function handle(tx: Tx, e: SimEvent): boolean {
  const { s } = tx;
  switch (e.type) {
    case 'PodCreated':
      podCreated(tx);
      return true;
    case 'DeleteRequested': {
      const grace = e.gracePeriodSeconds ?? tx.spec.gracePeriod;
      if (s.pod.gone) return true;
      // CheckGracefulDelete: unscheduled or terminal pods, and --grace-period=0, go away at once.
      if (!s.pod.scheduled || s.pod.terminalPhase || grace === 0) {
        s.pod.deletion = { at: s.t, grace: 0 };
        s.pod.gone = true;
        return true;
      }
      s.pod.deletion = { at: s.t, grace };
      stopPod(tx, 'delete', grace);
      return true;
    }
    case 'DeadlineExceeded': {
      if (!s.pod.synced || s.pod.terminalPhase || s.pod.stopping || s.pod.gone) return true;
      const message = 'Pod was active on the node longer than the specified deadline';
      Object.assign(s.pod, { reason: 'DeadlineExceeded', message, terminalPhase: 'Failed' });
      record(tx, null, 'Normal', 'DeadlineExceeded', message, [tx.spec.podRange]);
      return true;
    }
    case 'PullFinished': {
      const r = cread(tx, e.c);
      if (r.gen !== e.gen || r.pullingUntil !== s.t) return false;
      cstate(tx, e.c).pullingUntil = null;
      pulled(tx, e.c, tx.spec.images[cspec(tx, e.c).image]?.pullSeconds ?? 0);
      if (s.pod.busyWith === e.c) s.pod.busyWith = null;
      if (!s.pod.stopping) createAndStart(tx, e.c);
      return true;
    }
    case 'PostStartFinished': {
      const c = cspec(tx, e.c);
      const r = cread(tx, e.c);
      const inst = r.instance;
      if (r.gen !== e.gen || !inst || inst.finishedAt !== null || inst.runningAt !== null || r.killing) return false;
      if (s.pod.busyWith === e.c) s.pod.busyWith = null;
      if (c.postStart?.result !== 'failure') {
        startSucceeded(tx, e.c);
        return true;
      }
      // startContainer: the hook error is the start's error (PostStartHookError), and the container is killed.
      const message = hookFailureMessage(c, 'postStart', podRef(tx));
      record(tx, c, 'Warning', 'FailedPostStartHook', message, [c.view.lifecycle.postStart?.keyRange ?? c.view.range]);
      cstate(tx, e.c).cached = { reason: 'PostStartHookError', message };
      beginKill(tx, e.c, 'postStart', tx.spec.gracePeriod);
      return true;
    }
    case 'ProcessExited': {
      const busy = s.pod.busyWith;
      processExited(tx, e);
      return !unseenExit(tx, e.c) || s.pod.busyWith !== busy;
    }
    case 'ProbeTick':
      // A tick that publishes nothing changes no kubelet decision: the sync after it is skipped.
      if (cread(tx, e.c).gen !== e.gen || wread(tx, e.c)[e.probe].gen !== e.pgen) return false;
      return probeTick(tx, e.c, e.probe);
    case 'RetryDue':
      // The sync that follows retries the start now that retryAt has passed. A retry already made (an earlier
      // sync of this instant retried every due container, or retryAt was reset) leaves that sync nothing to
      // do: skipping it keeps a back-off shared by many containers from costing containers² per retry.
      return cread(tx, e.c).retryAt === s.t;
    case 'KillStage':
      if (cread(tx, e.c).gen === e.gen) killStage(tx, e.c, e.stage);
      return true;
    case 'Settle':
      // A sync strictly inside a pull back-off window publishes ImagePullBackOff (logical model, §17).
      s.mode = 'after';
      tx.s.containers.forEach((cs, key) => {
        if (cs.cached?.reason === 'ErrImagePull' && cs.retryAt !== null && cs.retryAt > s.t) imagePullBackOff(tx, key);
      });
      return true;
    default:
      return assertNever(e, 'event');
  }
}

/**
 * Applies one scheduled event and the kubelet's reaction to it. Pure: `state` is not modified. `work` is
 * what the step cost in container visits (1 for the event, plus the containers of each sync pass and of the
 * exit scan, and an eighth of them for each list it copied).
 * @example
 *   const r = step(spec, initialState(spec), { at: 0, event: { type: 'PodCreated' } });
 *   r.trace[0]?.event.reason // 'Scheduled'
 */
export function step(
  spec: PodSpecResolved,
  state: SimState,
  scheduled: ScheduledEvent,
): { state: SimState; schedule: ScheduledEvent[]; trace: TraceEntry[]; work: number } {
  const s = copyState(state);
  if (scheduled.at !== s.t) {
    s.t = scheduled.at;
    s.mode = 'at';
  }
  const tx: Tx = { spec, s, schedule: [], trace: [], copied: [], copiedWorkers: [] };
  const handled = handle(tx, scheduled.event);
  const passes = handled ? syncPod(tx) : 0;
  // Only an exit can make getPhase terminal (deadline and pod stop set the phase themselves); an event that
  // changed nothing made no exit, and skipping the scan keeps its step free of the number of containers.
  const scan = handled || scheduled.event.type === 'ProcessExited';
  if (scan && !s.pod.terminalPhase && s.containers.some((cs) => cs.instance?.finishedAt === s.t)) {
    const phase = currentPhase(spec, s, false, 'settled');
    if (phase === 'Succeeded' || phase === 'Failed') s.pod.terminalPhase = phase;
  }
  const n = spec.containers.length;
  // The first write to a container or a probe worker copies its whole list (copy on write): a flat copy of
  // references, measured about 8 times cheaper per container than a sync pass.
  const copies = (tx.copied.length > 0 ? 1 : 0) + (tx.copiedWorkers.length > 0 ? 1 : 0);
  return {
    state: s,
    schedule: tx.schedule,
    trace: tx.trace,
    work: 1 + (passes + (scan ? 1 : 0)) * n + copies * Math.ceil(n / 8),
  };
}
