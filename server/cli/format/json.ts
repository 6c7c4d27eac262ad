/** `--format json`: the stable contract `{"version":1,"files":[{"path","diagnostics":[...]}]}`. */
import type { LintReport } from './types';

export function formatJson(report: LintReport): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}
