/**
 * A big open file's first analysis on the worker pool also reads, where each segment is parsed, what the
 * workspace index and the cross-file rules need of it (shared/analysis/segmentWorkspace, as `podlens lint` does).
 * The main thread takes those readings into the open file's facts (./openFileFacts) and cross-file findings
 * (./features/workspaceDiagnostics) instead of parsing and linting the whole file a second time while it opens:
 * that parse held up the first diagnostics of a 100-document file by half a second.
 */
import type { AnalysisSpec, SegmentAnalysis, SegmentExecutor, SegmentWorkspace } from '../shared/analysis';
import { answeredBy, sameAnswers } from '../shared/analysis/workspace';
import type { LintConfig } from '../shared/lint';
import type { ParseOptions, Segment } from '../shared/model';
import type { WorkspaceFindings } from './features/workspaceDiagnostics';
import type { OpenFileFacts } from './openFileFacts';
import type { ServerWorkspaceIndex } from './workspaceIndex';
import { MAX_INDEXED_FILE_BYTES } from './workspaceScan';

/**
 * The most workspace files whose facts go to the workers for the cross-file rules: 2,000 files serialize in about
 * 20 ms and cost each worker some 30 MB while the batch runs (5,000: 53 ms, and 75 MB more at the peak of a
 * 100-document open). In a bigger workspace the cross-file rules parse the file again on the main thread.
 */
const MAX_READING_FILES = 2_000;

export interface ReadingTargets {
  workspace: ServerWorkspaceIndex;
  facts: OpenFileFacts;
  crossFile: WorkspaceFindings;
  /** `podlens.workspace.assumeComplete` now. */
  complete: () => boolean;
  /** The most workspace files sent to the workers (MAX_READING_FILES unless a test says otherwise). */
  maxFiles?: number;
}

/**
 * The pool, asking for each segment's workspace reading when the file is small enough for the index to read it
 * (bigger files are neither indexed nor given cross-file findings), and handing the readings over when the batch
 * is done. The analyses it returns carry no reading: the host caches them for as long as the file is open.
 */
export function readingExecutor(pool: SegmentExecutor, targets: ReadingTargets): SegmentExecutor {
  return {
    prepare: () => pool.prepare?.(),
    release: () => pool.release?.(),
    async analyze(segments: Segment[], spec: AnalysisSpec, options: ParseOptions): Promise<SegmentAnalysis[]> {
      const uri = options.path;
      const bytes = segments.reduce((n, s) => n + s.text.length, 0);
      if (uri === undefined || bytes > MAX_INDEXED_FILE_BYTES) return pool.analyze(segments, spec, options);
      const index = targets.workspace.index;
      const revision = index.revision;
      const complete = targets.complete();
      try {
        // A big workspace's facts are not copied to every worker: only the objects are read there then.
        const files = index.size <= (targets.maxFiles ?? MAX_READING_FILES) ? [...index.allFiles()] : undefined;
        const reading = { uri, complete, files };
        const analyses = await pool.analyze(segments, { ...spec, workspace: reading }, options);
        return analyses.map((a, i) => {
          const { workspace: read, ...analysis } = a;
          const segment = segments[i];
          if (read && segment)
            take(targets, uri, segment.text, analysis.line, read, { revision, options, complete, config: spec.config });
          return analysis;
        });
      } finally {
        // The index waited for this file's facts (or, if the batch failed, for the in-process analysis after it).
        targets.workspace.flushSoon();
      }
    },
  };
}

/** Takes one segment's reading into the open file's facts and cross-file findings. */
function take(
  targets: ReadingTargets,
  uri: string,
  text: string,
  line: number,
  read: SegmentWorkspace,
  made: { revision: number; options: ParseOptions; complete: boolean; config: LintConfig },
): void {
  if (read.objects) targets.facts.seed(uri, text, line, read.objects);
  const { findings, queries } = read;
  if (!findings || !queries) return;
  const index = targets.workspace.index;
  const objects = index.objects(made.complete);
  // Read against the index as it was when the batch started: taken if it still answers the same.
  if (index.revision !== made.revision && !sameAnswers(queries, objects)) return;
  targets.crossFile.seed(
    uri,
    text,
    { line, revision: index.revision, queries: answeredBy(queries, objects), findings },
    made,
  );
}
