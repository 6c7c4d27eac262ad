/**
 * What the host has computed under one spec: segment analyses by file context and text, shared across files and
 * versions, and a few recently parsed segments. New rule levels start a new store, so a snapshot taken before
 * keeps answering with the analyses of its own spec; a new target alone keeps the store (./segmentStore), whose
 * analyses each say which targets they hold for.
 */

import { type KubernetesTarget, sameTarget } from '../k8s/version/target';
import type { RuleFailure } from '../lint';
import { targetOf } from '../lint/config';
import {
  filePartialReason,
  type ManifestDocument,
  type ParseOptions,
  parseSegmentDocuments,
  type Segment,
} from '../model';
import { type AnalysisSpec, analyzeSegment, type SegmentAnalysis, targetFor } from './segmentAnalysis';
import { SegmentStore } from './segmentStore';
import { type FileState, pendingWithin, renumber, type SegmentSlot } from './slots';

/** Parsed segments kept for hover and completion: an AST of a 150-line document weighs about half a megabyte. */
const PARSED_CACHE_SIZE = 8;

/**
 * Targets whose analyses are kept: the ones in use and the one before, so that switching back costs nothing. More
 * would keep another copy of every version-dependent analysis per target.
 */
const KEPT_TARGETS = 2;

/** True when two specs differ at most in their target: every analysis of one may hold for the other. */
function sameLevels(a: AnalysisSpec, b: AnalysisSpec): boolean {
  // Folder targets are targets too: only the rest of the config decides the levels.
  const { kubernetesVersion: _av, featureGates: _ag, ...restA } = a.config;
  const { kubernetesVersion: _bv, featureGates: _bg, ...restB } = b.config;
  return JSON.stringify(restA) === JSON.stringify(restB);
}

/** Every target a spec analyses against: the config's and each folder's. */
function targetsOf(spec: AnalysisSpec): KubernetesTarget[] {
  return [targetOf(spec.config), ...(spec.folderTargets ?? []).map((f) => f.target)];
}

function firstOf(targets: readonly KubernetesTarget[], target: KubernetesTarget): number {
  return targets.findIndex((t) => sameTarget(t, target));
}

export class AnalysisCaches {
  /** Recently used parsed documents by segment text, then by `${context}|${line}` (ranges depend on the line). */
  private readonly parsed = new Map<string, Map<string, ManifestDocument[]>>();
  constructor(
    readonly spec: AnalysisSpec,
    readonly optionsFor: (uri: string) => ParseOptions,
    /** Told about every rule that threw while analysing (podlens bugs). */
    private readonly onFailure: (failure: RuleFailure) => void,
    private readonly store = new SegmentStore(),
    /** Earlier targets whose analyses are kept, newest first. */
    private readonly earlier: readonly KubernetesTarget[] = [],
  ) {}

  /** True when the spec differs from this one at most in its target. */
  sameLevels(spec: AnalysisSpec): boolean {
    return spec === this.spec || sameLevels(spec, this.spec);
  }

  /** The target a file is analysed against. */
  targetFor(uri: string): KubernetesTarget {
    return targetFor(this.spec, uri);
  }

  /** The caches of a new spec: the same store when only targets changed, else an empty one. */
  next(spec: AnalysisSpec): AnalysisCaches {
    if (!this.sameLevels(spec)) return new AnalysisCaches(spec, this.optionsFor, this.onFailure);
    const now = targetsOf(spec);
    const before = [...targetsOf(this.spec), ...this.earlier];
    const earlier = before.filter((t, i) => !now.some((n) => sameTarget(n, t)) && firstOf(before, t) === i);
    return new AnalysisCaches(spec, this.optionsFor, this.onFailure, this.store, earlier.slice(0, KEPT_TARGETS - 1));
  }

  /** What, besides its text, decides a segment's analysis: whether the file makes its documents partial. */
  private contextOf(uri: string): string {
    return filePartialReason(this.optionsFor(uri)) ?? '';
  }

  /** Finds the cached analysis of a segment of the file, if one holds for the target. */
  lookupIn(uri: string): (text: string) => SegmentAnalysis | undefined {
    const context = this.contextOf(uri);
    const target = this.targetFor(uri);
    return (text) => this.store.get(context, text, target);
  }

  remember(uri: string, text: string, analysis: SegmentAnalysis): void {
    this.store.add(this.contextOf(uri), text, analysis);
    for (const failure of analysis.failures) this.onFailure(failure);
  }

  /** Analyses the file's segments that have none yet (of those `only` accepts, when given), in-process. */
  analyzePending(file: FileState, only?: (slot: SegmentSlot) => boolean): void {
    this.fillPending(file, (slot) => (only && !only(slot) ? undefined : this.analysisOf(file.uri, slot.segment)));
  }

  /** A segment's analysis: the cached one, or made here (and cached). */
  private analysisOf(uri: string, segment: Segment): SegmentAnalysis {
    const cached = this.lookupIn(uri)(segment.text);
    if (cached) return cached;
    const { analysis, docs } = analyzeSegment(segment, this.spec, this.optionsFor(uri));
    // The parse is reused by the hover or completion that usually follows an edit.
    this.cacheParsed(segment.text, `${this.contextOf(uri)}|${segment.line}`, docs);
    this.remember(uri, segment.text, analysis);
    return analysis;
  }

  /** Takes analyses the cache holds (made elsewhere) into the file's slots that have none yet. */
  fill(file: FileState): void {
    const lookup = this.lookupIn(file.uri);
    if (this.fillPending(file, (slot) => lookup(slot.segment.text))) {
      file.placement = undefined;
      file.findings = undefined;
    }
  }

  /**
   * Gives the file's pending slots the analyses `analysisOf` has for them (replaced, never changed: the version
   * before may share them), and numbers the documents after them again. True when any slot got one.
   */
  private fillPending(file: FileState, analysisOf: (slot: SegmentSlot) => SegmentAnalysis | undefined): boolean {
    const range = file.pending;
    if (!range) return false;
    let first = -1;
    let last = -1;
    for (let i = range.from; i < range.to; i++) {
      const slot = file.slots[i] as SegmentSlot;
      if (slot.analysis) continue;
      const analysis = analysisOf(slot);
      if (!analysis) continue;
      file.slots[i] = { ...slot, analysis };
      if (first === -1) first = i;
      last = i;
    }
    file.pending = pendingWithin(file.slots, range);
    if (first === -1) return false;
    renumber(file.slots, first, last + 1);
    return true;
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

  /** Keeps only analyses of segments that are still in some open file, for this target and the kept earlier ones. */
  retain(files: Iterable<FileState>): void {
    const held = [...files].map((file) => ({
      uri: file.uri,
      context: this.contextOf(file.uri),
      texts: file.slots.map((slot) => slot.segment.text),
    }));
    this.store.retain(held, [...targetsOf(this.spec), ...this.earlier]);
  }

  /**
   * A file's segments after an edit: the analyses of texts no open file has any more are dropped. Costs the
   * edited run of segments, not a pass over every segment of every open file (3 ms per keystroke at 10,000).
   */
  replaced(
    uri: string,
    before: readonly SegmentSlot[],
    after: readonly SegmentSlot[],
    ends: { head: number; tail: number },
  ): void {
    this.store.replace(uri, this.contextOf(uri), before, after, ends);
  }
}
