/**
 * The analysis host of the open files (after rust-analyzer's AnalysisHost): it takes edits as the editor sends
 * them, keeps each file cut into YAML segments (re-splitting only what an edit touched) and hands out immutable
 * snapshots (./analysis) that features query. Each segment's analysis is cached by its text, so an edit
 * re-analyses only the segment it touched even in a 1,000-document file; a big file's first analysis can run on
 * an injected executor (worker threads) while the caller stays free. Pure: no clock, no I/O, browser-safe.
 */
import type { Finding, RuleFailure } from '../lint';
import type { ParseOptions } from '../model';
import { type Segment, splitSegments } from '../yaml/split';
import { Analysis, type CrossFileFindings } from './analysis';
import { AnalysisCaches } from './caches';
import { PARALLEL_MIN_SEGMENTS, type ParallelOutcome, type SegmentExecutor } from './executor';
import { resplit } from './resplit';
import type { AnalysisSpec, SegmentAnalysis } from './segmentAnalysis';
import {
  documentsIn,
  type FileState,
  needsBatch,
  type PlacementBasis,
  pendingSegments,
  pendingWithin,
  renumber,
  type SegmentSlot,
  type SlotRange,
  sameEnds,
} from './slots';
import { applyTextChange, type TextChange } from './textChange';

export interface HostOptions {
  /** How a file's documents are read (its path, kustomize context); asked again whenever needed. */
  optionsFor?: (uri: string) => ParseOptions;
  /** Told about every rule that threw while analysing (podlens bugs). */
  onFailure?: (failure: RuleFailure) => void;
  /** Runs a big file's first analysis elsewhere; without one everything is analysed in-process. */
  executor?: SegmentExecutor;
}

export class AnalysisHost {
  private readonly files = new Map<string, FileState>();
  private readonly overrides = new Map<string, readonly Finding[]>();
  private readonly batches = new Map<string, Promise<ParallelOutcome>>();
  private caches: AnalysisCaches;
  private current: Analysis | undefined;
  private crossFile: CrossFileFindings | undefined;
  private readonly optionsFor: (uri: string) => ParseOptions;
  private readonly onFailure: (failure: RuleFailure) => void;

  constructor(
    spec: AnalysisSpec,
    private readonly options: HostOptions = {},
  ) {
    this.optionsFor = options.optionsFor ?? ((uri) => ({ path: uri }));
    this.onFailure = options.onFailure ?? (() => {});
    this.caches = new AnalysisCaches(spec, this.optionsFor, this.onFailure);
  }

  spec(): AnalysisSpec {
    return this.caches.spec;
  }

  /**
   * New rule levels make every analysis stale. A new target alone keeps each analysis that holds for it (and the
   * previous target's, for switching back); the rest are analysed again when next asked for findings.
   */
  setSpec(spec: AnalysisSpec): void {
    this.caches = this.caches.next(spec);
    for (const [uri, file] of this.files) {
      const lookup = this.caches.lookupIn(uri);
      const slots = file.slots.map((s) => ({ ...s, analysis: lookup(s.segment.text) }));
      renumber(slots);
      const pending = pendingWithin(slots, { from: 0, to: slots.length });
      const { version, segments, text, length } = file;
      this.files.set(uri, { uri, version, segments, slots, text, length, ...(pending && { pending }) });
    }
    this.caches.retain(this.files.values());
    this.current = undefined;
  }

  /**
   * Takes a version of a file: its changes against the previous version in order (opening a file is one
   * whole-text change). Cheap: ranged edits re-split only the segments they touch, the text is never flattened
   * unless an edit cannot be mapped onto the segments, and the slots the edit left alone are the previous
   * version's own.
   */
  applyChange(uri: string, version: number, changes: readonly TextChange[]): void {
    const previous = this.files.get(uri);
    const before = previous?.slots ?? [];
    let segments: Segment[] | undefined = previous?.segments ?? splitSegments('');
    // The segments at the start that are the previous version's own and at the end that have its texts.
    let known = { head: before.length, tail: before.length };
    let text = previous?.text;
    for (const change of changes) {
      const next: ReturnType<typeof resplit> =
        change.range && segments ? resplit(segments, change as Required<TextChange>) : undefined;
      if (next) {
        segments = next.segments;
        known = { head: Math.min(known.head, next.head), tail: Math.min(known.tail, next.tail) };
        text = undefined;
        continue;
      }
      text = applyTextChange(text ?? (segments ?? []).map((s) => s.text).join(''), change);
      segments = undefined;
      known = { head: 0, tail: 0 };
    }
    segments ??= splitSegments(text ?? '');
    const n = segments.length;
    const m = before.length;
    known = { head: Math.min(known.head, n, m), tail: Math.min(known.tail, n - known.head, m - known.head) };
    // The segments the edit left alone keep their slots: only the edited run is looked up in the store.
    const ends = sameEnds(before, segments, (slot, s) => slot.segment === s || slot.segment.text === s.text, known);
    const { head, tail } = ends;
    const slots = before.slice(0, known.head);
    for (let i = known.head; i < head; i++) slots.push(moved(before[i] as SegmentSlot, segments[i] as Segment));
    const lookup = this.caches.lookupIn(uri);
    let firstIndex =
      head > 0 ? (slots[head - 1] as SegmentSlot).firstIndex + documentsIn(slots[head - 1] as SegmentSlot) : 0;
    for (let i = head; i < n - tail; i++) {
      const segment = segments[i] as Segment;
      const slot = { segment, firstIndex, analysis: lookup(segment.text) };
      slots.push(slot);
      firstIndex += documentsIn(slot);
    }
    // When no line moved, the slots after the edit are the previous version's, copied as they are.
    const same = segments[n - 1] === before[m - 1]?.segment ? Math.min(known.tail, tail) : 0;
    for (let i = n - tail; i < n - same; i++)
      slots.push(moved(before[i - n + m] as SegmentSlot, segments[i] as Segment));
    for (let i = m - same; i < m; i++) slots.push(before[i] as SegmentSlot);
    renumber(slots, n - tail, n - tail);
    // The length moves by what the edited run's texts add and remove.
    const length = (previous?.length ?? 0) + lengthOf(slots, head, n - tail) - lengthOf(before, head, m - tail);
    const pending = pendingAfter(previous?.pending, slots, ends, m);
    const basis = previous && basisAfter(previous, ends);
    const file: FileState = { uri, version, segments, slots, text, length };
    if (pending) file.pending = pending;
    if (basis) file.basis = basis;
    this.files.set(uri, file);
    this.caches.replaced(uri, before, slots, ends);
    this.current = undefined;
  }

  close(uri: string): void {
    this.files.delete(uri);
    this.overrides.delete(uri);
    this.caches.retain(this.files.values());
    this.current = undefined;
  }

  /** Findings that replace the file's own until replaced or cleared (undefined) or the file closes. */
  overrideFindings(uri: string, findings: readonly Finding[] | undefined): void {
    if (findings) this.overrides.set(uri, findings);
    else this.overrides.delete(uri);
    this.current = undefined;
  }

  /**
   * Findings that depend on other files (the workspace rules), added to each file's own: they change with the
   * workspace, not with the file, so the provider keeps its own cache and the segment analyses stay per-text.
   */
  setCrossFileFindings(provider: CrossFileFindings | undefined): void {
    this.crossFile = provider;
    this.current = undefined;
  }

  /** The open files as they are now; the same object until the next change. */
  snapshot(): Analysis {
    this.current ??= new Analysis(new Map(this.files), this.caches, new Map(this.overrides), this.crossFile);
    return this.current;
  }

  /** Segments of a file that still need analysis, once each. */
  pending(uri: string): Segment[] {
    const file = this.files.get(uri);
    return file ? pendingSegments(file) : [];
  }

  /** Whether the file has enough segments left to analyse for the executor (PARALLEL_MIN_SEGMENTS). */
  needsBatch(uri: string): boolean {
    const file = this.files.get(uri);
    return !!file && needsBatch(file);
  }

  /** Whether the file's analysis goes to the executor: a batch runs for it, or one will when it is next published. */
  awaitsBatch(uri: string): boolean {
    return !!this.options.executor && (this.batches.has(uri) || this.needsBatch(uri));
  }

  /**
   * Accepts analyses made elsewhere for the given segments, if the rule levels they were made under are still
   * current: each is used for the targets it holds for (a batch may finish after a target switch).
   */
  accept(uri: string, segments: readonly Segment[], analyses: readonly SegmentAnalysis[], spec: AnalysisSpec): void {
    if (!this.caches.sameLevels(spec)) return;
    segments.forEach((s, i) => {
      const a = analyses[i];
      if (a) this.caches.remember(uri, s.text, a);
    });
    for (const file of this.files.values()) this.caches.fill(file);
  }

  /** The parallel first analysis running for a file, if any. */
  runningBatch(uri: string): Promise<ParallelOutcome> | undefined {
    return this.batches.get(uri);
  }

  /**
   * Analyses a big file's pending segments on the executor, or joins the batch already running for it. Undefined
   * when there is no executor or too little to do: the file is then analysed in-process when first queried. A
   * failed batch leaves its segments pending, for the in-process analysis.
   */
  analyzeInParallel(uri: string): Promise<ParallelOutcome> | undefined {
    const running = this.batches.get(uri);
    if (running) return running;
    const executor = this.options.executor;
    const pending = this.pending(uri);
    if (!executor || pending.length < PARALLEL_MIN_SEGMENTS) return undefined;
    const spec = this.caches.spec;
    const batch = executor
      .analyze(pending, spec, this.optionsFor(uri))
      .then(
        (analyses): ParallelOutcome => {
          this.accept(uri, pending, analyses, spec);
          return { segments: pending.length };
        },
        (error: unknown): ParallelOutcome => ({ segments: pending.length, error }),
      )
      .finally(() => this.batches.delete(uri));
    this.batches.set(uri, batch);
    return batch;
  }
}

/** A kept slot with its segment as the edit left it: the same slot when the segment did not move. */
function moved(slot: SegmentSlot, segment: Segment): SegmentSlot {
  return slot.segment === segment ? slot : { ...slot, segment };
}

/**
 * Where the new version's pending slots may be: those of the previous version, moved by the edit, and the edited
 * run's slots that the store had no analysis for.
 */
function pendingAfter(
  was: SlotRange | undefined,
  slots: readonly SegmentSlot[],
  { head, tail }: { head: number; tail: number },
  m: number,
): SlotRange | undefined {
  const n = slots.length;
  let from = n;
  let to = 0;
  for (let i = head; i < n - tail; i++) {
    if (slots[i]?.analysis) continue;
    from = Math.min(from, i);
    to = i + 1;
  }
  if (was) {
    from = Math.min(from, was.from < head ? was.from : was.from >= m - tail ? was.from - m + n : head);
    to = Math.max(to, was.to <= head ? was.to : was.to > m - tail ? was.to - m + n : n - tail);
  }
  return pendingWithin(slots, from < to ? { from, to } : undefined);
}

/**
 * What the next version's findings can be placed from: the previous version's placement, or the one it was to be
 * placed from (edits that came faster than publishes), with the slots both edits left alone.
 */
function basisAfter(previous: FileState, { head, tail }: { head: number; tail: number }): PlacementBasis | undefined {
  if (previous.placement) return { placement: previous.placement, head, tail };
  const b = previous.basis;
  return b && { ...b, head: Math.min(b.head, head), tail: Math.min(b.tail, tail) };
}

/** The summed length of the texts of `slots[from..to)`. */
function lengthOf(slots: readonly SegmentSlot[], from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) n += (slots[i] as SegmentSlot).segment.text.length;
  return n;
}
