/**
 * The lint engine: runs every rule over each analysable document, guards each rule (an exception in one is
 * reported as data, once, and the others still run), applies configured levels and suppression comments, and
 * drops whole-object findings on partial documents. Results are per document, so callers can cache them.
 */
import type { WorkspaceObjects } from '../analysis/workspace/types';
import { DEFAULT_TARGET, type KubernetesTarget } from '../k8s/version/target';
import { type KustomizeContext, type ManifestDocument, parseManifests } from '../model';
import { comparePositions, type FieldPath, formatPath } from '../util/range';
import { DEFAULT_LINT_CONFIG, type LintConfig } from './config';
import { withoutConsequences } from './consequences';
import { isLintable } from './kinds';
import { withoutKustomizeSupplied } from './kustomize';
import { fitMessage } from './message';
import { withoutPlaceholderFindings } from './placeholders';
import { presetSeverity } from './presets';
import { allRules, ruleById } from './registry';
import { readSuppressions } from './suppress';
import { analysisStoppedFinding, syntaxFindings, templateFinding } from './syntax';
import type { Finding, Report, Rule, Severity } from './types';

export interface LintOptions {
  /** Rule levels; the defaults when omitted. */
  config?: LintConfig;
  /** The file's path or URI (patch-like names mark documents partial). */
  path?: string;
  /** Set when a kustomization lists the file as a patch: its documents are partial. */
  kustomizePatch?: boolean;
  /** What the kustomizations that build the file add to its objects. */
  kustomize?: KustomizeContext;
  /** Set when the file is a template of a Helm chart (see ParseOptions.helmTemplate). */
  helmTemplate?: boolean;
  /** Most YAML nodes a document may have and still be analysed; the model's NODE_LIMIT when omitted. */
  nodeLimit?: number;
  /**
   * Called when a rule throws (a podlens bug), at most once per rule per call; the rule's findings for that
   * document are dropped and every other rule still runs.
   */
  onRuleFailure?: (failure: RuleFailure) => void;
  /** The rules to run; every registered rule when omitted (tests and embedders pass their own). */
  rules?: readonly Rule[];
  /** The cluster the manifest is checked against; the newest supported version when omitted. */
  target?: KubernetesTarget;
  /** The other objects of the workspace, when an index of them exists (cross-file checks). */
  workspace?: WorkspaceObjects;
}

/** A rule that threw: a bug in podlens, reported once per rule and run so the caller can log it. */
export interface RuleFailure {
  rule: string;
  document: number;
  message: string;
  stack?: string;
}

/** The effective severity of a finding, or undefined when its rule is turned off. */
function levelOf(config: LintConfig, rule: string, reported: Severity): Severity | undefined {
  const level = config.rules[rule];
  if (level === 'off') return undefined;
  return level ?? reported;
}

/** Applies configured levels to findings made outside the rule loop (the template notice, config-file problems). */
export function applyLevels(findings: readonly Finding[], config: LintConfig): Finding[] {
  const out: Finding[] = [];
  for (const f of findings) {
    const severity = levelOf(config, f.rule, f.severity);
    if (severity) out.push(severity === f.severity ? f : { ...f, severity });
  }
  return out;
}

function toFinding(rule: Rule, report: Report, document: number): Finding {
  const { message, detail } = fitMessage(report.message, report.detail);
  return {
    rule: rule.meta.id,
    severity: report.severity ?? rule.meta.severity,
    message,
    ...(detail && { detail }),
    range: report.range,
    path: formatPath(report.path as FieldPath),
    document,
    ...(report.related?.length && { related: report.related }),
    ...(report.fixes?.length && { fixes: report.fixes }),
  };
}

/** Findings in file order: by start, then by end. */
export function byPosition(a: Finding, b: Finding): number {
  return comparePositions(a.range.start, b.range.start) || comparePositions(a.range.end, b.range.end);
}

function runRules(doc: ManifestDocument, config: LintConfig, options: LintOptions, failed: Set<string>): Finding[] {
  const out: Finding[] = [];
  for (const rule of options.rules ?? allRules()) {
    if (config.rules[rule.meta.id] === 'off') continue;
    const reports: Report[] = [];
    try {
      rule.check({
        doc,
        pod: doc.pod,
        path: options.path,
        target: options.target ?? DEFAULT_TARGET,
        workspace: options.workspace,
        report: (r) => reports.push(r),
      });
    } catch (err) {
      if (!failed.has(rule.meta.id)) {
        failed.add(rule.meta.id);
        options.onRuleFailure?.({
          rule: rule.meta.id,
          document: doc.index,
          message: err instanceof Error ? err.message : String(err),
          ...(err instanceof Error && err.stack && { stack: err.stack }),
        });
      }
      continue;
    }
    for (const report of reports) {
      if (report.needsWholeObject && doc.partial) continue;
      out.push(toFinding(rule, report, doc.index));
    }
  }
  return out;
}

function rootCauseRules(rules: readonly Rule[]): Set<string> {
  return new Set(rules.filter((r) => r.meta.rootCause).map((r) => r.meta.id));
}

function lintOne(doc: ManifestDocument, options: LintOptions, failed: Set<string>): Finding[] {
  const config = options.config ?? DEFAULT_LINT_CONFIG;
  const syntax = syntaxFindings(doc);
  const stopped = isLintable(doc) ? analysisStoppedFinding(doc) : undefined;
  const ruleFindings = !isLintable(doc) ? [] : stopped ? [stopped] : runRules(doc, config, options, failed);
  const checked = withoutKustomizeSupplied(withoutPlaceholderFindings(ruleFindings, doc.placeholders), doc);
  const raw = [...syntax, ...withoutConsequences(checked, syntax, rootCauseRules(options.rules ?? allRules()))];
  const suppressions = doc.templated ? undefined : readSuppressions(doc);
  const findings: Finding[] = [];
  for (const f of raw) {
    if (suppressions?.covers(f)) continue;
    const preset = presetSeverity(config.preset, ruleById(f.rule)?.meta, f.severity, doc);
    const severity = config.rules[f.rule] ? levelOf(config, f.rule, f.severity) : preset;
    if (severity) findings.push(severity === f.severity ? f : { ...f, severity });
  }
  if (suppressions) findings.push(...applyLevels(suppressions.problems, config));
  return findings.sort(byPosition);
}

/**
 * All findings of one document: YAML syntax, then every rule when the document is a Kubernetes object podlens
 * analyses (templated documents are skipped), after levels and suppression comments. Never throws on user input.
 * @example
 *   lintDocument(parseManifests(text).documents[0], { config }).map((f) => f.rule)
 */
export function lintDocument(doc: ManifestDocument, options: LintOptions = {}): Finding[] {
  return lintOne(doc, options, new Set());
}

/** Lints the documents of one file or one segment of it; a rule that throws is reported once, not per document. */
export function lintDocuments(docs: readonly ManifestDocument[], options: LintOptions = {}): Finding[] {
  const failed = new Set<string>();
  return docs.flatMap((doc) => lintOne(doc, options, failed));
}

/**
 * Lints a whole file: syntax findings, the single Helm/template notice, and every analysable document. Findings
 * come in the JSON contract shape of the CLI (`rule`, `severity`, `message`, `document`, `path`, `range`, plus
 * optional `related` and `fixes`), sorted by position.
 * @example
 *   lintText(text, { config, path: 'pod.yaml', kustomizePatch: false })[0]?.rule
 */
export function lintText(text: string, options: LintOptions = {}): Finding[] {
  const file = parseManifests(text, {
    path: options.path,
    kustomizePatch: options.kustomizePatch,
    kustomize: options.kustomize,
    helmTemplate: options.helmTemplate,
    nodeLimit: options.nodeLimit,
  });
  const findings = lintDocuments(file.documents, options);
  const notice = templateFinding(file);
  if (notice) findings.push(...applyLevels([notice], options.config ?? DEFAULT_LINT_CONFIG));
  return findings.sort(byPosition);
}
