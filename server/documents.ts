/**
 * Per-document analysis cache for open files. A file is cut into YAML segments (../shared/yaml/split); each
 * segment's analysis is cached by its text, so an edit re-analyses only the segment it touched even in a
 * 1,000-document file, and a big file's first analysis can run in worker threads (./analysisPool). Parsed
 * documents are kept for a few recently used segments only, to bound memory.
 */

import type { PodSummary } from '../shared/analysis';
import { type AnalysisSpec, analyzeSegment, type SegmentAnalysis } from '../shared/analysis';
import type { Finding, RuleFailure } from '../shared/lint';
import { templateFinding } from '../shared/lint';
import type { ParseOptions } from '../shared/model';
import {
  filePartialReason,
  type ManifestDocument,
  parseSegmentDocuments,
  type Segment,
  splitSegments,
  templateNoticeAt,
} from '../shared/model';
import { type Position, shiftRange } from '../shared/util/range';
import { countNewlines } from '../shared/yaml/split';

export type { AnalysisSpec, SegmentAnalysis };

interface SegmentSlot {
  segment: Segment;
  firstIndex: number;
  /** Undefined until analysed (a big file's segments are analysed in a batch). */
  analysis: SegmentAnalysis | undefined;
}

interface FileState {
  uri: string;
  version: number;
  slots: SegmentSlot[];
  /** The file's findings, assembled once per version. */
  findings?: Finding[];
  /** Incremental edits the client sent since `version`, in order, when known. */
  changes?: TextChange[];
}

/** An LSP content change: a range in the previous text replaced by `text`, or the whole text. */
export interface TextChange {
  range?: { start: Position; end: Position };
  text: string;
}

/** Parsed segments kept for hover and completion: an AST of a 150-line document weighs about half a megabyte. */
const PARSED_CACHE_SIZE = 8;

/**
 * Documents in a segment before it is parsed: one (a `...` end marker followed by more content adds another,
 * rarely). The count only numbers later documents, and the analysis corrects it.
 */
const DOCUMENTS_PER_UNPARSED_SEGMENT = 1;

export class ManifestStore {
  private readonly files = new Map<string, FileState>();
  /**
   * Analyses by file context (what makes a file's documents partial: see `contextOf`), then by segment text;
   * shared across files of the same context and across versions. Keyed by the segment string itself so its
   * cached hash is reused: a composite key string would be hashed again, 4 MB per edit in a big file.
   */
  private analyses = new Map<string, Map<string, SegmentAnalysis>>();
  /** Recently used parsed documents by segment text, then by `${context}|${line}` (ranges depend on the line). */
  private readonly parsed = new Map<string, Map<string, ManifestDocument[]>>();

  constructor(
    private spec: AnalysisSpec,
    private readonly optionsFor: (uri: string) => ParseOptions,
    /** Told about every rule that threw while analysing (podlens bugs). */
    private readonly onFailure: (failure: RuleFailure) => void = () => {},
  ) {}

  /** New rule levels: every analysis is stale; open files are re-analysed when next asked for findings. */
  setSpec(spec: AnalysisSpec): void {
    this.spec = spec;
    this.analyses = new Map();
    this.parsed.clear();
    for (const file of this.files.values()) {
      file.findings = undefined;
      for (const slot of file.slots) slot.analysis = undefined;
    }
  }

  currentSpec(): AnalysisSpec {
    return this.spec;
  }

  parseOptions(uri: string): ParseOptions {
    return this.optionsFor(uri);
  }

  /**
   * Records an edit the client sent, so the next `update` can re-split only the segments it touched instead of
   * the whole file (a one-character edit in a 1,000-document file must not cost a full scan and hash of it).
   */
  noteChanges(uri: string, changes: readonly TextChange[]): void {
    const file = this.files.get(uri);
    if (!file) return;
    file.changes = [...(file.changes ?? []), ...changes];
  }

  /**
   * Takes the new text of a file. Cheap: it splits (incrementally when it can) and reuses cached analyses. The
   * text is asked for only when the whole file must be split again: after one ranged edit the new segments come
   * from the old segments' texts, and a 4 MB document's text is never flattened or scanned.
   */
  update(uri: string, text: string | (() => string), version: number): void {
    const previous = this.files.get(uri);
    const change = previous?.changes?.length === 1 ? previous.changes[0] : undefined;
    const fullText = () => (typeof text === 'string' ? text : text());
    const incremental = previous && change?.range ? resplit(previous.slots, change as Required<TextChange>) : undefined;
    const segments = incremental ?? splitSegments(fullText());
    const slots: SegmentSlot[] = [];
    let index = 0;
    const cache = this.cacheFor(uri);
    for (const segment of segments) {
      const analysis = cache.get(segment.text);
      slots.push({ segment, firstIndex: index, analysis });
      index += analysis ? analysis.documentCount : DOCUMENTS_PER_UNPARSED_SEGMENT;
    }
    this.files.set(uri, { uri, version, slots });
    this.retain();
  }

  close(uri: string): void {
    this.files.delete(uri);
    this.retain();
  }

  has(uri: string): boolean {
    return this.files.has(uri);
  }

  version(uri: string): number | undefined {
    return this.files.get(uri)?.version;
  }

  /** Segments of a file that still need analysis, once each. */
  pending(uri: string): Segment[] {
    const seen = new Set<string>();
    const out: Segment[] = [];
    for (const slot of this.files.get(uri)?.slots ?? []) {
      if (slot.analysis || seen.has(slot.segment.text)) continue;
      seen.add(slot.segment.text);
      out.push(slot.segment);
    }
    return out;
  }

  /** Accepts analyses made elsewhere (the worker pool) for the given segments, if the spec is still current. */
  accept(uri: string, segments: Segment[], analyses: SegmentAnalysis[], spec: AnalysisSpec): void {
    if (spec !== this.spec) return;
    const cache = this.cacheFor(uri);
    segments.forEach((s, i) => {
      const a = analyses[i];
      if (a) this.remember(cache, s.text, a);
    });
    for (const file of this.files.values()) this.fill(file);
  }

  /** All findings of a file in file positions, plus the one template notice; analyses what is still pending. */
  findings(uri: string): Finding[] {
    const file = this.files.get(uri);
    if (!file) return [];
    if (!file.findings) {
      this.analyzePending(file);
      file.findings = assemble(file.slots);
    }
    return file.findings;
  }

  /** The file's pod documents in brief, in file positions; analyses what is still pending. */
  pods(uri: string): PodSummary[] {
    const file = this.files.get(uri);
    if (!file) return [];
    this.analyzePending(file);
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
    return slot ? this.parsedSlot(uri, slot).find((d) => d.index === index) : undefined;
  }

  /** Parsed documents of a file (all of them); parses lazily and caches a few segments. */
  documents(uri: string): ManifestDocument[] {
    const file = this.files.get(uri);
    if (!file) return [];
    return file.slots.flatMap((slot) => this.parsedSlot(uri, slot));
  }

  /** The parsed document that contains a position, if any. */
  documentAt(uri: string, pos: Position): ManifestDocument | undefined {
    const file = this.files.get(uri);
    if (!file) return undefined;
    let lo = 0;
    let hi = file.slots.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((file.slots[mid] as SegmentSlot).segment.line <= pos.line) lo = mid;
      else hi = mid - 1;
    }
    const slot = file.slots[lo];
    if (!slot) return undefined;
    const docs = this.parsedSlot(uri, slot);
    return docs.findLast((d) => d.range.start.line <= pos.line) ?? docs[0];
  }

  private parsedSlot(uri: string, slot: SegmentSlot): ManifestDocument[] {
    const key = `${this.contextOf(uri)}|${slot.segment.line}`;
    const docs =
      this.parsed.get(slot.segment.text)?.get(key) ?? parseSegmentDocuments(slot.segment, 0, this.optionsFor(uri));
    this.cacheParsed(slot.segment.text, key, docs);
    // Cached documents are numbered within their segment; the file's numbering can move when documents above change.
    docs.forEach((d, i) => {
      d.index = slot.firstIndex + i;
    });
    return docs;
  }

  private cacheParsed(text: string, key: string, docs: ManifestDocument[]): void {
    const byKey = this.parsed.get(text) ?? new Map<string, ManifestDocument[]>();
    byKey.set(key, docs);
    this.parsed.delete(text);
    this.parsed.set(text, byKey);
    if (this.parsed.size > PARSED_CACHE_SIZE) this.parsed.delete(this.parsed.keys().next().value as string);
  }

  /** What, besides its text, decides a segment's analysis: whether the file makes its documents partial. */
  private contextOf(uri: string): string {
    return filePartialReason(this.optionsFor(uri)) ?? '';
  }

  private cacheFor(uri: string): Map<string, SegmentAnalysis> {
    const context = this.contextOf(uri);
    let cache = this.analyses.get(context);
    if (!cache) this.analyses.set(context, (cache = new Map()));
    return cache;
  }

  private analyzePending(file: FileState): void {
    const cache = this.cacheFor(file.uri);
    for (const slot of file.slots) {
      if (slot.analysis) continue;
      const cached = cache.get(slot.segment.text);
      if (cached) {
        slot.analysis = cached;
        continue;
      }
      const { analysis, docs } = analyzeSegment(slot.segment, this.spec, this.optionsFor(file.uri));
      // The parse is reused by the hover or completion that usually follows an edit.
      this.cacheParsed(slot.segment.text, `${this.contextOf(file.uri)}|${slot.segment.line}`, docs);
      this.remember(cache, slot.segment.text, analysis);
      slot.analysis = analysis;
    }
    this.renumber(file);
  }

  private remember(cache: Map<string, SegmentAnalysis>, text: string, analysis: SegmentAnalysis): void {
    cache.set(text, analysis);
    for (const failure of analysis.failures) this.onFailure(failure);
  }

  private fill(file: FileState): void {
    const cache = this.cacheFor(file.uri);
    let changed = false;
    for (const slot of file.slots) {
      if (slot.analysis) continue;
      const a = cache.get(slot.segment.text);
      if (a) {
        slot.analysis = a;
        changed = true;
      }
    }
    if (changed) {
      file.findings = undefined;
      this.renumber(file);
    }
  }

  /** Document numbers follow the analysed counts once they are known. */
  private renumber(file: FileState): void {
    let index = 0;
    for (const slot of file.slots) {
      slot.firstIndex = index;
      index += slot.analysis ? slot.analysis.documentCount : DOCUMENTS_PER_UNPARSED_SEGMENT;
    }
  }

  /** Keeps only analyses of segments that are still in some open file. */
  private retain(): void {
    const keep = new Map<string, Map<string, SegmentAnalysis>>();
    for (const file of this.files.values()) {
      const context = this.contextOf(file.uri);
      const old = this.analyses.get(context);
      let cache = keep.get(context);
      if (!cache) keep.set(context, (cache = new Map()));
      for (const slot of file.slots) {
        const a = slot.analysis ?? old?.get(slot.segment.text);
        if (a) cache.set(slot.segment.text, a);
      }
    }
    this.analyses = keep;
  }
}

/** Each analysis' findings moved to where its segment is now; most stay put across an edit elsewhere. */
const PLACED = new WeakMap<SegmentAnalysis, { line: number; firstIndex: number; findings: Finding[] }>();

function assemble(slots: SegmentSlot[]): Finding[] {
  const out: Finding[] = [];
  let templated = 0;
  let firstTemplate: Finding['range'] | undefined;
  let total = 0;
  for (const slot of slots) {
    const { segment, firstIndex, analysis } = slot;
    if (!analysis) continue;
    const delta = segment.line - analysis.line;
    let placed = PLACED.get(analysis);
    if (!placed || placed.line !== segment.line || placed.firstIndex !== firstIndex) {
      placed = { line: segment.line, firstIndex, findings: analysis.findings.map((f) => shift(f, delta, firstIndex)) };
      PLACED.set(analysis, placed);
    }
    for (const f of placed.findings) out.push(f);
    total += analysis.documentCount;
    templated += analysis.templatedCount;
    if (!firstTemplate && analysis.firstTemplate) firstTemplate = shiftRange(analysis.firstTemplate, delta);
  }
  if (templated > 0 && firstTemplate) {
    const notice = templateFinding({ templateNotice: templateNoticeAt(firstTemplate, templated, total) });
    if (notice) out.push(notice);
  }
  return out;
}

function shift(f: Finding, delta: number, firstIndex: number): Finding {
  if (delta === 0 && firstIndex === 0) return f;
  return {
    ...f,
    document: f.document + firstIndex,
    range: shiftRange(f.range, delta),
    related: f.related?.map((r) => ({ ...r, range: shiftRange(r.range, delta) })),
    fixes: f.fixes?.map((fix) => ({
      ...fix,
      edits: fix.edits.map((e) => ({ ...e, range: shiftRange(e.range, delta) })),
    })),
  };
}

/** Offset of a position inside a segment's text, or undefined when the line is not in it. */
function offsetIn(segment: Segment, pos: Position): number | undefined {
  let offset = 0;
  for (let line = segment.line; line < pos.line; line++) {
    const next = segment.text.indexOf('\n', offset);
    if (next === -1) return undefined;
    offset = next + 1;
  }
  const lineEnd = segment.text.indexOf('\n', offset);
  return Math.min(offset + pos.character, lineEnd === -1 ? segment.text.length : lineEnd);
}

function slotIndexAt(slots: readonly SegmentSlot[], line: number): number {
  let lo = 0;
  let hi = slots.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((slots[mid] as SegmentSlot).segment.line <= line) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/**
 * The segments after one ranged change to the text the slots were made from: only the segments the change
 * touches (and their neighbours, whose markers it may create or remove) are split again, from their own texts
 * with the change applied; the others keep their text and move by the change's offset and line deltas.
 * Undefined when the change does not map cleanly onto the slots (the caller splits the whole text then).
 */
function resplit(slots: readonly SegmentSlot[], change: Required<TextChange>): Segment[] | undefined {
  const startIndex = slotIndexAt(slots, change.range.start.line);
  const endIndex = slotIndexAt(slots, change.range.end.line);
  const a = Math.max(0, startIndex - 1);
  const b = Math.min(slots.length - 1, endIndex + 1);
  const first = slots[a]?.segment;
  const startSlot = slots[startIndex]?.segment;
  const endSlot = slots[endIndex]?.segment;
  if (!first || !startSlot || !endSlot) return undefined;
  const startIn = offsetIn(startSlot, change.range.start);
  const endIn = offsetIn(endSlot, change.range.end);
  if (startIn === undefined || endIn === undefined) return undefined;
  const start = startSlot.offset + startIn;
  const end = endSlot.offset + endIn;
  if (end < start) return undefined;
  const oldRegion = slots
    .slice(a, b + 1)
    .map((s) => s.segment.text)
    .join('');
  const regionText = oldRegion.slice(0, start - first.offset) + change.text + oldRegion.slice(end - first.offset);
  const delta = change.text.length - (end - start);
  const lineDelta =
    countNewlines(change.text) - countNewlines(oldRegion.slice(start - first.offset, end - first.offset));
  const middle = splitSegments(regionText).map((seg) => ({
    text: seg.text,
    offset: seg.offset + first.offset,
    line: seg.line + first.line,
  }));
  // A region that does not start the file must start with its own marker, or it would merge with the one above.
  if (a > 0 && !middle[0]?.text.startsWith('---')) return undefined;
  const before = slots.slice(0, a).map((s) => s.segment);
  const after = slots.slice(b + 1).map(({ segment }) => ({
    text: segment.text,
    offset: segment.offset + delta,
    line: segment.line + lineDelta,
  }));
  return [...before, ...middle, ...after];
}
