/** One open file as the host holds it: its segments, each with its analysis once known. */
import type { Finding } from '../lint';
import type { Segment } from '../yaml/split';
import { PARALLEL_MIN_SEGMENTS } from './executor';
import type { SegmentAnalysis } from './segmentAnalysis';

export interface SegmentSlot {
  segment: Segment;
  firstIndex: number;
  /** Undefined until analysed (a big file's segments are analysed in a batch). */
  analysis: SegmentAnalysis | undefined;
}

export interface FileState {
  uri: string;
  version: number;
  slots: SegmentSlot[];
  /** The file's findings in groups (see `assembleGroups`), assembled once per version. */
  groups?: Finding[][];
  /** The file's template notice, when the groups have one. */
  notice?: Finding;
  /** The same findings in one list, made when first asked for. */
  findings?: Finding[];
  /** The file's text, joined from its segments when first read. */
  text?: string;
  /** The text's length, kept up to date by each edit without joining it. */
  length: number;
}

/**
 * Documents in a segment before it is parsed: one (a `...` end marker followed by more content adds another,
 * rarely). The count only numbers later documents, and the analysis corrects it.
 */
const DOCUMENTS_PER_UNPARSED_SEGMENT = 1;

/** Document numbers follow the analysed counts once they are known, and the guess before. */
export function renumber(slots: SegmentSlot[]): void {
  let index = 0;
  for (const slot of slots) {
    slot.firstIndex = index;
    index += slot.analysis ? slot.analysis.documentCount : DOCUMENTS_PER_UNPARSED_SEGMENT;
  }
}

/** Index of the last item starting at or before `line` (0 when none does); items are in line order. */
export function indexAtLine<T>(items: readonly T[], line: number, lineOf: (item: T) => number): number {
  let lo = 0;
  let hi = items.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (lineOf(items[mid] as T) <= line) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/**
 * How many items two lists share at their start and at their end, without overlap: an edit changes one run of a
 * file's segments, and the segments before and after it keep their text (the same strings, compared by identity
 * first).
 */
export function sameEnds<T>(before: readonly T[], after: readonly T[]): { head: number; tail: number } {
  let head = 0;
  while (head < before.length && head < after.length && before[head] === after[head]) head++;
  let tail = 0;
  const rest = Math.min(before.length, after.length) - head;
  while (tail < rest && before[before.length - 1 - tail] === after[after.length - 1 - tail]) tail++;
  return { head, tail };
}

/** The segments of slots that still need analysis, once per text. */
export function pendingSegments(slots: readonly SegmentSlot[]): Segment[] {
  const seen = new Set<string>();
  const out: Segment[] = [];
  for (const slot of slots) {
    if (slot.analysis || seen.has(slot.segment.text)) continue;
    seen.add(slot.segment.text);
    out.push(slot.segment);
  }
  return out;
}

/**
 * Whether the slots have enough segments left to analyse for a batch on the executor (PARALLEL_MIN_SEGMENTS).
 * Asked several times per keystroke (publish, partial publish, the index): it stops counting at the threshold
 * instead of listing every pending segment of a big file.
 */
export function needsBatch(slots: readonly SegmentSlot[]): boolean {
  const seen = new Set<string>();
  for (const slot of slots) {
    if (slot.analysis || seen.has(slot.segment.text)) continue;
    seen.add(slot.segment.text);
    if (seen.size >= PARALLEL_MIN_SEGMENTS) return true;
  }
  return false;
}
