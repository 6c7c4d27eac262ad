/**
 * The cross-file findings of an open document: the workspace rules (shared/lint/rules/workspace) run against the
 * workspace index, next to the per-segment analysis the analysis host caches (which cannot depend on other files).
 * Kept per segment, with the index queries each segment's rules made: an edit lints only the segment it changed,
 * and an index change only the segments whose queries it answers differently. A file's whole list is cached per
 * document version and index revision, so an unchanged file costs nothing per publish.
 */
import { type Analysis, lintCrossFile, shiftFinding } from '../../shared/analysis';
import { type RecordedQuery, recording, sameAnswers } from '../../shared/analysis/workspace';
import type { Finding, LintConfig } from '../../shared/lint';
import { filePartialReason, type ManifestDocument, type ParseOptions, type Segment } from '../../shared/model';
import type { ServerWorkspaceIndex } from '../workspaceIndex';

/**
 * Files longer than this get no cross-file findings: parsing a whole generated bundle again on every publish would
 * slow down typing in it, and such files are not where references are written by hand.
 */
const MAX_LINES = 20_000;

/**
 * How a file's documents are parsed, its name aside: the name matters only through the partial reason it gives
 * (a patch-like name), and the kustomize context, patch flag, Helm flag and node limit are the rest.
 */
function parseContext(options: ParseOptions): string {
  return JSON.stringify({ ...options, path: filePartialReason(options) ?? '' });
}

/** One segment's findings as computed: at `line`, documents numbered from `firstIndex`, valid at `revision`. */
interface SegmentFindings {
  line: number;
  firstIndex: number;
  revision: number;
  queries: RecordedQuery[];
  findings: Finding[];
}

interface FileFindings {
  key: string;
  findings: Finding[];
  /** By segment text, computed under `settings`. */
  segments: Map<string, SegmentFindings>;
  settings: string;
}

export class WorkspaceFindings {
  private readonly cache = new Map<string, FileFindings>();

  constructor(
    private readonly workspace: ServerWorkspaceIndex,
    private readonly complete: () => boolean,
    private readonly config: () => LintConfig,
  ) {}

  findings(uri: string, analysis: Analysis): Finding[] {
    if (analysis.lineCount(uri) > MAX_LINES) return [];
    // No flush of pending edits here: indexing the edited file would double the cost of its publish, and when its
    // facts change the index's change listener publishes what follows from them.
    const index = this.workspace.index;
    const settings = this.settingsOf(uri, analysis);
    const key = `${analysis.version(uri)}|${index.revision}|${settings}`;
    const cached = this.cache.get(uri);
    if (cached?.key === key) return cached.findings;
    const before = cached?.settings === settings ? cached.segments : new Map<string, SegmentFindings>();
    const segments = new Map<string, SegmentFindings>();
    const objects = index.objects(this.complete());
    const firstIndexes = analysis.firstIndexes(uri);
    const findings: Finding[] = [];
    analysis.segments(uri).forEach((segment, i) => {
      const firstIndex = firstIndexes[i] ?? 0;
      let entry = segments.get(segment.text) ?? before.get(segment.text) ?? this.elsewhere(uri, settings, segment.text);
      if (entry && entry.revision !== index.revision) {
        entry = sameAnswers(entry.queries, objects) ? { ...entry, revision: index.revision } : undefined;
      }
      entry ??= this.lint(uri, analysis.segmentDocuments(uri, i), segment.line, firstIndex);
      segments.set(segment.text, entry);
      const delta = segment.line - entry.line;
      const renumbered = firstIndex - entry.firstIndex;
      for (const f of entry.findings) findings.push(shiftFinding(f, delta, renumbered));
    });
    this.cache.set(uri, { key, findings, segments, settings });
    return findings;
  }

  /**
   * Lints a segment whose documents (the host's, numbered in the file) were parsed for the index, so that the next
   * ask finds it done: a big file's segments are then parsed once, not once for the index and once here.
   */
  prime(uri: string, analysis: Analysis, segment: Segment, firstIndex: number, docs: ManifestDocument[]): void {
    if (analysis.lineCount(uri) > MAX_LINES) return;
    const file = this.segmentsUnder(uri, this.settingsOf(uri, analysis));
    if (!file.segments.has(segment.text))
      file.segments.set(segment.text, this.lint(uri, docs, segment.line, firstIndex));
  }

  /**
   * A segment's cross-file findings as a worker computed them where it parsed the segment (documents numbered from
   * 0, lines as of `line`), against the index at `revision` with the queries' answers as this index gives them now:
   * the next ask takes them instead of parsing and linting the segment here. Made under other settings, they are
   * not taken.
   */
  seed(
    uri: string,
    text: string,
    made: { line: number; revision: number; queries: RecordedQuery[]; findings: Finding[] },
    under: { options: ParseOptions; complete: boolean; config: LintConfig },
  ): void {
    if (under.complete !== this.complete() || under.config !== this.config()) return;
    this.segmentsUnder(uri, this.settingsFor(under.options)).segments.set(text, { ...made, firstIndex: 0 });
  }

  /** The file's cached segments when made under `settings`, else a fresh cache for them (taking its place). */
  private segmentsUnder(uri: string, settings: string): FileFindings {
    let file = this.cache.get(uri);
    if (file?.settings !== settings) {
      file = { key: '', findings: [], segments: new Map(), settings };
      this.cache.set(uri, file);
    }
    return file;
  }

  private settingsOf(uri: string, analysis: Analysis): string {
    return this.settingsFor(analysis.parseOptions(uri));
  }

  private settingsFor(options: ParseOptions): string {
    return `${this.complete()}|${this.idOf(this.config())}|${parseContext(options)}`;
  }

  /** The cross-file findings of one segment's documents against the index as it is now, with what they asked it. */
  private lint(uri: string, docs: readonly ManifestDocument[], line: number, firstIndex: number): SegmentFindings {
    const index = this.workspace.index;
    const queries: RecordedQuery[] = [];
    const findings = lintCrossFile(docs, {
      config: this.config(),
      path: uri,
      workspace: recording(index.objects(this.complete()), queries),
    });
    return { line, firstIndex, revision: index.revision, queries, findings };
  }

  /**
   * Whether the document's cross-file findings differ from when this was last asked: after the index changed, only
   * those documents are published again (a publish of unchanged diagnostics would race with the client's edits).
   * No findings at the first ask count as unchanged: the document's own publish already had none.
   */
  changed(uri: string, analysis: Analysis): boolean {
    const signature = JSON.stringify(this.findings(uri, analysis));
    const before = this.announced.get(uri) ?? '[]';
    this.announced.set(uri, signature);
    return signature !== before;
  }

  /**
   * The segment as another open file computed it: findings depend on the segment's text, how it is parsed and the
   * index's answers, not on the file's name, so a copy of a file (or a document pasted into another) is not
   * parsed and linted again.
   */
  private elsewhere(uri: string, settings: string, text: string): SegmentFindings | undefined {
    for (const [other, file] of this.cache) {
      if (other === uri || file.settings !== settings) continue;
      const entry = file.segments.get(text);
      if (entry) return entry;
    }
    return undefined;
  }

  forget(uri: string): void {
    this.cache.delete(uri);
    this.announced.delete(uri);
  }

  private readonly announced = new Map<string, string>();

  /** Rule levels are replaced, never mutated: their identity says whether they changed. */
  private readonly configIds = new WeakMap<LintConfig, number>();
  private nextConfigId = 0;

  private idOf(config: LintConfig): number {
    let id = this.configIds.get(config);
    if (id === undefined) {
      id = this.nextConfigId++;
      this.configIds.set(config, id);
    }
    return id;
  }
}
