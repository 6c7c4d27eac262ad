/** One open file as the host holds it: its segments, each with its analysis once known. */
import type { Finding } from '../lint';
import type { Segment } from '../yaml/split';
import { PARALLEL_MIN_SEGMENTS } from './executor';
import type { SegmentAnalysis } from './segmentAnalysis';

/**
 * A segment of a file with its analysis. Never changed once made: a version shares the slots an edit left alone
 * with the version before, and a slot that gets an analysis or a new document number is replaced in its version's
 * array.
 */
export interface SegmentSlot {
  readonly segment: Segment;
  readonly firstIndex: number;
  /** Undefined until analysed (a big file's segments are analysed in a batch). */
  readonly analysis: SegmentAnalysis | undefined;
}

/** Slots `from` to `to` (exclusive) of a file: a bound on those that may still lack an analysis. */
export interface SlotRange {
  from: number;
  to: number;
}

export interface FileState {
  uri: string;
  version: number;
  /** The file's segments in order: `slots[i].segment` is `segments[i]`. */
  segments: Segment[];
  slots: SegmentSlot[];
  /** Where slots without an analysis may be; none are when undefined. */
  pending?: SlotRange;
  /** The file's own findings (see `placeFindings`), placed once per version. */
  placement?: Placement;
  /** The last placed version and the slots an edit left alone since, until this version is placed. */
  basis?: PlacementBasis;
  /** The same findings in one list, made when first asked for. */
  findings?: Finding[];
  /** The file's text, joined from its segments when first read. */
  text?: string;
  /** The text's length, kept up to date by each edit without joining it. */
  length: number;
}

/** A file's own findings, placed once per version (see `placeFindings`). */
export interface Placement {
  /** The slots placed, those of the version. */
  slots: readonly SegmentSlot[];
  /**
   * Each slot's findings where its segment is now: one group per slot, in file order (empty for none); undefined
   * until first asked for (./findings groupOf). An edit that adds a line moves every group after it, and a capped
   * publish asks for only the groups it shows.
   */
  groups: (readonly Finding[] | undefined)[];
  /** COUNTS_PER_GROUP numbers per group (./findingCounts). */
  counts: Uint32Array;
  /** The file's documents, and those with template expressions (Helm), for the template notice. */
  documents: number;
  templated: number;
  /** The first slot with a templated document, -1 when none. */
  firstTemplated: number;
  /** The one notice for the file's templated documents, when there are any. */
  notice?: Finding;
}

/**
 * A version whose placement an edit started from: the edit left its first `head` and last `tail` slots' texts
 * alone (./slots sameEnds), through any number of versions since.
 */
export interface PlacementBasis {
  placement: Placement;
  head: number;
  tail: number;
}

/**
 * Documents in a segment before it is parsed: one (a `...` end marker followed by more content adds another,
 * rarely). The count only numbers later documents, and the analysis corrects it.
 */
const DOCUMENTS_PER_UNPARSED_SEGMENT = 1;

/** The documents a slot numbers: its analysed count, else the guess. */
export const documentsIn = (slot: SegmentSlot) =>
  slot.analysis ? slot.analysis.documentCount : DOCUMENTS_PER_UNPARSED_SEGMENT;

/**
 * Numbers documents from slot `from` on, after the analysed counts once they are known and the guess before;
 * the slots before `from` are numbered. A slot whose number moves is replaced. The slots from `settled` on were
 * numbered together (shared from the version before, or untouched by an analysis): once one of them keeps its
 * number, so do the rest, and a keystroke does not walk the 10,000 slots after it.
 */
export function renumber(slots: SegmentSlot[], from = 0, settled = slots.length): void {
  const previous = slots[from - 1];
  let index = previous ? previous.firstIndex + documentsIn(previous) : 0;
  for (let i = from; i < slots.length; i++) {
    const slot = slots[i] as SegmentSlot;
    if (slot.firstIndex !== index) slots[i] = { ...slot, firstIndex: index };
    else if (i >= settled) return;
    index += documentsIn(slot);
  }
}

/** The range of slots without an analysis within `range`, or undefined when all have one. */
export function pendingWithin(slots: readonly SegmentSlot[], range: SlotRange | undefined): SlotRange | undefined {
  if (!range) return undefined;
  let from = range.from;
  let to = range.to;
  while (from < to && slots[from]?.analysis) from++;
  while (to > from && slots[to - 1]?.analysis) to--;
  return from < to ? { from, to } : undefined;
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
 * file's segments, and the segments before and after it keep their text (the same objects when the edit moved no
 * line, else the same strings). `known`: how many at each end are known to be the same, not compared again.
 */
export function sameEnds<A, B>(
  before: readonly A[],
  after: readonly B[],
  same: (a: A, b: B) => boolean,
  known: { head: number; tail: number } = { head: 0, tail: 0 },
): { head: number; tail: number } {
  let head = known.head;
  while (head < before.length && head < after.length && same(before[head] as A, after[head] as B)) head++;
  const rest = Math.min(before.length, after.length) - head;
  let tail = Math.min(known.tail, rest);
  while (tail < rest && same(before[before.length - 1 - tail] as A, after[after.length - 1 - tail] as B)) tail++;
  return { head, tail };
}

/** The segments of a file that still need analysis, once per text, in file order. */
function* pendingTexts(file: FileState): Generator<Segment> {
  const seen = new Set<string>();
  const { from, to } = file.pending ?? { from: 0, to: 0 };
  for (let i = from; i < to; i++) {
    const slot = file.slots[i] as SegmentSlot;
    if (slot.analysis || seen.has(slot.segment.text)) continue;
    seen.add(slot.segment.text);
    yield slot.segment;
  }
}

/** The segments of a file that still need analysis, once per text. */
export function pendingSegments(file: FileState): Segment[] {
  return [...pendingTexts(file)];
}

/**
 * Whether a file has enough segments left to analyse for a batch on the executor (PARALLEL_MIN_SEGMENTS).
 * Asked several times per keystroke (publish, partial publish, the index): it stops counting at the threshold
 * instead of listing every pending segment of a big file.
 */
export function needsBatch(file: FileState): boolean {
  let count = 0;
  for (const _ of pendingTexts(file)) if (++count >= PARALLEL_MIN_SEGMENTS) return true;
  return false;
}
