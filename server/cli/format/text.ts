/** `--format text`: `file:line:col severity rule message`, grouped by file, then a summary line. */
import type { Severity } from '../../../shared/util/range';
import type { LintReport } from './types';

const ORDER: Severity[] = ['error', 'warning', 'info', 'hint'];

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

export function formatText(report: LintReport): string {
  const lines: string[] = [];
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0, hint: 0 };
  let filesWithFindings = 0;
  for (const file of report.files) {
    if (file.diagnostics.length === 0) continue;
    filesWithFindings++;
    if (lines.length) lines.push('');
    const sorted = [...file.diagnostics].sort(
      (a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character,
    );
    for (const d of sorted) {
      counts[d.severity]++;
      const at = `${file.path}:${d.range.start.line + 1}:${d.range.start.character + 1}`;
      lines.push(`${at} ${d.severity} ${d.rule} ${d.message}`);
    }
  }
  const total = ORDER.reduce((n, s) => n + counts[s], 0);
  const detail = ORDER.map((s) => plural(counts[s], s)).join(', ');
  const checked = plural(report.files.length, 'file');
  lines.push(
    total === 0
      ? `${lines.length ? '\n' : ''}podlens: no problems in ${checked}`
      : `\npodlens: ${plural(total, 'problem')} (${detail}) in ${plural(filesWithFindings, 'file')} of ${checked}`,
  );
  return `${lines.join('\n')}\n`;
}
