/**
 * The conditions strip: PodScheduled, Initialized, ContainersReady and Ready over time, on the lanes' time
 * axis, with each label showing the condition's status at the current step. True is a full bar and False a
 * thin line, so the two differ by shape as well as colour.
 */
import type { Step } from '../../../shared/sim';
import { formatSeconds } from '../model/format';
import type { ConditionRow, Timeline } from '../model/timeline';
import { h, icon, pct, s } from './dom';

/** `Ready: False from 0 s, True from 24 s`, what the strip draws, for a screen reader. */
const describe = (row: ConditionRow) =>
  `${row.type}: ${row.spans.map((sp) => `${sp.status ? 'True' : 'False'} from ${formatSeconds(sp.from)}`).join(', ') || 'no status'}`;

export interface ConditionRowView {
  label: HTMLElement;
  track: SVGSVGElement;
  status: HTMLElement;
  row: ConditionRow;
}

export function conditionRows(timeline: Timeline, onSeek: (fraction: number) => void): ConditionRowView[] {
  const x = timeline.scale.x;
  return timeline.conditions.map((row) => {
    const status = icon('circle-large-outline', 'cond-status');
    const label = h(
      'div',
      { class: 'cond-label', 'data-testid': 'condition-label', 'data-condition': row.type },
      status,
      h('span', { class: 'cond-name' }, row.type),
    );
    const track = s(
      'svg',
      {
        class: 'cond-track',
        'data-testid': 'condition',
        'data-condition': row.type,
        height: 14,
        role: 'img',
        'aria-label': describe(row),
      },
      ...row.spans.map((sp) =>
        s(
          'rect',
          {
            class: `cond ${sp.status ? 'cond-true' : 'cond-false'}`,
            x: pct(x(sp.from)),
            y: sp.status ? 3 : 6,
            width: pct(Math.max(x(sp.to) - x(sp.from), 0.002)),
            height: sp.status ? 8 : 2,
            rx: 1,
          },
          s('title', {}, sp.title),
        ),
      ),
    );
    track.addEventListener('click', (e) => {
      const box = track.getBoundingClientRect();
      if (box.width > 0) onSeek((e.clientX - box.left) / box.width);
    });
    return { label, track, status, row };
  });
}

export function updateConditionStatus(view: ConditionRowView, step: Step): void {
  const c = step.snapshot.exists ? step.snapshot.conditions[view.row.type] : undefined;
  const value = c === undefined ? 'unknown' : c.status ? 'true' : 'false';
  const key = `${value}:${c?.reason ?? ''}`;
  if (view.label.dataset.key === key) return;
  view.label.dataset.key = key;
  view.label.dataset.status = value;
  view.status.className = `codicon cond-status codicon-${value === 'true' ? 'pass-filled' : value === 'false' ? 'circle-large-outline' : 'circle-slash'}`;
  view.label.title = `${view.row.type}: ${value === 'unknown' ? 'no status' : value === 'true' ? 'True' : `False${c?.reason ? ` (${c.reason})` : ''}`}`;
}
