/**
 * The events list in `kubectl describe` style (Type, Reason, At, From, Message), an ARIA table of grid rows:
 * rows out of the scroll box skip layout (`content-visibility`), which a <table> cannot do, so a pod with
 * hundreds of events redraws fast. Rows up to the current step read as past, the current step's rows are
 * highlighted, later ones dimmed. A click (or Enter/Space) on a row goes to its step and reveals the
 * manifest range the event concerns. One row is in the Tab order (the current step's, or the one last
 * focused); ↑/↓ move between rows, so Tab leaves the table in one press however many events there are.
 */
import { formatCompact, formatSeconds } from '../model/format';
import type { EventRow, Timeline } from '../model/timeline';
import { h, icon } from './dom';

type RowState = 'past' | 'current' | 'future';

const COLUMNS = [
  { cls: 'col-type', title: 'Type' },
  { cls: 'col-reason', title: 'Reason' },
  { cls: 'col-at', title: 'At' },
  { cls: 'col-from', title: 'From' },
  { cls: 'col-message', title: 'Message' },
] as const;

export class EventsTable {
  readonly el: HTMLElement;
  private readonly scroller: HTMLElement;
  private readonly empty = h('p', { class: 'empty-note', hidden: true }, 'No events.');
  private rows: HTMLElement[] = [];
  private events: EventRow[] = [];
  private current = -1;

  constructor(private readonly onActivate: (row: EventRow) => void) {
    const head = h(
      'div',
      { class: 'events-head', role: 'rowgroup' },
      h(
        'div',
        { class: 'event-grid', role: 'row' },
        ...COLUMNS.map((c) =>
          h(
            'div',
            {
              class: c.cls,
              role: 'columnheader',
              title: c.cls === 'col-at' ? 'Simulated time since the pod was created' : undefined,
            },
            // A narrow panel shows only the type icon: the header's text hides with the rows' text.
            c.cls === 'col-type' ? h('span', { class: 'type-text' }, c.title) : c.title,
          ),
        ),
      ),
    );
    this.scroller = h('div', { class: 'events-wrap', role: 'rowgroup', tabindex: -1 });
    this.el = h(
      'div',
      { class: 'events', id: 'events', 'data-testid': 'events', role: 'table', 'aria-label': 'Events' },
      head,
      this.scroller,
      this.empty,
    );
    this.scroller.addEventListener('click', (e) => this.activate(e.target));
    this.scroller.addEventListener('keydown', (e) => {
      if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
        e.preventDefault();
        this.moveFocus(e.target, e.key === 'ArrowDown' ? 1 : -1);
        return;
      }
      if (e.key !== 'Enter' && e.key !== ' ') return;
      e.preventDefault();
      e.stopPropagation();
      this.activate(e.target);
    });
    this.scroller.addEventListener('focusin', (e) => {
      const row = (e.target as Element).closest('.event-row');
      if (row) this.setTabStop(row as HTMLElement);
    });
  }

  private moveFocus(from: EventTarget | null, delta: number): void {
    const row = (from as Element | null)?.closest('.event-row');
    const index = row ? this.rows.indexOf(row as HTMLElement) : -1;
    const next = this.rows[Math.max(0, Math.min(this.rows.length - 1, index + delta))];
    next?.focus();
  }

  /** The one row Tab reaches. */
  private setTabStop(row: HTMLElement): void {
    for (const r of this.scroller.querySelectorAll('.event-row[tabindex="0"]'))
      if (r !== row) r.setAttribute('tabindex', '-1');
    row.setAttribute('tabindex', '0');
  }

  private activate(target: EventTarget | null): void {
    const row = (target as Element | null)?.closest('.event-row');
    const index = row ? this.rows.indexOf(row as HTMLElement) : -1;
    const event = this.events[index];
    if (event) this.onActivate(event);
  }

  setTimeline(timeline: Timeline): void {
    this.events = timeline.events;
    this.current = -1;
    this.rows = timeline.events.map((row) => {
      const { event } = row;
      const warning = event.type === 'Warning';
      return h(
        'div',
        {
          class: `event-row event-grid future${warning ? ' warning' : ''}`,
          role: 'row',
          'data-testid': 'event-row',
          'data-step': row.step,
          'data-reason': event.reason,
          tabindex: -1,
          title: `${event.object} at ${formatSeconds(row.t)}: click to reveal in the manifest`,
        },
        h(
          'div',
          { class: 'col-type', role: 'cell' },
          icon(warning ? 'warning' : 'info'),
          h('span', { class: 'type-text' }, event.type),
        ),
        h('div', { class: 'col-reason', role: 'cell' }, event.reason),
        h('div', { class: 'col-at', role: 'cell' }, formatCompact(row.t)),
        h('div', { class: 'col-from', role: 'cell' }, event.from),
        h('div', { class: 'col-message', role: 'cell' }, event.message),
      );
    });
    this.scroller.replaceChildren(...this.rows);
    this.rows[0]?.setAttribute('tabindex', '0');
    this.empty.hidden = this.rows.length > 0;
  }

  /** Only rows whose state changes are touched: stepping costs O(changed rows), not O(all rows). */
  setStep(step: number): void {
    const previous = this.current;
    this.current = step;
    const lo = previous < 0 ? 0 : Math.min(previous, step);
    const hi = previous < 0 ? Number.POSITIVE_INFINITY : Math.max(previous, step);
    let firstCurrent: HTMLElement | undefined;
    this.events.forEach((row, i) => {
      if (row.step < lo || row.step > hi) return;
      const state: RowState = row.step < step ? 'past' : row.step === step ? 'current' : 'future';
      const el = this.rows[i] as HTMLElement;
      if (!el.classList.contains(state)) {
        el.classList.remove('past', 'current', 'future');
        el.classList.add(state);
        if (state === 'current') el.setAttribute('aria-current', 'step');
        else el.removeAttribute('aria-current');
      }
      if (state === 'current') firstCurrent ??= el;
    });
    if (firstCurrent) {
      this.keepVisible(firstCurrent);
      // The Tab stop follows the step unless the user is moving through the rows.
      if (!this.scroller.contains(document.activeElement)) this.setTabStop(firstCurrent);
    }
  }

  /** Scrolls the list's own box (never the page) so the current rows show. */
  private keepVisible(row: HTMLElement): void {
    const box = this.scroller;
    if (box.scrollHeight <= box.clientHeight) return;
    const top = row.offsetTop;
    if (top < box.scrollTop) box.scrollTop = top;
    else if (top + row.offsetHeight > box.scrollTop + box.clientHeight)
      box.scrollTop = top + row.offsetHeight - box.clientHeight;
  }
}
