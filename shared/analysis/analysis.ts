/**
 * One state of every open file, as the host had it when the snapshot was taken: what features query. Answers
 * are computed when first asked for (a keystroke costs no analysis until diagnostics or a request want it) and
 * memoised per version; later edits, closes and spec changes make new file states and never alter this one's.
 */
import type { KubernetesTarget } from '../k8s/version/target';
import type { Finding } from '../lint';
import type { ManifestDocument, ParseOptions } from '../model';
import { type Position, shiftRange } from '../util/range';
import { countNewlines, type Segment } from '../yaml/split';
import type { AnalysisCaches } from './caches';
import { groupOf, placedFindings, placeFindings, slotFindings } from './findings';
import { type GroupedFindings, groupedList } from './groupedFindings';
import type { PodSummary } from './podSummary';
import type { AnalysisSpec, SegmentAnalysis } from './segmentAnalysis';
import { type FileState, indexAtLine, needsBatch, type Placement, pendingWithin, type SegmentSlot } from './slots';

/**
 * The segments' groups (each placed when first asked for), then the file-level groups: the template notice and the
 * cross-file findings.
 */
function groupedFrom(placement: Placement, fileLevel: readonly (readonly Finding[])[]): GroupedFindings {
  const n = placement.groups.length;
  return {
    size: n + fileLevel.length,
    group: (i) => (i < n ? groupOf(placement, i) : (fileLevel[i - n] ?? [])),
    counts: placement.counts,
  };
}

/** Every own finding of the file: each segment's, then the template notice. */
function allOwn(placement: Placement): Finding[] {
  const out: Finding[] = [];
  for (let i = 0; i < placement.groups.length; i++) for (const f of groupOf(placement, i)) out.push(f);
  if (placement.notice) out.push(placement.notice);
  return out;
}

/** The findings of a file that depend on other files, for the file as this analysis has it. */
export type CrossFileFindings = (uri: string, analysis: Analysis) => readonly Finding[];

export class Analysis {
  constructor(
    private readonly files: ReadonlyMap<string, FileState>,
    private readonly caches: AnalysisCaches,
    /** Findings that replace a file's own (an open `.podlens.yaml` shows its configuration problems). */
    private readonly overrides: ReadonlyMap<string, readonly Finding[]>,
    private readonly crossFile?: CrossFileFindings,
  ) {}

  /** The open files. */
  uris(): string[] {
    return [...this.files.keys()];
  }

  has(uri: string): boolean {
    return this.files.has(uri);
  }

  version(uri: string): number | undefined {
    return this.files.get(uri)?.version;
  }

  /** The file's text, joined from its segments on first read. */
  text(uri: string): string | undefined {
    const file = this.files.get(uri);
    if (!file) return undefined;
    file.text ??= file.slots.map((s) => s.segment.text).join('');
    return file.text;
  }

  /** The file's YAML segments in order: each starts at a `---` marker (the first also at the file's start). */
  segments(uri: string): readonly Segment[] {
    return this.files.get(uri)?.segments ?? [];
  }

  /** How the file's documents are read (a kustomize patch, a Helm template). */
  parseOptions(uri: string): ParseOptions {
    return this.caches.optionsFor(uri);
  }

  /** What this analysis was made with (rule levels, target version). */
  spec(): AnalysisSpec {
    return this.caches.spec;
  }

  /** The cluster the file is checked against: its workspace folder's target, else the configured one. */
  target(uri: string): KubernetesTarget {
    return this.caches.targetFor(uri);
  }

  /** All findings of a file in file positions, plus the one template notice; analyses what is still pending. */
  findings(uri: string): readonly Finding[] {
    const override = this.overrides.get(uri);
    if (override) return override;
    const file = this.files.get(uri);
    if (!file) return [];
    file.findings ??= allOwn(this.placement(file));
    const cross = this.crossFile?.(uri, this) ?? [];
    return cross.length > 0 ? [...file.findings, ...cross] : file.findings;
  }

  /**
   * The same findings in groups: each segment's own (an unchanged segment's group is the same array from version to
   * version), the template notice, the cross-file findings. A big file's publish works per group, not per finding,
   * and finds the groups it keeps by their counts (./findingCounts), given for the segments' groups, which come first.
   */
  findingGroups(uri: string): GroupedFindings {
    const override = this.overrides.get(uri);
    if (override) return groupedList([override]);
    const file = this.files.get(uri);
    if (!file) return groupedList([]);
    const placement = this.placement(file);
    const cross = this.crossFile?.(uri, this) ?? [];
    return groupedFrom(placement, [
      ...(placement.notice ? [[placement.notice]] : []),
      ...(cross.length > 0 ? [cross] : []),
    ]);
  }

  /**
   * The findings that can be at a line: those of the segment the line is in, the template notice and the
   * cross-file findings. A subset of `findings`, for a hover in a file of 100,000 findings; analyses what is still
   * pending.
   */
  findingsNear(uri: string, line: number): readonly Finding[] {
    const override = this.overrides.get(uri);
    if (override) return override;
    const file = this.files.get(uri);
    if (!file) return [];
    const { notice } = this.placement(file);
    const slot = file.slots[indexAtLine(file.slots, line, (s) => s.segment.line)];
    const own = slot?.analysis ? slotFindings(slot, slot.analysis) : [];
    const cross = this.crossFile?.(uri, this) ?? [];
    return [...own, ...(notice ? [notice] : []), ...cross];
  }

  private placement(file: FileState): Placement {
    if (!file.placement) {
      this.caches.analyzePending(file);
      file.placement = placeFindings(file.slots, file.basis);
      // Placed: the next version starts from this one, and the one before can go.
      file.basis = undefined;
    }
    return file.placement;
  }

  /**
   * The findings of the segments that overlap lines `start`..`end` (analysed now, in-process, if still pending)
   * and of every other segment already analysed: the first findings of a big file, a subset of `findings(uri)`.
   * Files with overrides or cross-file findings give only their own segments' findings here.
   */
  partialFindings(uri: string, start: number, end: number): readonly Finding[] {
    const file = this.files.get(uri);
    if (!file || this.overrides.has(uri)) return [];
    const lineOf = (s: { segment: Segment }) => s.segment.line;
    const near = new Set(
      file.slots.slice(indexAtLine(file.slots, start, lineOf), indexAtLine(file.slots, end, lineOf) + 1),
    );
    this.caches.analyzePending(file, (slot) => near.has(slot));
    return placedFindings(file.slots);
  }

  /**
   * Analyses, in-process, the first segment without an analysis that overlaps one of the line spans; false when
   * none is left. A big file's first publish analyses the lines on screen this way, one segment at a time.
   */
  analyzeNextNear(uri: string, spans: readonly { start: number; end: number }[]): boolean {
    const file = this.files.get(uri);
    if (!file || this.overrides.has(uri)) return false;
    const lineOf = (s: { segment: Segment }) => s.segment.line;
    for (const { start, end } of spans) {
      const near = file.slots.slice(indexAtLine(file.slots, start, lineOf), indexAtLine(file.slots, end, lineOf) + 1);
      const next = near.find((slot) => !slot.analysis);
      if (next) {
        this.caches.analyzePending(file, (slot) => slot === next);
        return true;
      }
    }
    return false;
  }

  /** Whether every segment of the file has its analysis (false while a big file's first analysis runs elsewhere). */
  settled(uri: string): boolean {
    const file = this.files.get(uri);
    return !file?.pending || !pendingWithin(file.slots, file.pending);
  }

  /**
   * The findings of the segment at a line: what a hover needs while the file is not settled, when analysing all of
   * it here would hold up every request for seconds. Without the file-level findings (the template notice, the
   * cross-file rules), which need every document. A small file has the segment analysed now; a file big enough for
   * the worker pool only gives a segment's findings once it has its analysis (those on screen get it first, for the
   * first publish): analysing it here would run on code not compiled yet, 50 ms in which requests wait while the
   * file loads.
   */
  segmentFindings(uri: string, line: number): readonly Finding[] {
    const override = this.overrides.get(uri);
    if (override) return override;
    const file = this.files.get(uri);
    const at = file ? indexAtLine(file.slots, line, (s) => s.segment.line) : -1;
    const wanted = file?.slots[at];
    if (!file || !wanted) return [];
    if (!needsBatch(file)) this.caches.analyzePending(file, (s) => s === wanted);
    // The analysed slot replaced the one asked about.
    const slot = file.slots[at] as SegmentSlot;
    return slot.analysis ? slotFindings(slot, slot.analysis) : [];
  }

  /** The length of the file's text in characters (the text is not joined for it). */
  length(uri: string): number {
    return this.files.get(uri)?.length ?? 0;
  }

  /** The number of lines of the file, from its segments (the text is not joined for it). */
  lineCount(uri: string): number {
    const last = this.files.get(uri)?.slots.at(-1)?.segment;
    return last ? last.line + countNewlines(last.text) + 1 : 0;
  }

  /** The file's pod documents in brief, in file positions; analyses what is still pending. */
  pods(uri: string): PodSummary[] {
    const file = this.files.get(uri);
    if (!file) return [];
    this.caches.analyzePending(file);
    return file.slots.flatMap(({ segment, firstIndex, analysis }) => {
      if (!analysis) return [];
      const delta = segment.line - analysis.line;
      return analysis.pods.map((p) => ({
        ...p,
        index: p.index + firstIndex,
        range: shiftRange(p.range, delta),
        lensLine: p.lensLine + delta,
      }));
    });
  }

  /** The parsed document with this index in the file; parses only its segment. */
  documentByIndex(uri: string, index: number): ManifestDocument | undefined {
    const file = this.files.get(uri);
    if (!file) return undefined;
    const slot = file.slots.findLast((s) => s.firstIndex <= index);
    return slot ? this.caches.parsedSlot(uri, slot).find((d) => d.index === index) : undefined;
  }

  /** The parsed documents of the file's `i`-th segment (of `segments`), numbered in the file. */
  segmentDocuments(uri: string, i: number): ManifestDocument[] {
    const slot = this.files.get(uri)?.slots[i];
    return slot ? this.caches.parsedSlot(uri, slot) : [];
  }

  /** Each segment's analysis (of `segments`; undefined while pending), with what the spec asked besides findings. */
  segmentAnalyses(uri: string): readonly (SegmentAnalysis | undefined)[] {
    return this.files.get(uri)?.slots.map((s) => s.analysis) ?? [];
  }

  /** The file's number of the first document of each segment (of `segments`). */
  firstIndexes(uri: string): number[] {
    return this.files.get(uri)?.slots.map((s) => s.firstIndex) ?? [];
  }

  /** Parsed documents of a file (all of them); parses lazily and caches a few segments. */
  documents(uri: string): ManifestDocument[] {
    const file = this.files.get(uri);
    if (!file) return [];
    return file.slots.flatMap((slot) => this.caches.parsedSlot(uri, slot));
  }

  /** The parsed document that contains a position, if any. */
  documentAt(uri: string, pos: Position): ManifestDocument | undefined {
    const file = this.files.get(uri);
    if (!file) return undefined;
    const slot = file.slots[indexAtLine(file.slots, pos.line, (s) => s.segment.line)];
    if (!slot) return undefined;
    const docs = this.caches.parsedSlot(uri, slot);
    return docs.findLast((d) => d.range.start.line <= pos.line) ?? docs[0];
  }
}
