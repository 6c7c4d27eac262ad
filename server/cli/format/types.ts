/** The CLI's lint results: the JSON contract (`version: 1`), shared by every output format. */
import type { Range, Severity } from '../../../shared/util/range';

export interface CliDiagnostic {
  rule: string;
  severity: Severity;
  message: string;
  document: number;
  path: string;
  range: Range;
}

export interface CliFileResult {
  path: string;
  diagnostics: CliDiagnostic[];
}

export interface LintReport {
  version: 1;
  files: CliFileResult[];
}

export interface RuleInfo {
  summary: string;
  severity: Severity;
  helpUri: string;
}
