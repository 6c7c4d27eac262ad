/**
 * Stopping containers (kuberuntime killContainer): Killing event, preStop bounded by the grace period,
 * sidecars waiting for their turn, then SIGTERM with at least 2 s before SIGKILL; and stopping the whole
 * pod on deletion, on activeDeadlineSeconds, or once its regular containers are done for good.
 */
import { currentPhase } from '../status/snapshot';
import type { KillCause } from '../types';
import { at, cread, cspec, cstate, podRef, record, type Tx, wstate } from './context';
import { hookFailureMessage } from './hooks';
import { alive, policyOf, shouldRestart } from './policy';

/**
 * Deletion: liveness and startup record Success and stop; readiness goes on (worker.go). Kept here, with the
 * rest of the stop sequence, so the probe workers (which start kills) and termination do not import each other.
 */
function stopForDeletion(tx: Tx, key: number): void {
  for (const type of ['startup', 'liveness'] as const) {
    const w = wstate(tx, key, type);
    w.stopped = true;
    w.published = 'success';
    w.gen++;
  }
}

/** kuberuntime_manager.go minimumGracePeriodInSeconds: the stop window after preStop and the turn wait. */
const MINIMUM_STOP_WINDOW = 2;

function killingMessage(tx: Tx, key: number, cause: KillCause): string {
  const name = cspec(tx, key).name;
  switch (cause) {
    case 'delete':
    case 'podStop':
      return `Stopping container ${name}`;
    case 'postStart':
      return 'FailedPostStartHook';
    case 'liveness':
    case 'startup': {
      // computePodActions appends the restart note only when the policy restarts the container.
      const policy = policyOf(tx.spec, cspec(tx, key));
      const restart = cspec(tx, key).role === 'sidecar' || policy === 'Always' || policy === 'OnFailure';
      return `Container ${name} failed ${cause} probe${restart ? ', will be restarted' : ''}`;
    }
  }
}

/**
 * Starts killing container `key` with `grace` seconds. Probe and postStart kills block the pod worker:
 * the kubelet restarts (or gives up on) the container in the same sync, after the kill returns.
 */
export function beginKill(tx: Tx, key: number, cause: KillCause, grace: number): void {
  const c = cspec(tx, key);
  const cs = cstate(tx, key);
  if (!alive(cs) || cs.killing) return;
  record(tx, c, 'Normal', 'Killing', killingMessage(tx, key, cause));
  const ordered = c.role === 'sidecar' && (cause === 'delete' || cause === 'podStop');
  cs.killing = { cause, grace, stage: 'preStop', ordered, stageStartedAt: tx.s.t };
  if (cause === 'liveness' || cause === 'startup' || cause === 'postStart') tx.s.pod.busyWith = key;
  if (c.preStop && grace > 0) {
    at(tx, Math.min(c.preStop.durationSeconds, grace), { type: 'KillStage', c: key, gen: cs.gen, stage: 'preStop' });
  } else afterPreStop(tx, key);
}

/** All regular containers and every later sidecar have stopped: this sidecar may get SIGTERM. */
function turnArrived(tx: Tx, key: number): boolean {
  return tx.spec.containers.every(
    (c, k) => !(c.role === 'regular' || (c.role === 'sidecar' && k > key)) || !alive(cread(tx, k)),
  );
}

function afterPreStop(tx: Tx, key: number): void {
  const ks = cstate(tx, key).killing;
  if (!ks) return;
  // executePreStopHook returns whole seconds spent; the grace shrinks by them.
  ks.grace = Math.max(0, ks.grace - Math.floor(tx.s.t - ks.stageStartedAt));
  if (ks.ordered && ks.grace > 0 && !turnArrived(tx, key)) {
    ks.stage = 'turn';
    ks.stageStartedAt = tx.s.t;
    at(tx, ks.grace, { type: 'KillStage', c: key, gen: cstate(tx, key).gen, stage: 'turn' });
  } else signal(tx, key);
}

/** StopContainer: SIGTERM now, SIGKILL after max(remaining grace, 2 s) unless the process exits first. */
function signal(tx: Tx, key: number): void {
  const cs = cstate(tx, key);
  const ks = cs.killing;
  if (!ks) return;
  if (ks.stage === 'turn') ks.grace = Math.max(0, ks.grace - Math.floor(tx.s.t - ks.stageStartedAt));
  ks.stage = 'signalled';
  const window = Math.max(ks.grace, MINIMUM_STOP_WINDOW);
  const onTerm = cspec(tx, key).onSigterm;
  if (onTerm !== 'ignore' && onTerm.afterSeconds < window) {
    const reason = onTerm.exitCode === 0 ? 'Completed' : 'Error';
    at(tx, onTerm.afterSeconds, {
      type: 'ProcessExited',
      c: key,
      gen: cs.gen,
      exitCode: onTerm.exitCode,
      reason,
      signal: 'SIGTERM',
    });
  } else {
    at(tx, window, { type: 'ProcessExited', c: key, gen: cs.gen, exitCode: 137, reason: 'Error', signal: 'SIGKILL' });
  }
}

/** A KillStage event: the preStop hook returned (or was abandoned), or a sidecar's turn wait timed out. */
export function killStage(tx: Tx, key: number, stage: 'preStop' | 'turn'): void {
  const c = cspec(tx, key);
  const ks = cstate(tx, key).killing;
  if (!ks || ks.stage !== stage) return;
  if (stage === 'turn') {
    signal(tx, key);
    return;
  }
  // A hook still running when the grace runs out is abandoned silently; one that fails emits an event.
  if (c.preStop?.result === 'failure' && c.preStop.durationSeconds < ks.grace) {
    const message = hookFailureMessage(c, 'preStop', podRef(tx));
    record(tx, c, 'Warning', 'FailedPreStopHook', message, [c.view.lifecycle.preStop?.keyRange ?? c.view.range]);
  }
  afterPreStop(tx, key);
}

/** Kills every live container (regular first; sidecars in reverse order once it is their turn). */
export function stopPod(tx: Tx, cause: 'delete' | 'podStop', grace: number): void {
  tx.s.pod.stopping = true;
  tx.s.pod.busyWith = null;
  tx.spec.containers.forEach((_, key) => {
    const cs = cstate(tx, key);
    cs.pullingUntil = null;
    cs.retryAt = null;
    if (cause === 'delete') stopForDeletion(tx, key);
    beginKill(tx, key, cause, grace);
  });
}

/** While stopping: release sidecars whose turn came; once nothing runs, the pod is terminal. */
export function progressStop(tx: Tx): void {
  tx.spec.containers.forEach((c, key) => {
    const ks = cread(tx, key).killing;
    if (c.role === 'sidecar' && ks?.stage === 'turn' && turnArrived(tx, key)) signal(tx, key);
  });
  if (tx.s.containers.some(alive)) return;
  const pod = tx.s.pod;
  pod.sandbox = 'torndown';
  if (!pod.terminalPhase) {
    // TerminatePod (status_manager.go): a pod still Pending or Running when it is done is marked Failed.
    const phase = currentPhase(tx.spec, tx.s, true);
    pod.terminalPhase = phase === 'Succeeded' ? 'Succeeded' : 'Failed';
  }
  if (pod.deletion) pod.gone = true;
}

/** Every regular container has exited and none will restart: kill the rest (KillPod in computePodActions). */
export function regularContainersDone(tx: Tx, observed: (key: number) => boolean): boolean {
  return tx.spec.containers.every(
    (c, key) => c.role !== 'regular' || (observed(key) && !shouldRestart(tx.spec, tx.s, key)),
  );
}
