/**
 * Container lanes of the Gantt chart: a label button per container (reveals it in the manifest) and an SVG
 * track with its spans, restart and exit markers and probe-failure ticks, all positioned in percent of the
 * track so the chart needs no pixel layout and never re-renders on resize. Each span's <title> explains it,
 * and each span is labelled with its reason (clipped to its width), so states differ by more than colour.
 * A track is a button: Enter goes to the lane's next change (Shift+Enter: the previous) and reveals it.
 */
import type { Lane, Marker, Span, Timeline } from '../model/timeline';
import { h, pct, s } from './dom';

const LANE_HEIGHT = 22;

export interface LaneActions {
  /** A click on a lane's label, or on its track at a time position (fraction of the axis). */
  revealContainer(lane: Lane): void;
  seekAndReveal(lane: Lane, fraction: number, marker: Marker | null): void;
  /** Keyboard on a track: the lane's next (1) or previous (-1) span or marker after the current step. */
  stepLane(lane: Lane, direction: 1 | -1): void;
}

const TYPE_LABEL: Record<Lane['type'], string> = { init: 'init', sidecar: 'sidecar', regular: '' };

const spanBox = (span: Span, x: (t: number) => number) => {
  const x0 = x(span.from);
  return { x: pct(x0), y: 5, width: pct(Math.max(x(span.to) - x0, 0.002)), height: 12 };
};

function spanRect(span: Span, x: (t: number) => number): SVGRectElement {
  return s(
    'rect',
    { class: `span k-${span.kind}`, ...spanBox(span, x), rx: 2, 'data-kind': span.kind },
    s('title', {}, span.title),
  );
}

/** The spans' reasons; a nested svg of a span's width clips its label to the span. */
function spanLabels(lane: Lane, x: (t: number) => number): SVGSVGElement[] {
  return lane.spans.map((span) =>
    s('svg', { class: 'span-label', ...spanBox(span, x) }, s('text', { x: 3, y: 9.5 }, span.reason)),
  );
}

function markerNode(m: Marker, index: number, x: (t: number) => number): SVGElement {
  const at = pct(x(m.t));
  const title = s('title', {}, m.title);
  const attrs = { class: `marker m-${m.kind}`, 'data-marker': index };
  switch (m.kind) {
    case 'probe':
      return s('line', { ...attrs, x1: at, x2: at, y1: 17, y2: LANE_HEIGHT }, title);
    case 'restart':
      // A nested svg places a fixed-size glyph at a percent position.
      return s('svg', { ...attrs, x: at, y: 0, overflow: 'visible' }, s('path', { d: 'M-4 0 L4 0 L0 5 Z' }), title);
    case 'exitOk':
    case 'exitError':
      return s('circle', { ...attrs, cx: at, cy: 11, r: 3 }, title);
  }
}

function gridLines(timeline: Timeline): SVGElement {
  return s(
    'g',
    { class: 'grid', 'aria-hidden': 'true' },
    ...timeline.scale.ticks.map((t) => s('line', { x1: pct(t.x), x2: pct(t.x), y1: 0, y2: LANE_HEIGHT })),
  );
}

export interface LaneRow {
  label: HTMLButtonElement;
  track: SVGSVGElement;
  /** The grid cell: the track with its span labels over it. */
  cell: HTMLElement;
  /** Shows the container's state at the current step. */
  state: HTMLElement;
  lane: Lane;
}

export function laneRows(timeline: Timeline, actions: LaneActions): LaneRow[] {
  const x = timeline.scale.x;
  return timeline.lanes.map((lane) => {
    const state = h('span', { class: 'lane-state', 'aria-hidden': 'true' });
    const type = TYPE_LABEL[lane.type];
    const label = h(
      'button',
      {
        type: 'button',
        class: 'lane-label',
        'data-testid': 'lane-label',
        'data-container': lane.name,
        title: `${type ? `${type} container ` : ''}${lane.name}: reveal in the manifest`,
      },
      state,
      type ? h('span', { class: 'lane-type' }, type) : null,
      h('span', { class: 'lane-name' }, lane.name),
    );
    label.addEventListener('click', () => actions.revealContainer(lane));
    // The focusable track is a button named by its aria-label and holds no text: the spans, their tooltips
    // and labels are drawn over it, hidden from screen readers, which hear the same in the label.
    const track = s(
      'svg',
      {
        class: 'lane-track',
        height: LANE_HEIGHT,
        role: 'button',
        tabindex: 0,
        'aria-label': `${lane.name}: ${lane.spans.map((sp) => sp.reason).join(', ') || 'never started'}`,
        'aria-description': 'Enter: next change of this container, Shift+Enter: previous; reveals it in the manifest',
      },
      gridLines(timeline),
    );
    const drawing = s(
      'svg',
      { class: 'lane-drawing', height: LANE_HEIGHT, 'aria-hidden': 'true' },
      ...lane.spans.map((sp) => spanRect(sp, x)),
      ...lane.markers.map((m, i) => markerNode(m, i, x)),
      ...spanLabels(lane, x),
    );
    const cell = h(
      'div',
      { class: 'lane-cell', 'data-testid': 'lane', 'data-container': lane.name, 'data-type': lane.type },
      track,
      drawing,
    );
    cell.addEventListener('click', (e) => {
      const box = track.getBoundingClientRect();
      const hit = (e.target as Element).closest('[data-marker]');
      const marker = hit ? (lane.markers[Number(hit.getAttribute('data-marker'))] ?? null) : null;
      actions.seekAndReveal(lane, box.width > 0 ? (e.clientX - box.left) / box.width : 0, marker);
    });
    track.addEventListener('keydown', (e) => {
      if (e.key !== 'Enter' && e.key !== ' ') return;
      e.preventDefault();
      e.stopPropagation();
      actions.stepLane(lane, e.shiftKey ? -1 : 1);
    });
    return { label, track, cell, state, lane };
  });
}

/** The lane's span at a time (the last one starting at or before it), for the state dot in its label. */
function spanAt(lane: Lane, t: number): Span | undefined {
  let found: Span | undefined;
  for (const sp of lane.spans) {
    if (sp.from > t) break;
    found = sp;
  }
  return found && t <= found.to ? found : undefined;
}

export function updateLaneState(row: LaneRow, t: number): void {
  const span = spanAt(row.lane, t);
  const kind = span?.kind ?? 'none';
  if (row.state.dataset.kind !== kind) {
    row.state.dataset.kind = kind;
    row.state.className = `lane-state k-${kind}`;
  }
  const reason = span?.reason ?? '';
  if (row.label.dataset.state !== reason) row.label.dataset.state = reason;
}
