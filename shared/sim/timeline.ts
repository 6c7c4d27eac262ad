/**
 * The simulation loop: drains the event queue instant by instant (all events at `t`, then the `after`
 * settle), and turns the states into the timeline: one step per instant where anything observable changed.
 */
import type { Range } from '../util/range';
import { initialState, step } from './engine';
import { EventQueue } from './queue';
import type { SimError } from './scenario';
import { buildSnapshot } from './status/snapshot';
import type { ContainerSnapshot, PodSpecResolved, SimState, Snapshot, Step, TraceEntry } from './types';

/** Events at one instant beyond this mean a modelling loop: stop instead of hanging. */
const MAX_EVENTS_PER_INSTANT = 100_000;

/**
 * The work (container visits, see `SimulationResult.work`) one prediction may cost: far above real pods (the
 * examples cost under 3,000; 20 containers failing two 1 s probes for an hour about 900,000) and about a
 * second of computation at worst, so a hostile manifest makes the prediction stop early, and say so,
 * instead of freezing the editor.
 */
export const WORK_BUDGET = 1_000_000;

/**
 * A status snapshot's own cost beyond its containers (phase, conditions, kubectl columns, and the step that
 * keeps it), in container visits: measured on a one-container crash loop, where it is most of the work.
 */
const SNAPSHOT_COST = 12;

/** Why and where the timeline stopped before the horizon; its steps are exact up to (not including) `at`. */
export interface StoppedEarly {
  at: number;
  message: string;
}

/** Same published container status (field by field: building a key string per container per step cost more). */
function sameContainer(x: ContainerSnapshot, y: ContainerSnapshot): boolean {
  if (x === y) return true;
  if (
    x.state !== y.state ||
    x.reason !== y.reason ||
    x.message !== y.message ||
    x.exitCode !== y.exitCode ||
    x.restartCount !== y.restartCount ||
    x.ready !== y.ready ||
    x.started !== y.started
  ) {
    return false;
  }
  const a = x.lastState;
  const b = y.lastState;
  if (!a || !b) return !a && !b;
  return a.exitCode === b.exitCode && a.reason === b.reason && a.finishedAt === b.finishedAt;
}

function sameContainers(a: readonly ContainerSnapshot[], b: readonly ContainerSnapshot[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    if (!sameContainer(a[i] as ContainerSnapshot, b[i] as ContainerSnapshot)) return false;
  }
  return true;
}

const stripAgo = (restarts: string) => {
  const i = restarts.indexOf(' (');
  return i === -1 ? restarts : restarts.slice(0, i);
};

/** Everything observable differs, except the clock-driven `(12s ago)` of RESTARTS. */
function changed(a: Snapshot | null, b: Snapshot): boolean {
  if (!a) return true;
  if (a.exists !== b.exists || a.phase !== b.phase || a.reason !== b.reason || a.message !== b.message) return true;
  if (a.terminating !== b.terminating) return true;
  if (a.kubectl.STATUS !== b.kubectl.STATUS || a.kubectl.READY !== b.kubectl.READY) return true;
  if (stripAgo(a.kubectl.RESTARTS) !== stripAgo(b.kubectl.RESTARTS)) return true;
  const ac = a.conditions;
  const bc = b.conditions;
  for (const type of CONDITION_TYPES) {
    const x = ac[type];
    const y = bc[type];
    if (x !== y && (!x || !y || x.status !== y.status || x.reason !== y.reason || x.message !== y.message)) return true;
  }
  return !sameContainers(a.initContainers, b.initContainers) || !sameContainers(a.containers, b.containers);
}

const CONDITION_TYPES = [
  'PodScheduled',
  'PodReadyToStartContainers',
  'Initialized',
  'ContainersReady',
  'Ready',
] as const;

function uniqueRanges(lists: readonly (readonly Range[])[]): Range[] {
  const seen = new Map<string, Range>();
  for (const list of lists) {
    for (const r of list) seen.set(`${r.start.line}:${r.start.character}:${r.end.line}:${r.end.character}`, r);
  }
  return [...seen.values()];
}

/** The manifest ranges of the containers whose published status changed between two snapshots. */
function changedContainers(ranges: ReadonlyMap<string, Range>, before: Snapshot | undefined, after: Snapshot): Range[] {
  if (!before) return [];
  const out: Range[] = [];
  const compare = (a: readonly ContainerSnapshot[], b: readonly ContainerSnapshot[]) =>
    b.forEach((c, i) => {
      const p = a[i];
      const range = ranges.get(c.name);
      if (range && (!p || !sameContainer(p, c))) out.push(range);
    });
  compare(before.initContainers, after.initContainers);
  compare(before.containers, after.containers);
  return out;
}

/**
 * Something at `t` waits for the `after` pass: an exit the kubelet did not cause (restart, back-off, next
 * init container, pod stop) or a failed pull (ImagePullBackOff). Otherwise `t` and right after `t` agree.
 */
function needsSettle(s: SimState): boolean {
  return s.containers.some(
    (cs) =>
      (cs.instance?.crashLike && cs.instance.finishedAt === s.t) ||
      (cs.cached?.reason === 'ErrImagePull' && cs.retryAt !== null && cs.retryAt > s.t),
  );
}

const plural = (n: number, what: string) => `${n.toLocaleString('en-US')} ${what}${n === 1 ? '' : 's'}`;

function budgetMessage(spec: PodSpecResolved, at: number, until: number, events: number): string {
  return (
    `prediction stopped early at t=${at} s of ${until} s: the simulation's work budget ran out ` +
    `(${plural(spec.containers.length, 'container')}, ${plural(events, 'event')} simulated); the timeline ends there`
  );
}

/**
 * The timeline of one resolved pod over `until` seconds, with the `requested` instants. Past `budget` work
 * it stops at the next instant (and within an instant at twice the budget) and says so in `errors`.
 */
export function timeline(
  spec: PodSpecResolved,
  until: number,
  requested: readonly number[],
  budget = WORK_BUDGET,
): { steps: Step[]; errors: SimError[]; work: number; stoppedEarly?: StoppedEarly } {
  const queue = new EventQueue();
  queue.push({ at: 0, event: { type: 'PodCreated' } });
  if (spec.deleteAt) {
    const { atSeconds, gracePeriodSeconds } = spec.deleteAt;
    queue.push({
      at: atSeconds,
      event: { type: 'DeleteRequested', ...(gracePeriodSeconds === undefined ? {} : { gracePeriodSeconds }) },
    });
  }
  if (spec.activeDeadlineSeconds) queue.push({ at: spec.activeDeadlineSeconds, event: { type: 'DeadlineExceeded' } });
  const horizon = Math.max(until, ...requested);
  const wanted = [...new Set(requested.filter((t) => t >= 0 && t <= horizon))].sort((a, b) => a - b);
  const steps: Step[] = [];
  const errors: SimError[] = [];
  let state: SimState = initialState(spec);
  let prev: Snapshot | null = null;
  let w = 0;
  let work = 0;
  let events = 0;
  let stoppedEarly: StoppedEarly | undefined;
  const stop = (at: number) => {
    stoppedEarly = { at, message: budgetMessage(spec, at, horizon, events) };
    errors.push({ field: 'simulation', message: stoppedEarly.message });
  };
  const snapshot = (t: number) => {
    work += spec.containers.length + SNAPSHOT_COST;
    return buildSnapshot(spec, state, t);
  };

  const containerRanges = new Map(spec.containers.map((c) => [c.name, c.view.range]));
  const push = (t: number, after: boolean, trace: TraceEntry[], snapshot: Snapshot) => {
    const moved = changedContainers(containerRanges, steps[steps.length - 1]?.snapshot, snapshot);
    const ranges = uniqueRanges([...trace.map((e) => e.ranges), moved]);
    steps.push({ t, after, events: trace.map((e) => e.event), snapshot, ranges });
  };
  const drain = (t: number, trace: TraceEntry[]): boolean => {
    for (let n = 0; queue.peekTime() === t; n++) {
      if (n > MAX_EVENTS_PER_INSTANT) {
        errors.push({ field: 'simulation', message: `stopped at t=${t}: too many events at one instant` });
        return false;
      }
      if (work > 2 * budget) {
        stop(t);
        return false;
      }
      const r = step(spec, state, queue.pop() as { at: number; event: never });
      state = r.state;
      work += r.work;
      events++;
      for (const e of r.schedule) queue.push(e);
      // One by one: spreading a trace of a huge pod's sync would overflow the call's argument limit.
      for (const e of r.trace) trace.push(e);
    }
    return true;
  };

  for (let t = queue.peekTime(); t !== undefined && t <= horizon; t = queue.peekTime()) {
    for (; w < wanted.length && (wanted[w] as number) < t; w++)
      push(wanted[w] as number, false, [], snapshot(wanted[w] as number));
    if (work > budget) {
      stop(t);
      break;
    }
    // needsSettle, changed and the ranges of the changed containers each scan every container once.
    work += spec.containers.length;
    const atTrace: TraceEntry[] = [];
    const ok = drain(t, atTrace);
    // A half-drained instant is not shown: the steps stay exact up to the stop.
    if (stoppedEarly) break;
    const snapAt = snapshot(t);
    const afterTrace: TraceEntry[] = [];
    const settle = ok && needsSettle(state);
    if (settle) {
      const r = step(spec, state, { at: t, event: { type: 'Settle' } });
      state = r.state;
      work += r.work;
      for (const e of r.schedule) queue.push(e);
      for (const e of r.trace) afterTrace.push(e);
      drain(t, afterTrace);
      if (stoppedEarly) break;
    }
    const snapAfter = settle ? snapshot(t) : snapAt;
    const forced = wanted[w] === t;
    if (forced) w++;
    const atStep = changed(prev, snapAt) || atTrace.length > 0 || forced;
    if (atStep) push(t, false, atTrace, snapAt);
    if (settle && changed(snapAt, snapAfter)) push(t, true, afterTrace, snapAfter);
    else if (afterTrace.length > 0) {
      const last = steps[steps.length - 1];
      if (atStep && last) {
        for (const e of afterTrace) last.events.push(e.event);
        last.ranges = uniqueRanges([last.ranges, ...afterTrace.map((e) => e.ranges)]);
      } else push(t, false, afterTrace, snapAfter);
    }
    prev = snapAfter;
    if (state.pod.gone || errors.length > 0) break;
  }
  // Requested instants past an early stop are not shown: the state there was never simulated.
  for (; w < wanted.length && (!stoppedEarly || (wanted[w] as number) < stoppedEarly.at); w++)
    push(wanted[w] as number, false, [], snapshot(wanted[w] as number));
  return { steps, errors, work, ...(stoppedEarly ? { stoppedEarly } : {}) };
}
