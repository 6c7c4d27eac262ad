/**
 * Probe workers (pkg/kubelet/prober/worker.go) in the logical model: ticks at k·periodSeconds from the
 * pod's first sync, thresholds over consecutive results, startup gating, and one extra readiness run when
 * a container is first seen started. Unobservable successes are skipped analytically, not ticked.
 */
import type { Instance, ProbeBehaviour, ProbeResult, ProbeSpec, ProbeType, ProbeWorker } from '../types';
import { at, cread, cspec, cstate, record, type Tx, wread, wstate } from './context';
import { beginKill } from './termination';

const INITIAL: Record<ProbeType, ProbeWorker['published']> = {
  liveness: 'success',
  readiness: 'failure',
  startup: 'unknown',
};

const TITLE: Record<ProbeType, string> = { liveness: 'Liveness', readiness: 'Readiness', startup: 'Startup' };

export function newWorker(type: ProbeType): ProbeWorker {
  return {
    lastResult: null,
    run: 0,
    published: INITIAL[type],
    onHold: false,
    stopped: false,
    gen: 0,
    skippedFrom: null,
  };
}

const timesOut = (p: ProbeSpec) => (p.behaviour.responseSeconds ?? 0) > p.timeoutSeconds;

/** The answer at `age` seconds into the instance. */
export function outcome(p: ProbeSpec, age: number): ProbeResult {
  if (timesOut(p)) return 'failure';
  const b: ProbeBehaviour = p.behaviour;
  if ('always' in b) return b.always;
  if ('healthyWhileAgeBelow' in b) return age < b.healthyWhileAgeBelow ? 'success' : 'failure';
  return age >= b.successFromAge ? 'success' : 'failure';
}

/** What `kubectl describe` shows after "<Kind> probe failed: ". */
function failureMessage(p: ProbeSpec): string {
  const timeout = timesOut(p);
  switch (p.handler) {
    case 'httpGet':
      return timeout
        ? `Get "http://<pod IP>${p.target}": context deadline exceeded (Client.Timeout exceeded while awaiting headers)`
        : 'HTTP probe failed with statuscode: 500';
    case 'tcpSocket':
      return timeout
        ? `dial tcp <pod IP>${p.target}: i/o timeout`
        : `dial tcp <pod IP>${p.target}: connect: connection refused`;
    case 'grpc':
      return timeout
        ? `timeout: failed to connect service "${p.target}" within ${p.timeoutSeconds}s`
        : 'service unhealthy (responded with "NOT_SERVING")';
    default:
      return timeout ? `command "${p.target}" timed out` : `command "${p.target}" exited with 1`;
  }
}

/** The first tick k·P (k ≥ 1) at or after `t`. */
const tickAtOrAfter = (t: number, period: number) => Math.max(1, Math.ceil(t / period)) * period;

/**
 * The first tick strictly after `from` and at or after `notBefore`. A tick at the very instant that enabled
 * probing does not probe: the worker reads a status published before that change.
 */
function firstTick(from: number, period: number, notBefore: number): number {
  return Math.max((Math.floor(from / period) + 1) * period, tickAtOrAfter(notBefore, period));
}

/** Whether the worker would probe the current instance at all (worker.go doProbe gates). */
function probing(tx: Tx, key: number, type: ProbeType): boolean {
  const inst = cread(tx, key).instance;
  const w = wread(tx, key)[type];
  if (!inst || inst.finishedAt !== null || inst.runningAt === null || w.onHold || w.stopped) return false;
  if (tx.s.pod.terminalPhase) return false;
  return type === 'startup' ? !inst.started : inst.started;
}

/** (Re)schedules the worker's next tick that can change something observable. */
function scheduleNext(tx: Tx, key: number, type: ProbeType): void {
  const p = cspec(tx, key).probes[type];
  const cs = cread(tx, key);
  const w = wstate(tx, key, type);
  w.gen++;
  w.skippedFrom = null;
  if (!p || !probing(tx, key, type)) return;
  const start = (cs.instance as { startedAt: number }).startedAt;
  const first = firstTick(tx.s.t, p.periodSeconds, start + p.initialDelaySeconds);
  let next: number | null = first;
  if (outcome(p, first - start) === 'success' && w.published === 'success') {
    // Successes while the published result is already Success change nothing: jump to the first failure.
    const b = p.behaviour;
    next = 'healthyWhileAgeBelow' in b ? tickAtOrAfter(start + b.healthyWhileAgeBelow, p.periodSeconds) : null;
    if (next !== null && next > first) w.skippedFrom = first;
  }
  if (next !== null) at(tx, next - tx.s.t, { type: 'ProbeTick', c: key, probe: type, gen: cs.gen, pgen: w.gen });
}

/** A new instance: each worker restarts from its initial result (worker.go: new container ID). */
export function resetWorkers(tx: Tx, key: number): void {
  for (const type of ['startup', 'liveness', 'readiness'] as const) {
    const w = wstate(tx, key, type);
    w.published = INITIAL[type];
    w.onHold = false;
    w.skippedFrom = null;
    w.gen++;
  }
}

/** The instance is Running: the startup probe runs first; without one it is started right away. */
export function startProbing(tx: Tx, key: number): void {
  if (cread(tx, key).instance?.started) onStarted(tx, key);
  else scheduleNext(tx, key, 'startup');
}

/** Started (startup probe passed, or none): liveness and readiness begin, readiness runs at once. */
function onStarted(tx: Tx, key: number): void {
  scheduleNext(tx, key, 'liveness');
  if (cspec(tx, key).probes.readiness) runProbe(tx, key, 'readiness');
  scheduleNext(tx, key, 'readiness');
}

/** Runs one probe now and applies the thresholds; true when it published a new result. */
function runProbe(tx: Tx, key: number, type: ProbeType): boolean {
  const c = cspec(tx, key);
  const p = c.probes[type];
  const inst = cread(tx, key).instance;
  if (!p || !inst || !probing(tx, key, type)) return false;
  if (Math.floor(tx.s.t - inst.startedAt) < p.initialDelaySeconds) return false;
  const w = wstate(tx, key, type);
  if (w.skippedFrom !== null && w.skippedFrom < tx.s.t) {
    w.lastResult = 'success';
    w.run = p.successThreshold;
  }
  w.skippedFrom = null;
  const result = outcome(p, tx.s.t - inst.startedAt);
  if (w.lastResult === result) w.run++;
  else {
    w.lastResult = result;
    w.run = 1;
  }
  if (result === 'failure') {
    record(tx, c, 'Warning', 'Unhealthy', `${TITLE[type]} probe failed: ${failureMessage(p)}`, [p.range]);
  }
  if (w.run < (result === 'failure' ? p.failureThreshold : p.successThreshold) || w.published === result) return false;
  w.published = result;
  const live = cstate(tx, key).instance as Instance;
  if (type === 'readiness') {
    live.ready = result === 'success';
    return true;
  }
  if (type === 'startup' && result === 'success') {
    live.started = true;
    onStarted(tx, key);
    return true;
  }
  // A liveness or startup failure: hold the worker until a new instance, and kill this one.
  w.onHold = true;
  w.run = 0;
  beginKill(tx, key, type, p.terminationGracePeriodSeconds ?? tx.spec.gracePeriod);
  return true;
}

/** A scheduled tick: probe, then schedule the next one. True when the tick published a new result. */
export function probeTick(tx: Tx, key: number, type: ProbeType): boolean {
  const published = runProbe(tx, key, type);
  scheduleNext(tx, key, type);
  return published;
}
