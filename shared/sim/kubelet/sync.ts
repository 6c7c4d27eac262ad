/**
 * One kubelet sync of the pod, repeated until nothing changes (the instant kubelet): init containers
 * strictly in order with sidecars kept running (computeInitContainerActions), then regular containers
 * (computePodActions), then stopping the pod once its regular containers are done for good.
 */

import { observedExit, tryStart } from './containers';
import { cread, cspec, type Tx } from './context';
import { alive, policyOf, shouldRestart } from './policy';
import { progressStop, regularContainersDone, stopPod } from './termination';

type InitProgress = 'initialized' | 'waiting' | 'failed';

/**
 * Walks the init containers from the last one that was ever created (computeInitContainerActions):
 * earlier sidecars are restarted when they exited; the last one decides what starts next.
 */
function progressInit(tx: Tx): InitProgress {
  const inits = tx.spec.containers.filter((c) => c.role !== 'regular').map((c) => c.key);
  if (inits.length === 0) return 'initialized';
  let last = -1;
  inits.forEach((key, i) => {
    if (cread(tx, key).instance) last = i;
  });
  for (let i = 0; i < last; i++) {
    const key = inits[i] as number;
    if (cspec(tx, key).role === 'sidecar' && observedExit(tx, key) && tryStart(tx, key)) return 'waiting';
  }
  const next = (i: number): InitProgress => {
    if (i === inits.length - 1) return 'initialized';
    tryStart(tx, inits[i + 1] as number);
    return 'waiting';
  };
  if (last === -1) {
    tryStart(tx, inits[0] as number);
    return 'waiting';
  }
  const key = inits[last] as number;
  const cs = cread(tx, key);
  const sidecar = cspec(tx, key).role === 'sidecar';
  if (alive(cs)) {
    // A sidecar lets the next init container start once it is started (postStart done, startup passed).
    return sidecar && cs.instance?.runningAt !== null && cs.instance?.started ? next(last) : 'waiting';
  }
  if (!observedExit(tx, key)) return 'waiting';
  if (!sidecar && cs.instance?.exitCode === 0) return next(last);
  if (!sidecar && policyOf(tx.spec, cspec(tx, key)) === 'Never') return 'failed';
  tryStart(tx, key);
  return 'waiting';
}

/** After initialization: keep sidecars running, start and restart regular containers in spec order. */
function syncRunning(tx: Tx): 'busy' | 'done' | 'ok' {
  for (const c of tx.spec.containers) {
    if (c.role === 'init') continue;
    const key = c.key;
    const wants =
      c.role === 'regular' && !cread(tx, key).instance
        ? true
        : observedExit(tx, key) && shouldRestart(tx.spec, tx.s, key);
    if (wants && tryStart(tx, key)) return 'busy';
  }
  return regularContainersDone(tx, (key) => observedExit(tx, key)) ? 'done' : 'ok';
}

/** Grows whenever an instance is created or initialization completes: another pass may start more. */
const progressMark = (tx: Tx) => tx.s.containers.reduce((n, cs) => n + cs.gen, tx.s.pod.initialized ? 1 : 0);

/**
 * Returns how many passes over the containers it made (each costs time in the number of containers: the
 * simulation's work budget counts them).
 * @example syncPod(tx) // starts whatever the kubelet would start at tx.s.t
 */
export function syncPod(tx: Tx): number {
  const pod = tx.s.pod;
  if (pod.gone || !pod.synced) return 0;
  if (pod.stopping) {
    progressStop(tx);
    return 1;
  }
  if (pod.terminalPhase) {
    // A terminal phase (all regular containers done, failed init under Never, deadline): stop the rest.
    stopPod(tx, 'podStop', tx.spec.gracePeriod);
    progressStop(tx);
    return 1;
  }
  if (tx.spec.failedMount) return 0;
  pod.sandbox = 'ready';
  let passes = 0;
  for (let guard = 0; guard < 10_000 && pod.busyWith === null; guard++) {
    passes++;
    const before = progressMark(tx);
    if (!pod.initialized) {
      const r = progressInit(tx);
      if (r === 'failed') {
        stopPod(tx, 'podStop', tx.spec.gracePeriod);
        progressStop(tx);
        return passes;
      }
      pod.initialized = r === 'initialized';
    }
    if (pod.initialized && pod.busyWith === null && syncRunning(tx) === 'done') {
      stopPod(tx, 'podStop', tx.spec.gracePeriod);
      progressStop(tx);
      return passes;
    }
    if (progressMark(tx) === before) return passes;
  }
  return passes;
}
