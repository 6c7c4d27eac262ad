/** `podlens lint <files|dirs|globs...> [--format text|json|sarif]`: the editor's rules, in CI. */
import { parseArgs } from 'node:util';
import type { Finding } from '../../shared/lint';
import { lintDocument, ruleDocUrl, templateFinding } from '../../shared/lint';
import { isAnalysable, parseManifests } from '../../shared/model';
import { isKustomizePatch } from '../kustomize';
import { expandInputs, readManifest } from './files';
import { formatJson } from './format/json';
import { formatSarif } from './format/sarif';
import { formatText } from './format/text';
import type { CliFileResult, LintReport } from './format/types';
import type { CliIo } from './io';
import { UsageError } from './io';

const FORMATS = ['text', 'json', 'sarif'] as const;
type Format = (typeof FORMATS)[number];

export const LINT_USAGE = 'usage: podlens lint <files|dirs|globs...> [--format text|json|sarif]';

function lintFile(text: string, file: string): Finding[] {
  const parsed = parseManifests(text, { path: file, kustomizePatch: isKustomizePatch(file) });
  const findings = parsed.documents.flatMap((d) => (isAnalysable(d) || d.issues.length ? lintDocument(d) : []));
  const notice = templateFinding(parsed);
  return notice ? [...findings, notice] : findings;
}

export function runLint(argv: string[], io: CliIo, version: string): number {
  const { values, positionals } = parseArgs({
    args: argv,
    options: { format: { type: 'string', short: 'f', default: 'text' } },
    allowPositionals: true,
  });
  const format = values.format as Format;
  if (!FORMATS.includes(format)) throw new UsageError(`unknown --format "${values.format}" (text, json or sarif)`);
  if (positionals.length === 0) throw new UsageError(`lint: no files given (${LINT_USAGE})`);

  const { files, problems } = expandInputs(positionals);
  const results: CliFileResult[] = [];
  for (const file of files) {
    const read = readManifest(file);
    if (!read.ok) {
      problems.push({ path: file, message: read.message });
      continue;
    }
    const diagnostics = lintFile(read.text, file).map((f) => ({
      rule: f.rule,
      severity: f.severity,
      message: f.message,
      document: f.document,
      path: f.path,
      range: f.range,
    }));
    results.push({ path: file, diagnostics });
  }
  const report: LintReport = { version: 1, files: results };
  if (results.length > 0 || format !== 'text') {
    if (format === 'json') io.stdout(formatJson(report));
    else if (format === 'sarif') {
      io.stdout(
        formatSarif(report, version, (rule) => ({ summary: rule, severity: 'warning', helpUri: ruleDocUrl(rule) })),
      );
    } else io.stdout(formatText(report));
  }
  for (const p of problems) io.stderr(`podlens: ${p.path}: ${p.message}`);
  if (problems.length > 0) return 2;
  return results.some((r) => r.diagnostics.some((d) => d.severity === 'error')) ? 1 : 0;
}
