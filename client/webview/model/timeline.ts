/**
 * Turns a simulation's steps into what the panel draws: one lane per container (init, sidecar, regular, in
 * start order) made of spans coloured by reason, restart/exit markers and probe-failure ticks; the
 * conditions over time; the events as table rows; and column widths that never change while stepping.
 * Pure and computed once per simulation, so drawing a step only moves a cursor and flips classes.
 */
import type { ContainerView, PodView } from '../../../shared/model';
import { containerName, resolvePod } from '../../../shared/model';
import type { ConditionType, ContainerSnapshot, PodEvent, Step } from '../../../shared/sim';
import { explainSpan, type SpanKind, waitingKind } from './explain';
import { formatSeconds } from './format';
import { axisEnd, makeScale, type TimeScale } from './scale';

export interface Span {
  from: number;
  to: number;
  kind: SpanKind;
  /** The API reason shown (`CrashLoopBackOff`, `Running`, `Completed`...). */
  reason: string;
  /** Tooltip text: what, when, why. */
  title: string;
  /** The first step of the span: clicking it goes there. */
  step: number;
}

type MarkerKind = 'restart' | 'exitOk' | 'exitError' | 'probe';

export interface Marker {
  t: number;
  step: number;
  kind: MarkerKind;
  title: string;
}

export interface Lane {
  name: string;
  type: 'init' | 'sidecar' | 'regular';
  view: ContainerView;
  spans: Span[];
  markers: Marker[];
}

const CONDITION_TYPES: readonly ConditionType[] = ['PodScheduled', 'Initialized', 'ContainersReady', 'Ready'];

interface ConditionSpan {
  from: number;
  to: number;
  status: boolean;
  title: string;
}

export interface ConditionRow {
  type: ConditionType;
  spans: ConditionSpan[];
}

export interface EventRow {
  step: number;
  t: number;
  event: PodEvent;
  /** The container the event concerns, when it names one. */
  container: { list: 'initContainers' | 'containers'; name: string } | null;
}

export interface Timeline {
  steps: Step[];
  scale: TimeScale;
  lanes: Lane[];
  conditions: ConditionRow[];
  events: EventRow[];
  /** Widest value per kubectl column over all steps (in characters): the header never reflows. */
  widths: { READY: number; STATUS: number; RESTARTS: number; AGE: number; phase: number };
}

const OBJECT = /^spec\.(initContainers|containers)\{(.*)\}$/;

export function eventContainer(event: PodEvent): EventRow['container'] {
  const m = OBJECT.exec(event.object);
  return m ? { list: m[1] as 'initContainers' | 'containers', name: m[2] as string } : null;
}

const PULL_END = new Set(['Pulled', 'Failed', 'ErrImageNeverPull', 'InspectFailed', 'BackOff']);

/** Per-container flags that only the events tell: an image pull or a kill in progress. */
interface Activity {
  pulling: boolean;
  stopping: boolean;
}

function kindOf(c: ContainerSnapshot, activity: Activity): { kind: SpanKind; reason: string } | null {
  switch (c.state) {
    case null:
      return null;
    case 'waiting': {
      const reason = c.reason ?? 'Waiting';
      const kind = waitingKind(c.reason);
      return { kind: kind === 'waiting' && activity.pulling ? 'pulling' : kind, reason };
    }
    case 'running':
      if (activity.stopping) return { kind: 'stopping', reason: 'Terminating' };
      if (c.type === 'init') return { kind: 'running', reason: 'Running' };
      return c.ready ? { kind: 'ready', reason: 'Running, ready' } : { kind: 'notReady', reason: 'Running, not ready' };
    case 'terminated':
      return {
        kind: c.exitCode === 0 ? 'completed' : 'failed',
        reason: `${c.reason ?? 'Terminated'} (exit ${c.exitCode ?? 0})`,
      };
  }
}

function spanTitle(name: string, from: number, to: number, kind: SpanKind, reason: string, message: string | null) {
  const lines = [`${name}: ${reason}`, `${formatSeconds(from)} → ${formatSeconds(to)} (${formatSeconds(to - from)})`];
  lines.push(explainSpan(kind, reason));
  if (message) lines.push(message);
  return lines.join('\n');
}

function buildLane(view: ContainerView, steps: readonly Step[], end: number): Lane {
  const name = containerName(view);
  const list = view.list;
  const lane: Lane = { name, type: view.role, view, spans: [], markers: [] };
  const activity: Activity = { pulling: false, stopping: false };
  let restarts = 0;
  let lastExit: number | null = null;
  let lastFinished: number | null = null;
  let previousState: ContainerSnapshot['state'] = null;
  steps.forEach((step, i) => {
    for (const e of step.events) {
      const target = eventContainer(e);
      if (!target || target.list !== list || target.name !== name) continue;
      if (e.reason === 'Pulling') activity.pulling = true;
      else if (PULL_END.has(e.reason)) activity.pulling = false;
      if (e.reason === 'Killing') activity.stopping = true;
      if (e.reason === 'Unhealthy')
        lane.markers.push({ t: step.t, step: i, kind: 'probe', title: `${name}: ${e.message}` });
    }
    const snaps = list === 'containers' ? step.snapshot.containers : step.snapshot.initContainers;
    const c = snaps.find((s) => s.name === name);
    if (!c || !step.snapshot.exists) return;
    if (c.state !== 'running') activity.stopping = false;
    if (c.restartCount > restarts) {
      // A new instance: a kill at the same instant (a liveness restart) leaves no stopping window.
      activity.stopping = false;
      restarts = c.restartCount;
      lane.markers.push({ t: step.t, step: i, kind: 'restart', title: `${name}: restart #${restarts}` });
    }
    // An exit shows once: when the container turns terminated, or when a new lastState appears (a restart).
    const finished = c.lastState?.finishedAt ?? null;
    const exit =
      c.state === 'terminated' && previousState !== 'terminated'
        ? { t: step.t, code: c.exitCode ?? 0, reason: c.reason ?? 'Terminated' }
        : c.lastState && finished !== lastFinished && finished !== lastExit
          ? { t: c.lastState.finishedAt, code: c.lastState.exitCode, reason: c.lastState.reason }
          : null;
    previousState = c.state;
    lastFinished = finished;
    if (exit) {
      lastExit = exit.t;
      lane.markers.push({
        t: exit.t,
        step: i,
        kind: exit.code === 0 ? 'exitOk' : 'exitError',
        title: `${name}: exited ${exit.code} (${exit.reason}) at ${formatSeconds(exit.t)}`,
      });
    }
    const k = kindOf(c, activity);
    const from = step.t;
    const to = steps[i + 1]?.t ?? end;
    if (!k || to <= from) return;
    const last = lane.spans[lane.spans.length - 1];
    if (last && last.kind === k.kind && last.reason === k.reason && last.to === from) {
      last.to = to;
      last.title = spanTitle(name, last.from, to, k.kind, k.reason, c.message);
    } else {
      lane.spans.push({
        from,
        to,
        kind: k.kind,
        reason: k.reason,
        title: spanTitle(name, from, to, k.kind, k.reason, c.message),
        step: i,
      });
    }
  });
  return lane;
}

function buildConditions(steps: readonly Step[], end: number): ConditionRow[] {
  return CONDITION_TYPES.map((type) => {
    const spans: ConditionSpan[] = [];
    steps.forEach((step, i) => {
      const c = step.snapshot.exists ? step.snapshot.conditions[type] : undefined;
      const to = steps[i + 1]?.t ?? end;
      if (!c || to <= step.t) return;
      const last = spans[spans.length - 1];
      const why = [c.reason, c.message].filter(Boolean).join(': ');
      if (last && last.status === c.status && last.to === step.t) {
        last.to = to;
        return;
      }
      spans.push({
        from: step.t,
        to,
        status: c.status,
        title: `${type} ${c.status ? 'True' : 'False'}${why ? ` (${why})` : ''}`,
      });
    });
    for (const s of spans) s.title += `\n${formatSeconds(s.from)} → ${formatSeconds(s.to)}`;
    return { type, spans };
  });
}

/** Lanes in start order: init containers and sidecars in spec order, then regular containers in spec order. */
export function buildTimeline(steps: Step[], pod: PodView, until: number): Timeline {
  const end = axisEnd(steps[steps.length - 1]?.t ?? 0, until);
  const events: EventRow[] = [];
  const widths = { READY: 5, STATUS: 6, RESTARTS: 8, AGE: 3, phase: 7 };
  steps.forEach((step, i) => {
    for (const event of step.events) events.push({ step: i, t: step.t, event, container: eventContainer(event) });
    const k = step.snapshot.kubectl;
    widths.READY = Math.max(widths.READY, k.READY.length);
    widths.STATUS = Math.max(widths.STATUS, k.STATUS.length);
    widths.RESTARTS = Math.max(widths.RESTARTS, k.RESTARTS.length);
    widths.AGE = Math.max(widths.AGE, 6);
    widths.phase = Math.max(widths.phase, step.snapshot.phase.length);
  });
  return {
    steps,
    scale: makeScale(end),
    lanes: resolvePod(pod).views.map((v) => buildLane(v, steps, end)),
    conditions: buildConditions(steps, end),
    events,
    widths,
  };
}

/** The step shown at a time: the last one at or before it. */
export function stepAtTime(steps: readonly Step[], t: number): number {
  let lo = 0;
  let hi = steps.length - 1;
  if (hi < 0) return 0;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((steps[mid] as Step).t <= t) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** After a re-simulation: the step at the same moment (same time and phase of the instant), else the nearest before. */
export function findStep(steps: readonly Step[], at: { t: number; after: boolean } | null): number {
  if (!at) return 0;
  const same = steps.findIndex((s) => s.t === at.t && s.after === at.after);
  return same >= 0 ? same : stepAtTime(steps, at.t);
}
