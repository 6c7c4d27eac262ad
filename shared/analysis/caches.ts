/**
 * What the host has computed under one spec: segment analyses by file context and text, shared across files and
 * versions, and a few recently parsed segments. A new spec starts a new set, so a snapshot taken before it keeps
 * answering with the analyses of its own spec.
 */
import type { RuleFailure } from '../lint';
import {
  filePartialReason,
  type ManifestDocument,
  type ParseOptions,
  parseSegmentDocuments,
  type Segment,
} from '../model';
import { type AnalysisSpec, analyzeSegment, type SegmentAnalysis } from './segmentAnalysis';
import { type FileState, renumber, type SegmentSlot } from './slots';

/** Parsed segments kept for hover and completion: an AST of a 150-line document weighs about half a megabyte. */
const PARSED_CACHE_SIZE = 8;

export class AnalysisCaches {
  /**
   * Analyses by file context (what makes a file's documents partial: see `contextOf`), then by segment text.
   * Keyed by the segment string itself so its cached hash is reused: a composite key string would be hashed
   * again, 4 MB per edit in a big file.
   */
  private analyses = new Map<string, Map<string, SegmentAnalysis>>();
  /** Recently used parsed documents by segment text, then by `${context}|${line}` (ranges depend on the line). */
  private readonly parsed = new Map<string, Map<string, ManifestDocument[]>>();

  constructor(
    readonly spec: AnalysisSpec,
    readonly optionsFor: (uri: string) => ParseOptions,
    /** Told about every rule that threw while analysing (podlens bugs). */
    private readonly onFailure: (failure: RuleFailure) => void,
  ) {}

  /** What, besides its text, decides a segment's analysis: whether the file makes its documents partial. */
  private contextOf(uri: string): string {
    return filePartialReason(this.optionsFor(uri)) ?? '';
  }

  cacheFor(uri: string): Map<string, SegmentAnalysis> {
    const context = this.contextOf(uri);
    let cache = this.analyses.get(context);
    if (!cache) this.analyses.set(context, (cache = new Map()));
    return cache;
  }

  remember(cache: Map<string, SegmentAnalysis>, text: string, analysis: SegmentAnalysis): void {
    cache.set(text, analysis);
    for (const failure of analysis.failures) this.onFailure(failure);
  }

  /** Analyses the file's segments that have none yet, in-process. */
  analyzePending(file: FileState): void {
    for (const slot of file.slots) slot.analysis ??= this.analysisOf(file.uri, slot.segment);
    renumber(file.slots);
  }

  /** A segment's analysis: the cached one, or made here (and cached). */
  analysisOf(uri: string, segment: Segment): SegmentAnalysis {
    const cache = this.cacheFor(uri);
    const cached = cache.get(segment.text);
    if (cached) return cached;
    const { analysis, docs } = analyzeSegment(segment, this.spec, this.optionsFor(uri));
    // The parse is reused by the hover or completion that usually follows an edit.
    this.cacheParsed(segment.text, `${this.contextOf(uri)}|${segment.line}`, docs);
    this.remember(cache, segment.text, analysis);
    return analysis;
  }

  /** Takes analyses the cache holds (made elsewhere) into the file's slots that have none yet. */
  fill(file: FileState): void {
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
      renumber(file.slots);
    }
  }

  /** The documents of one segment, numbered in the file; parsed again only when not among the recent ones. */
  parsedSlot(uri: string, slot: SegmentSlot): ManifestDocument[] {
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

  /** Keeps only analyses of segments that are still in some open file. */
  retain(files: Iterable<FileState>): void {
    const keep = new Map<string, Map<string, SegmentAnalysis>>();
    for (const file of files) {
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
