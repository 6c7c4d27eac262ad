/**
 * `podlens lint <files|dirs|globs...> [--format text|json|sarif] [--level error|warning|info|hint] [--config file]
 * [--workspace DIR] [--workspace-complete] [--kubernetes-version 1.31] [--feature-gates A=true,B=false]`: the
 * editor's rules, in CI, with the workspace's other objects (the current directory tree unless --workspace says
 * otherwise) for the cross-file rules, against the target Kubernetes version. `--kustomize DIR` lints what the
 * kustomization in DIR renders instead (./kustomize).
 */
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import {
  AnalysisHost,
  lintCrossFile,
  type SegmentAnalysis,
  type SegmentExecutor,
  shiftFinding,
} from '../../shared/analysis';
import {
  type FileFacts,
  movedFacts,
  type ObjectFacts,
  objectFacts,
  sameAnswers,
  type WorkspaceObjects,
} from '../../shared/analysis/workspace';
import {
  allRuleMetas,
  byPosition,
  type Finding,
  type LintConfig,
  mergeLintConfigs,
  type RuleFailure,
  ruleDocUrl,
  targetOf,
} from '../../shared/lint';
import { type ParseOptions, parseSegmentDocuments, type Segment } from '../../shared/model';
import { kustomizeOptions } from '../kustomize';
import { loadCliConfig } from './config';
import { expandInputs, readManifest } from './files';
import { formatJson } from './format/json';
import { formatSarif } from './format/sarif';
import { formatText, LEVELS } from './format/text';
import type { CliDiagnostic, CliFileResult, LintReport, RuleInfo } from './format/types';
import type { CliIo } from './io';
import { UsageError } from './io';
import { lintKustomization, problemLines } from './kustomize';
import { LintWorkspace } from './lintWorkspace';
import { targetFlags } from './target';

const FORMATS = ['text', 'json', 'sarif'] as const;
type Format = (typeof FORMATS)[number];

export const LINT_USAGE =
  'usage: podlens lint <files|dirs|globs...>|--kustomize DIR [--format text|json|sarif] [--level error|warning|info|hint] [--config .podlens.yaml] [--workspace DIR] [--workspace-complete] [--kubernetes-version 1.31] [--feature-gates A=true]';

function toCli(f: Finding): CliDiagnostic {
  return { rule: f.rule, severity: f.severity, message: f.message, document: f.document, path: f.path, range: f.range };
}

/** A linted file's segment after its own analysis, with what the workspace reads of it. */
interface AnalysedSegment {
  segment: Segment;
  firstIndex: number;
  analysis: SegmentAnalysis | undefined;
}

/** A linted file after its own analysis: its findings, and what the index and the cross-file rules read of it. */
interface AnalysedFile {
  file: string;
  findings: readonly Finding[];
  options: ParseOptions;
  segments: AnalysedSegment[];
}

/**
 * Lints one file through the analysis host, as the editor does: the host splits, analyses and numbers documents,
 * and decides whether a big file's analysis is worth the worker pool. Each segment's analysis also reads its
 * objects for the index and runs the cross-file rules against the walked workspace where it is parsed (a worker),
 * so the file is parsed once.
 */
async function analyseFile(
  text: string,
  file: string,
  config: LintConfig,
  pool: SegmentExecutor,
  onRuleFailure: (f: RuleFailure) => void,
  workspace: { complete: boolean; files: readonly FileFacts[] },
): Promise<AnalysedFile> {
  const options = kustomizeOptions(file);
  const uri = pathToFileURL(path.resolve(file)).href;
  // One host per file: a file's kustomize context is part of its analysis, so nothing is shared across files.
  const host = new AnalysisHost(
    { config, workspace: { uri, ...workspace } },
    { optionsFor: () => ({ path: file, ...options }), onFailure: onRuleFailure, executor: pool },
  );
  host.applyChange(file, 1, [{ text }]);
  const outcome = await host.analyzeInParallel(file);
  // A pool that cannot run is an internal error, as it always was for the CLI (exit 2, one line).
  if (outcome?.error !== undefined) throw outcome.error;
  const analysis = host.snapshot();
  const findings = analysis.findings(file);
  const analyses = analysis.segmentAnalyses(file);
  const firstIndexes = analysis.firstIndexes(file);
  const segments = analysis
    .segments(file)
    .map((segment, i) => ({ segment, firstIndex: firstIndexes[i] ?? 0, analysis: analyses[i] }));
  return { file, findings, options, segments };
}

/** The file's objects as the index reads them, from its segments' analyses (a segment without one is parsed). */
function objectsOf(f: AnalysedFile, uri: string): ObjectFacts[] {
  return f.segments.flatMap(({ segment, firstIndex, analysis }) => {
    const read = analysis?.workspace?.objects;
    if (!analysis || !read) {
      const docs = parseSegmentDocuments(segment, firstIndex, { path: f.file });
      return docs.flatMap((d) => objectFacts(d, uri) ?? []);
    }
    return read.map((o) => movedFacts(o, segment.line - analysis.line, firstIndex));
  });
}

/**
 * The cross-file rules' findings over the file: a segment's findings against the walked workspace stand when the
 * whole workspace answers its rules' queries the same; the other segments are parsed and linted again with it.
 */
function crossFileFindings(f: AnalysedFile, config: LintConfig, workspace: WorkspaceObjects): Finding[] {
  const out: Finding[] = [];
  for (const { segment, firstIndex, analysis } of f.segments) {
    const { findings, queries } = analysis?.workspace ?? {};
    if (analysis && findings && queries && sameAnswers(queries, workspace)) {
      for (const finding of findings) out.push(shiftFinding(finding, segment.line - analysis.line, firstIndex));
      continue;
    }
    const docs = parseSegmentDocuments(segment, firstIndex, { path: f.file, ...f.options });
    out.push(...lintCrossFile(docs, { config, path: f.file, ...f.options, target: targetOf(config), workspace }));
  }
  return out;
}

/** The file's own findings and the cross-file rules' over its documents, sorted by position. */
function findingsOf(f: AnalysedFile, config: LintConfig, workspace: WorkspaceObjects): CliDiagnostic[] {
  return [...f.findings, ...crossFileFindings(f, config, workspace)].sort(byPosition).map(toCli);
}

/**
 * Every linted file's own analysis, then the cross-file rules once the workspace holds all of them: a linted
 * file's index facts come from the analyses of its segments.
 */
async function lintFiles(
  texts: readonly { file: string; text: string }[],
  workspace: LintWorkspace,
  complete: boolean,
  config: LintConfig,
  pool: SegmentExecutor,
  onRuleFailure: (f: RuleFailure) => void,
): Promise<CliFileResult[]> {
  const analysed: AnalysedFile[] = [];
  const walked = { complete, files: workspace.scan() };
  for (const { file, text } of texts) {
    const f = await analyseFile(text, file, config, pool, onRuleFailure, walked);
    workspace.addLinted(file, text, f.options, (uri) => objectsOf(f, uri));
    analysed.push(f);
  }
  const objects = workspace.objects(complete);
  return analysed.map((f) => ({ path: f.file, diagnostics: findingsOf(f, config, objects) }));
}

function describeRule(rule: string): RuleInfo {
  const meta = allRuleMetas().find((m) => m.id === rule);
  return { summary: meta?.summary ?? rule, severity: meta?.severity ?? 'warning', helpUri: ruleDocUrl(rule) };
}

export async function runLint(argv: string[], io: CliIo, version: string, pool: SegmentExecutor): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    options: {
      format: { type: 'string', short: 'f', default: 'text' },
      config: { type: 'string', short: 'c' },
      level: { type: 'string', short: 'l', default: 'warning' },
      'kubernetes-version': { type: 'string' },
      'feature-gates': { type: 'string' },
      workspace: { type: 'string', short: 'w' },
      'workspace-complete': { type: 'boolean', default: false },
      kustomize: { type: 'string', short: 'k' },
    },
    allowPositionals: true,
  });
  const format = values.format as Format;
  if (!FORMATS.includes(format)) throw new UsageError(`unknown --format "${values.format}" (text, json or sarif)`);
  const level = LEVELS.find((l) => l === values.level);
  if (!level) throw new UsageError(`unknown --level "${values.level}" (error, warning, info or hint)`);
  if (values.kustomize !== undefined && positionals.length > 0)
    throw new UsageError(`lint: --kustomize lints the rendered kustomization, not files (${LINT_USAGE})`);
  if (positionals.length === 0 && values.kustomize === undefined)
    throw new UsageError(`lint: no files given (${LINT_USAGE})`);

  const flags = targetFlags(values['kubernetes-version'], values['feature-gates']);
  const { config: fileConfig, file: configFile } = loadCliConfig(values.config);
  const config = mergeLintConfigs(fileConfig, flags);
  const { files, problems } = expandInputs(positionals);
  const results: CliFileResult[] = [];
  const notes: string[] = [];
  if (values.kustomize !== undefined) {
    const rendered = lintKustomization(values.kustomize, config);
    results.push(...rendered.files);
    // What the preview cannot render is said, not failed on: a generator is normal in a kustomization.
    notes.push(...problemLines(rendered.problems));
  }
  // A rule that throws is a podlens bug: its findings are missing, so CI must not pass silently (exit 2, one line).
  const failedRules = new Map<string, string>();
  const onRuleFailure = (f: RuleFailure) => {
    if (!failedRules.has(f.rule)) failedRules.set(f.rule, f.message.split('\n')[0] ?? '');
  };
  if (configFile?.findings.length) {
    results.push({ path: configFile.path, diagnostics: configFile.findings.map(toCli) });
  }
  const texts: { file: string; text: string }[] = [];
  for (const file of files) {
    const read = readManifest(file);
    if (read.ok) texts.push({ file, text: read.text });
    else problems.push({ path: file, message: read.message });
  }
  // The rendered kustomization alone needs no workspace index: reading the tree would only cost time.
  if (texts.length > 0 || values.kustomize === undefined) {
    const dir = values.workspace ?? '.';
    if (!fs.statSync(dir, { throwIfNoEntry: false })?.isDirectory())
      throw new UsageError(`--workspace "${dir}" is not a directory`);
    const workspace = new LintWorkspace(dir, new Set(texts.map(({ file }) => path.resolve(file))));
    const complete = values['workspace-complete'] ?? false;
    results.push(...(await lintFiles(texts, workspace, complete, config, pool, onRuleFailure)));
  }
  const report: LintReport = { version: 1, files: results };
  if (results.length > 0 || format !== 'text') {
    if (format === 'json') io.stdout(formatJson(report));
    else if (format === 'sarif') {
      io.stdout(formatSarif(report, version, describeRule));
    } else io.stdout(formatText(report, level));
  }
  for (const line of notes) io.stderr(line);
  for (const p of problems) io.stderr(`podlens: ${p.path}: ${p.message}`);
  for (const [rule, message] of failedRules) {
    io.stderr(
      `podlens: internal error: rule ${rule} failed (${message}); its findings are missing. ` +
        'Turn it off in .podlens.yaml to lint without it.',
    );
  }
  if (problems.length > 0 || failedRules.size > 0) return 2;
  return results.some((r) => r.diagnostics.some((d) => d.severity === 'error')) ? 1 : 0;
}
