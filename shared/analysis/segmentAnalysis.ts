/**
 * Analysis of one YAML segment: parse, lint, and the few facts the file level needs (document count, templates).
 * Pure over its inputs and serializable, so the host runs it in-process and an executor (worker threads) elsewhere.
 */

import { type TargetRange, TargetRecorder } from '../k8s/version/reads';
import type { KubernetesTarget } from '../k8s/version/target';
import type { Finding } from '../lint';
import { type LintConfig, lintDocuments, type RuleFailure, targetOf } from '../lint';
import { type ManifestDocument, type ParseOptions, parseSegmentDocuments, type Segment } from '../model';
import { type PodSummary, podSummaries } from './podSummary';
import { readSegmentWorkspace, type SegmentWorkspace, type WorkspaceReadingSpec } from './segmentWorkspace';

export interface SegmentAnalysis {
  /** File line of the segment when it was analysed; findings are shifted by the difference. */
  line: number;
  documentCount: number;
  /** Findings with ranges as of `line`, and document indices counted from 0 within the segment. */
  findings: Finding[];
  templatedCount: number;
  firstTemplate?: Finding['range'];
  /** Rules that threw (podlens bugs), for the server to log once. */
  failures: RuleFailure[];
  /** The segment's pod documents in brief (lines as of `line`). */
  pods: PodSummary[];
  /** The targets this analysis is also the analysis for: a target switch keeps it when the new one is inside. */
  validFor: TargetRange;
  /** What the workspace index and the cross-file rules read of the segment, when the spec asks for it. */
  workspace?: SegmentWorkspace;
}

/**
 * What the analysis depends on besides the text. New rule levels make every cached analysis stale; a new target
 * only those whose `validFor` excludes it. Plain data only: it is posted to worker threads with the segments.
 */
export interface AnalysisSpec {
  config: LintConfig;
  /**
   * Workspace folders (URI prefixes) whose files have their own target (podlens.kubernetesVersion is a
   * per-folder setting, and each folder has its own `.podlens.yaml`); other files use the config's.
   */
  folderTargets?: readonly { folder: string; target: KubernetesTarget }[];
  /** Also read each segment for the workspace index and the cross-file rules (`podlens lint`). */
  workspace?: WorkspaceReadingSpec;
}

/** The target a file is analysed against: its innermost folder's, else the config's. */
export function targetFor(spec: AnalysisSpec, uri: string | undefined): KubernetesTarget {
  let best: { folder: string; target: KubernetesTarget } | undefined;
  for (const f of spec.folderTargets ?? []) {
    const inside = uri?.startsWith(f.folder.endsWith('/') ? f.folder : `${f.folder}/`);
    if (inside && f.folder.length > (best?.folder.length ?? -1)) best = f;
  }
  return best?.target ?? targetOf(spec.config);
}

export function analyzeSegment(
  segment: Segment,
  spec: AnalysisSpec,
  options: ParseOptions,
): { analysis: SegmentAnalysis; docs: ManifestDocument[] } {
  const docs = parseSegmentDocuments(segment, 0, options);
  const templated = docs.filter((d) => d.templated);
  const failures: RuleFailure[] = [];
  const target = new TargetRecorder(targetFor(spec, options.path));
  // The lint engine decides what to lint: also documents that only look like manifests (`Version: v1`).
  const findings = lintDocuments(docs, {
    config: spec.config,
    target,
    path: options.path,
    kustomizePatch: options.kustomizePatch,
    onRuleFailure: (f) => failures.push(f),
  });
  const workspace = spec.workspace && readSegmentWorkspace(docs, spec.workspace, spec.config, options, target);
  return {
    analysis: {
      line: segment.line,
      documentCount: docs.length,
      findings,
      templatedCount: templated.length,
      firstTemplate: templated[0]?.templated?.range,
      failures,
      pods: podSummaries(docs),
      validFor: target.range(),
      ...(workspace && { workspace }),
    },
    docs,
  };
}
