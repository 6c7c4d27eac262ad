/**
 * The Gantt chart: a two-column grid (labels, tracks) holding the time axis, the container lanes and the
 * conditions strip, one cursor line over all of them, and the legend. Rebuilt per simulation; a step only
 * moves the cursor (one CSS variable) and updates the per-row state markers.
 */
import type { Step } from '../../../shared/sim';
import { SPAN_LEGEND } from '../model/explain';
import { AFTER_MARK, AFTER_MARK_EXPLAINED } from '../model/format';
import type { Lane, Marker, Timeline } from '../model/timeline';
import { type ConditionRowView, conditionRows, updateConditionStatus } from './conditions';
import { h, pct, s } from './dom';
import { type LaneRow, laneRows, updateLaneState } from './lanes';

export interface ChartActions {
  revealContainer(lane: Lane): void;
  seekAndReveal(lane: Lane, fraction: number, marker: Marker | null): void;
  stepLane(lane: Lane, direction: 1 | -1): void;
  seek(fraction: number): void;
}

function axis(timeline: Timeline): SVGSVGElement {
  const ticks = timeline.scale.ticks;
  return s(
    'svg',
    { class: 'axis', height: 16, 'aria-hidden': 'true' },
    ...ticks.map((t, i) =>
      s('text', { x: pct(t.x), y: 12, 'text-anchor': i === 0 ? 'start' : t.x > 0.97 ? 'end' : 'middle' }, t.label),
    ),
  );
}

/** Hatched fills for the waiting-like kinds, referenced from CSS (`fill: url(#hatch-backoff)`). */
const HATCHED = ['backoff', 'error', 'stopping'] as const;

function patterns(): SVGSVGElement {
  return s(
    'svg',
    { class: 'chart-defs', width: 0, height: 0, 'aria-hidden': 'true', focusable: 'false' },
    s(
      'defs',
      {},
      ...HATCHED.map((kind) =>
        s(
          'pattern',
          { id: `hatch-${kind}`, width: 6, height: 6, patternUnits: 'userSpaceOnUse', patternTransform: 'rotate(45)' },
          s('rect', { class: `hatch-bg h-${kind}`, width: 6, height: 6 }),
          s('rect', { class: `hatch-fg h-${kind}`, width: 3, height: 6 }),
        ),
      ),
    ),
  );
}

function legend(): HTMLElement {
  const item = (cls: string, text: string) =>
    h('li', {}, h('span', { class: `swatch ${cls}`, 'aria-hidden': 'true' }), text);
  return h(
    'ul',
    { class: 'legend', 'aria-label': 'Legend' },
    ...SPAN_LEGEND.map((l) => item(`k-${l.kind}`, l.label)),
    item('sw-restart', 'restart'),
    item('sw-exit', 'exit'),
    item('sw-probe', 'probe failed'),
    h(
      'li',
      { class: 'legend-after', title: AFTER_MARK_EXPLAINED },
      h('span', { class: 'after-mark', 'aria-hidden': 'true' }, `t${AFTER_MARK}`),
      'right after that instant (the kubelet has reacted)',
    ),
  );
}

export class Chart {
  readonly el: HTMLElement;
  private readonly grid = h('div', { class: 'chart-grid', 'data-testid': 'lanes', id: 'lanes' });
  private readonly cursor = h('div', { class: 'cursor', 'aria-hidden': 'true', 'data-testid': 'cursor' });
  private lanes: LaneRow[] = [];
  private conditions: ConditionRowView[] = [];

  constructor(private readonly actions: ChartActions) {
    this.el = h(
      'div',
      { class: 'chart' },
      patterns(),
      h('div', { class: 'chart-body' }, this.grid, this.cursor),
      legend(),
    );
  }

  setTimeline(timeline: Timeline): void {
    this.lanes = laneRows(timeline, this.actions);
    this.conditions = conditionRows(timeline, this.actions.seek);
    const scaleNote = timeline.scale.logarithmic ? 'time (log)' : 'time';
    this.grid.replaceChildren(
      h('div', { class: 'axis-label' }, scaleNote),
      axis(timeline),
      ...this.lanes.flatMap((r) => [r.label, r.cell]),
      h('div', { class: 'chart-subhead', role: 'presentation' }, 'Conditions'),
      ...this.conditions.flatMap((r) => [r.label, r.track]),
    );
  }

  setStep(step: Step, x: number): void {
    // Only the cursor is restyled: a custom property on a parent would re-style every SVG node below it.
    this.cursor.style.left = `calc(var(--label-w) + (100% - var(--label-w)) * ${x.toFixed(5)})`;
    for (const row of this.lanes) updateLaneState(row, step.t);
    for (const row of this.conditions) updateConditionStatus(row, step);
  }
}
