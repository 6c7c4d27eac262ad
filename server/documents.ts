/**
 * Per-document analysis cache for open files. A file is cut into YAML segments (../shared/yaml/split); each
 * segment's findings are cached by its text, so an edit re-analyses only the segment it touched even in a
 * 1,000-document file. Parsed documents are kept for a few recently used segments only, to bound memory.
 */

import type { Finding } from '../shared/lint';
import { templateFinding } from '../shared/lint';
import type { ParseOptions } from '../shared/model';
import {
  isAnalysable,
  type ManifestDocument,
  parseSegmentDocuments,
  type Segment,
  splitSegments,
} from '../shared/model';
import type { Position } from '../shared/util/range';

export interface SegmentAnalysis {
  /** File line of the segment when it was analysed; findings are shifted by the difference. */
  line: number;
  documentCount: number;
  /** Findings with ranges as of `line`, and document indices counted from 0 within the segment. */
  findings: Finding[];
  templatedCount: number;
  firstTemplate?: Finding['range'];
}

export type Analyzer = (docs: ManifestDocument[]) => Finding[];

interface SegmentSlot {
  segment: Segment;
  firstIndex: number;
  analysis: SegmentAnalysis;
}

interface FileState {
  uri: string;
  version: number;
  slots: SegmentSlot[];
}

const PARSED_CACHE_SIZE = 48;

export class ManifestStore {
  private readonly files = new Map<string, FileState>();
  /** Analyses by segment text; shared across files and versions. */
  private analyses = new Map<string, SegmentAnalysis>();
  /** Recently used parsed documents, keyed by `${line}\n${text}` (ranges depend on the line). */
  private readonly parsed = new Map<string, ManifestDocument[]>();

  constructor(
    private analyzer: Analyzer,
    private readonly optionsFor: (uri: string) => ParseOptions,
  ) {}

  /** New rules or settings: every cached analysis is stale, so each open file is re-analysed now. */
  setAnalyzer(analyzer: Analyzer): void {
    this.analyzer = analyzer;
    this.analyses = new Map();
    for (const file of this.files.values()) {
      for (const slot of file.slots) {
        const fresh = this.analyses.get(slot.segment.text) ?? this.analyze(file.uri, slot.segment);
        this.analyses.set(slot.segment.text, fresh);
        slot.analysis = fresh;
      }
    }
  }

  update(uri: string, text: string, version: number): void {
    const segments = splitSegments(text);
    const slots: SegmentSlot[] = [];
    const live = new Map<string, SegmentAnalysis>();
    let index = 0;
    for (const segment of segments) {
      const analysis = live.get(segment.text) ?? this.analyses.get(segment.text) ?? this.analyze(uri, segment);
      live.set(segment.text, analysis);
      slots.push({ segment, firstIndex: index, analysis });
      index += analysis.documentCount;
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

  uris(): string[] {
    return [...this.files.keys()];
  }

  /** All findings of a file in file positions, plus the one template notice when templates were found. */
  findings(uri: string): Finding[] {
    const file = this.files.get(uri);
    if (!file) return [];
    const out: Finding[] = [];
    let templated = 0;
    let firstTemplate: Finding['range'] | undefined;
    let total = 0;
    for (const { segment, firstIndex, analysis } of file.slots) {
      const delta = segment.line - analysis.line;
      for (const f of analysis.findings) out.push(shift(f, delta, firstIndex));
      total += analysis.documentCount;
      templated += analysis.templatedCount;
      if (!firstTemplate && analysis.firstTemplate) firstTemplate = shiftRange(analysis.firstTemplate, delta);
    }
    if (templated > 0 && firstTemplate) {
      const notice = templateFinding({
        templateNotice: {
          code: 'TEMPLATE',
          severity: 'info',
          range: firstTemplate,
          message: `Helm/Go-template markers ({{ }}) found: ${templated} of ${total} document(s) are templates, not manifests, and are not analysed. Render them (helm template) to lint the result.`,
        },
      });
      if (notice) out.push(notice);
    }
    return out;
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
    const key = `${slot.segment.line}\n${slot.firstIndex}\n${slot.segment.text}`;
    let docs = this.parsed.get(key);
    if (docs) {
      this.parsed.delete(key);
    } else {
      docs = parseSegmentDocuments(slot.segment, slot.firstIndex, this.optionsFor(uri));
    }
    this.parsed.set(key, docs);
    if (this.parsed.size > PARSED_CACHE_SIZE) this.parsed.delete(this.parsed.keys().next().value as string);
    return docs;
  }

  private analyze(uri: string, segment: Segment): SegmentAnalysis {
    const docs = parseSegmentDocuments(segment, 0, this.optionsFor(uri));
    const templatedDocs = docs.filter((d) => d.templated);
    return {
      line: segment.line,
      documentCount: docs.length,
      // The analyzer decides what to lint: also documents that only look like manifests (`Version: v1`).
      findings: this.analyzer(docs),
      templatedCount: templatedDocs.length,
      firstTemplate: templatedDocs[0]?.templated?.range,
    };
  }

  /** Keeps only analyses of segments that are still in some open file. */
  private retain(): void {
    const keep = new Map<string, SegmentAnalysis>();
    for (const file of this.files.values()) {
      for (const slot of file.slots) keep.set(slot.segment.text, slot.analysis);
    }
    this.analyses = keep;
  }
}

function shiftRange(r: Finding['range'], delta: number): Finding['range'] {
  if (delta === 0) return r;
  return {
    start: { line: r.start.line + delta, character: r.start.character },
    end: { line: r.end.line + delta, character: r.end.character },
  };
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
