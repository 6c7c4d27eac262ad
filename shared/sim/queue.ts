/**
 * The event queue: a binary heap ordered by (time, seq), so events at the same instant run in the order
 * they were scheduled. Virtual time only; pushing an event into the past is a programmer error.
 */
import type { ScheduledEvent, SimEvent } from './types';

interface Entry {
  at: number;
  seq: number;
  event: SimEvent;
}

const before = (a: Entry, b: Entry) => a.at < b.at || (a.at === b.at && a.seq < b.seq);

export class EventQueue {
  private heap: Entry[] = [];
  private seq = 0;

  get size(): number {
    return this.heap.length;
  }

  push({ at, event }: ScheduledEvent): void {
    const heap = this.heap;
    heap.push({ at, seq: this.seq++, event });
    let i = heap.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!before(heap[i] as Entry, heap[parent] as Entry)) break;
      [heap[i], heap[parent]] = [heap[parent] as Entry, heap[i] as Entry];
      i = parent;
    }
  }

  /** Time of the next event, or undefined when empty. */
  peekTime(): number | undefined {
    return this.heap[0]?.at;
  }

  pop(): ScheduledEvent | undefined {
    const heap = this.heap;
    const top = heap[0];
    if (!top) return undefined;
    const last = heap.pop() as Entry;
    if (heap.length > 0) {
      heap[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < heap.length && before(heap[l] as Entry, heap[m] as Entry)) m = l;
        if (r < heap.length && before(heap[r] as Entry, heap[m] as Entry)) m = r;
        if (m === i) break;
        [heap[i], heap[m]] = [heap[m] as Entry, heap[i] as Entry];
        i = m;
      }
    }
    return { at: top.at, event: top.event };
  }
}
