/**
 * `--format text`: `file:line:col severity rule message`, grouped by file, then a summary line. Like kube-linter,
 * only errors and warnings are listed by default; infos and hints are counted in one line (`--level` lists them).
 */
import type { Severity } from '../../../shared/util/range';
import type { LintReport } from './types';

export const LEVELS: readonly Severity[] = ['error', 'warning', 'info', 'hint'];

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

function hiddenNote(counts: Record<Severity, number>, level: Severity): string {
  const hidden = LEVELS.slice(LEVELS.indexOf(level) + 1).filter((s) => counts[s] > 0);
  if (hidden.length === 0) return '';
  const lowest = hidden[hidden.length - 1];
  const parts = hidden.map((s) => plural(counts[s], s));
  const what = parts.length > 1 ? `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}` : parts[0];
  return `\npodlens: ${what} not shown (--level ${lowest} lists them)`;
}

/** The text report, listing findings of `level` and above. */
export function formatText(report: LintReport, level: Severity = 'warning'): string {
  const lines: string[] = [];
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0, hint: 0 };
  const shown = new Set(LEVELS.slice(0, LEVELS.indexOf(level) + 1));
  let filesWithFindings = 0;
  for (const file of report.files) {
    if (file.diagnostics.length === 0) continue;
    filesWithFindings++;
    const sorted = file.diagnostics
      .filter((d) => shown.has(d.severity))
      .sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
    if (lines.length && sorted.length) lines.push('');
    for (const d of file.diagnostics) counts[d.severity]++;
    for (const d of sorted) {
      const at = `${file.path}:${d.range.start.line + 1}:${d.range.start.character + 1}`;
      lines.push(`${at} ${d.severity} ${d.rule} ${d.message}`);
    }
  }
  const total = LEVELS.reduce((n, s) => n + counts[s], 0);
  const detail = LEVELS.map((s) => plural(counts[s], s)).join(', ');
  const checked = plural(report.files.length, 'file');
  lines.push(
    total === 0
      ? `${lines.length ? '\n' : ''}podlens: no problems in ${checked}`
      : `${lines.length ? '\n' : ''}podlens: ${plural(total, 'problem')} (${detail}) in ${plural(filesWithFindings, 'file')} of ${checked}${hiddenNote(counts, level)}`,
  );
  return `${lines.join('\n')}\n`;
}
