/**
 * What the workspace index and the cross-file rules read of one segment, computed where the segment was parsed:
 * `podlens lint` analyses a big file in worker threads, and reading the file again on its main thread for the
 * index and the cross-file rules doubled the run's time and memory. The cross-file rules run against the workspace
 * as known before the lint (the files it walked), recording what they asked it; their findings stand for any
 * workspace that answers every recorded query the same (`sameAnswers`), so only segments that the linted files'
 * own objects concern are linted again once those are indexed too.
 */
import type { TargetRecorder } from '../k8s/version/reads';
import { crossFileRules, type Finding, type LintConfig, type LintOptions, lintDocuments } from '../lint';
import type { ManifestDocument, ParseOptions } from '../model';
import {
  type FileFacts,
  type ObjectFacts,
  objectFacts,
  parsedAsIndexReads,
  type RecordedQuery,
  recording,
  WorkspaceIndex,
  type WorkspaceObjects,
} from './workspace';

/** Asks `analyzeSegment` for the segment's workspace reading (plain data: it is posted to workers). */
export interface WorkspaceReadingSpec {
  /** The file's URI, as the index names objects' locations. */
  uri: string;
  /** `--workspace-complete`: an object the workspace lacks is missing, not assumed. */
  complete: boolean;
  /**
   * The workspace's files known before the lint (facts are small: they cross to workers with the spec). Without
   * them only the segment's objects are read, and the cross-file rules run where the workspace is.
   */
  files?: readonly FileFacts[];
}

export interface SegmentWorkspace {
  /**
   * The segment's objects as the index reads them, documents numbered from 0 in the segment; undefined when the
   * segment was parsed another way than the index reads files (a kustomize context, a patch, a Helm template).
   */
  objects?: ObjectFacts[];
  /**
   * The cross-file findings against the workspace known before, documents numbered from 0 in the segment (absent
   * when the spec gave no workspace files).
   */
  findings?: Finding[];
  /** What those rules asked that workspace, with its answers. */
  queries?: RecordedQuery[];
}

const CROSS_FILE_RULE_IDS = new Set(crossFileRules.map((r) => r.meta.id));

/**
 * The cross-file rules' findings over documents against a workspace, and only theirs: linting also reports what
 * belongs to the documents alone, which their own analysis already has.
 */
export function lintCrossFile(
  docs: readonly ManifestDocument[],
  options: Omit<LintOptions, 'rules' | 'workspace'> & { workspace: WorkspaceObjects },
): Finding[] {
  return lintDocuments(docs, { ...options, rules: crossFileRules }).filter((f) => CROSS_FILE_RULE_IDS.has(f.rule));
}

/** Indexed once per spec (a worker gets its own copy of the spec per batch), not once per segment. */
const indexed = new WeakMap<WorkspaceReadingSpec, WorkspaceObjects>();

function objectsOf(reading: WorkspaceReadingSpec, files: readonly FileFacts[]): WorkspaceObjects {
  let objects = indexed.get(reading);
  if (!objects) {
    const index = new WorkspaceIndex();
    for (const facts of files) index.set(facts);
    objects = index.objects(reading.complete);
    indexed.set(reading, objects);
  }
  return objects;
}

export function readSegmentWorkspace(
  docs: readonly ManifestDocument[],
  reading: WorkspaceReadingSpec,
  config: LintConfig,
  options: ParseOptions,
  target: TargetRecorder,
): SegmentWorkspace {
  const objects = parsedAsIndexReads(options) ? docs.flatMap((d) => objectFacts(d, reading.uri) ?? []) : undefined;
  if (!reading.files) return { objects };
  const queries: RecordedQuery[] = [];
  const findings = lintCrossFile(docs, {
    config,
    ...options,
    target,
    workspace: recording(objectsOf(reading, reading.files), queries),
  });
  return { objects, findings, queries };
}
