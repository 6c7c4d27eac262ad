/**
 * Starting containers (kuberuntime SyncPod's `start`: doBackOff, EnsureImageExists, create, start,
 * postStart) and what the runtime then does with each instance (its exit, OOM kill or start error).
 */
import { parseQuantity, quantityToNumber } from '../../k8s/quantity';
import { goDuration } from '../status/humanDuration';
import type { Instance, RunBehaviour, Terminated } from '../types';
import { crashBackoff } from './backoff';
import { at, cread, cspec, cstate, podRef, record, type Tx } from './context';
import { ensureImage } from './images';
import { alive } from './policy';
import { resetWorkers, startProbing } from './probes';

/**
 * The kubelet has seen this instance exit. In the `at` pass an exit at exactly `t` that the kubelet did not
 * cause is not seen yet: its reaction (restart, back-off, next init container) shows right after `t`.
 */
export function observedExit(tx: Tx, key: number): boolean {
  const inst = cread(tx, key).instance;
  if (!inst || inst.finishedAt === null) return false;
  return !(tx.s.mode === 'at' && inst.crashLike && inst.finishedAt === tx.s.t);
}

function terminatedOf(inst: Instance): Terminated {
  return {
    exitCode: inst.exitCode ?? 0,
    reason: inst.reason ?? 'Error',
    message: inst.message,
    startedAt: inst.startedAt,
    finishedAt: inst.finishedAt ?? inst.startedAt,
  };
}

/** containerd's terminated reason for an exit code. */
const exitReason = (code: number) => (code === 0 ? 'Completed' : 'Error');

/**
 * Tries to (re)start container `key` now. Returns true when the pod worker is now blocked on it (a pull
 * or a postStart hook), so the caller must not start anything else in this sync.
 */
export function tryStart(tx: Tx, key: number): boolean {
  const r = cread(tx, key);
  if (r.pullingUntil !== null || r.killing || r.stuck || alive(r)) return false;
  if (r.retryAt !== null && r.retryAt > tx.s.t) return false;
  const cs = cstate(tx, key);
  cs.retryAt = null;
  const inst = cs.instance;
  if (inst && inst.finishedAt !== null) {
    // A probe kill restarts in the killing sync, whose status was read before the kill: the back-off then
    // compares against the instance before the killed one (kuberuntime_manager.go doBackOff).
    const killedNow = inst.probeKilled && inst.finishedAt === tx.s.t;
    const reference = killedNow ? cs.previous?.finishedAt : inst.finishedAt;
    if (reference !== undefined) {
      const d = crashBackoff(cs.backoff, reference, tx.s.t, tx.spec.kubelet);
      if (!d.start) {
        crashLoopBackOff(tx, key, d.delay, killedNow ? inst.finishedAt + d.delay : d.until);
        return false;
      }
      cs.backoff = d.entry;
    }
  }
  if (ensureImage(tx, key) === 'ready') return createAndStart(tx, key);
  if (cs.pullingUntil === null) return false;
  tx.s.pod.busyWith = key;
  return true;
}

function crashLoopBackOff(tx: Tx, key: number, delay: number, until: number): void {
  const c = cspec(tx, key);
  const cs = cstate(tx, key);
  const message = `back-off ${goDuration(delay)} restarting failed container=${c.name} pod=${podRef(tx)}`;
  cs.cached = { reason: 'CrashLoopBackOff', message };
  cs.retryAt = until;
  if (cs.backoffEventFor !== until) {
    cs.backoffEventFor = until;
    record(tx, c, 'Warning', 'BackOff', `Back-off restarting failed container ${c.name} in pod ${podRef(tx)}`);
  }
  at(tx, until - tx.s.t, { type: 'RetryDue', c: key, gen: cs.gen });
}

const runtimeError = (reason: string) =>
  `failed to create containerd task: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: ${reason}: unknown`;

/** When and how this run ends on its own, or undefined for a run that lasts until stopped. */
function naturalEnd(
  tx: Tx,
  key: number,
  run: RunBehaviour,
): { after: number; exitCode: number; reason: string } | undefined {
  if ('forever' in run) return undefined;
  if ('oom' in run) return { after: run.afterSeconds, exitCode: 137, reason: 'OOMKilled' };
  if ('memory' in run) {
    const q = parseQuantity(run.memory);
    const limit = cspec(tx, key).memoryLimit;
    if (q.ok && limit !== undefined && quantityToNumber(q.quantity) > limit) {
      return { after: run.afterSeconds, exitCode: 137, reason: 'OOMKilled' };
    }
    return run.exitCode === undefined
      ? undefined
      : { after: run.afterSeconds, exitCode: run.exitCode, reason: exitReason(run.exitCode) };
  }
  return { after: run.afterSeconds, exitCode: run.exitCode, reason: exitReason(run.exitCode) };
}

/** Creates and starts a new instance (the image is ready). Returns true when a postStart hook now blocks. */
export function createAndStart(tx: Tx, key: number): boolean {
  const c = cspec(tx, key);
  const cs = cstate(tx, key);
  if (c.configError) {
    // generateContainerConfig fails before anything is created: no instance, no restart count.
    cs.cached = { reason: 'CreateContainerConfigError', message: c.configError.message };
    cs.stuck = true;
    record(tx, c, 'Warning', 'Failed', `Error: ${c.configError.message}`, [c.configError.range]);
    return false;
  }
  record(tx, c, 'Normal', 'Created', `Created container ${c.name}`);
  const prev = cs.instance;
  if (prev) cs.previous = terminatedOf(prev);
  const run = c.runs[Math.min(cs.runIndex, c.runs.length - 1)] ?? { forever: true };
  cs.runIndex++;
  cs.gen++;
  const inst: Instance = {
    startedAt: tx.s.t,
    runningAt: null,
    finishedAt: null,
    exitCode: null,
    reason: null,
    message: null,
    restartCount: prev ? prev.restartCount + 1 : 0,
    started: false,
    ready: false,
    crashLike: true,
    probeKilled: false,
  };
  cs.instance = inst;
  resetWorkers(tx, key);
  if (c.startError) {
    const message = runtimeError(c.startError);
    Object.assign(inst, { finishedAt: tx.s.t, exitCode: 128, reason: 'StartError', message });
    cs.cached = { reason: 'RunContainerError', message };
    record(tx, c, 'Warning', 'Failed', `Error: ${message}`);
    return false;
  }
  record(tx, c, 'Normal', 'Started', `Started container ${c.name}`);
  const end = naturalEnd(tx, key, run);
  if (end)
    at(tx, end.after, { type: 'ProcessExited', c: key, gen: cs.gen, exitCode: end.exitCode, reason: end.reason });
  if (c.postStart) {
    at(tx, c.postStart.durationSeconds, { type: 'PostStartFinished', c: key, gen: cs.gen });
    tx.s.pod.busyWith = key;
    return true;
  }
  startSucceeded(tx, key);
  return false;
}

/** The start returned (postStart done or absent): Running from now, the reason cache is cleared. */
export function startSucceeded(tx: Tx, key: number): void {
  const cs = cstate(tx, key);
  const inst = cs.instance as Instance;
  inst.runningAt = tx.s.t;
  cs.cached = null;
  inst.started = cspec(tx, key).probes.startup === undefined;
  startProbing(tx, key);
}
