/**
 * `podlens lint <files|dirs|globs...> [--format text|json|sarif] [--level error|warning|info|hint] [--config file]
 * [--kubernetes-version 1.31] [--feature-gates A=true,B=false]`: the editor's rules, in CI.
 */
import { parseArgs } from 'node:util';
import {
  allRuleMetas,
  byPosition,
  type Finding,
  type LintConfig,
  lintText,
  mergeLintConfigs,
  type RuleFailure,
  ruleDocUrl,
  targetOf,
} from '../../shared/lint';
import { splitSegments } from '../../shared/model';
import { type AnalysisPool, POOL_MIN_SEGMENTS } from '../analysisPool';
import { ManifestStore } from '../documents';
import { kustomizeOptions } from '../kustomize';
import { loadCliConfig } from './config';
import { expandInputs, readManifest } from './files';
import { formatJson } from './format/json';
import { formatSarif } from './format/sarif';
import { formatText, LEVELS } from './format/text';
import type { CliDiagnostic, CliFileResult, LintReport, RuleInfo } from './format/types';
import type { CliIo } from './io';
import { UsageError } from './io';
import { targetFlags } from './target';

const FORMATS = ['text', 'json', 'sarif'] as const;
type Format = (typeof FORMATS)[number];

export const LINT_USAGE =
  'usage: podlens lint <files|dirs|globs...> [--format text|json|sarif] [--level error|warning|info|hint] [--config .podlens.yaml] [--kubernetes-version 1.31] [--feature-gates A=true]';

function toCli(f: Finding): CliDiagnostic {
  return { rule: f.rule, severity: f.severity, message: f.message, document: f.document, path: f.path, range: f.range };
}

/**
 * Lints one file. A big multi-document file goes through the server's segment store and worker pool, so the
 * CLI and the editor split, analyse and number documents the same way; findings come out sorted by position
 * like lintText's.
 */
async function lintFile(
  text: string,
  file: string,
  config: LintConfig,
  pool: AnalysisPool,
  onRuleFailure: (f: RuleFailure) => void,
): Promise<CliDiagnostic[]> {
  const kustomize = kustomizeOptions(file);
  if (splitSegments(text).length < POOL_MIN_SEGMENTS) {
    return lintText(text, { config, target: targetOf(config), path: file, ...kustomize, onRuleFailure }).map(toCli);
  }
  const spec = { config };
  const store = new ManifestStore(spec, () => ({ path: file, ...kustomize }), onRuleFailure);
  store.update(file, text, 1);
  const pending = store.pending(file);
  store.accept(file, pending, await pool.analyze(pending, spec, store.parseOptions(file)), spec);
  return [...store.findings(file)].sort(byPosition).map(toCli);
}

function describeRule(rule: string): RuleInfo {
  const meta = allRuleMetas().find((m) => m.id === rule);
  return { summary: meta?.summary ?? rule, severity: meta?.severity ?? 'warning', helpUri: ruleDocUrl(rule) };
}

export async function runLint(argv: string[], io: CliIo, version: string, pool: AnalysisPool): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    options: {
      format: { type: 'string', short: 'f', default: 'text' },
      config: { type: 'string', short: 'c' },
      level: { type: 'string', short: 'l', default: 'warning' },
      'kubernetes-version': { type: 'string' },
      'feature-gates': { type: 'string' },
    },
    allowPositionals: true,
  });
  const format = values.format as Format;
  if (!FORMATS.includes(format)) throw new UsageError(`unknown --format "${values.format}" (text, json or sarif)`);
  const level = LEVELS.find((l) => l === values.level);
  if (!level) throw new UsageError(`unknown --level "${values.level}" (error, warning, info or hint)`);
  if (positionals.length === 0) throw new UsageError(`lint: no files given (${LINT_USAGE})`);

  const flags = targetFlags(values['kubernetes-version'], values['feature-gates']);
  const { config: fileConfig, file: configFile } = loadCliConfig(values.config);
  const config = mergeLintConfigs(fileConfig, flags);
  const { files, problems } = expandInputs(positionals);
  const results: CliFileResult[] = [];
  // A rule that throws is a podlens bug: its findings are missing, so CI must not pass silently (exit 2, one line).
  const failedRules = new Map<string, string>();
  const onRuleFailure = (f: RuleFailure) => {
    if (!failedRules.has(f.rule)) failedRules.set(f.rule, f.message.split('\n')[0] ?? '');
  };
  if (configFile?.findings.length) {
    results.push({ path: configFile.path, diagnostics: configFile.findings.map(toCli) });
  }
  for (const file of files) {
    const read = readManifest(file);
    if (!read.ok) {
      problems.push({ path: file, message: read.message });
      continue;
    }
    results.push({ path: file, diagnostics: await lintFile(read.text, file, config, pool, onRuleFailure) });
  }
  const report: LintReport = { version: 1, files: results };
  if (results.length > 0 || format !== 'text') {
    if (format === 'json') io.stdout(formatJson(report));
    else if (format === 'sarif') {
      io.stdout(formatSarif(report, version, describeRule));
    } else io.stdout(formatText(report, level));
  }
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
