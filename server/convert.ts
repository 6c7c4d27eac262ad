/** The only place that knows both podlens findings and LSP types. */
import { type Diagnostic, DiagnosticSeverity } from 'vscode-languageserver';
import type { Finding } from '../shared/lint';
import { ruleDocUrl } from '../shared/lint';
import type { Severity } from '../shared/util/range';

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

export function toDiagnostic(f: Finding, uri: string): Diagnostic {
  const d: Diagnostic = {
    range: f.range,
    severity: SEVERITY[f.severity],
    source: 'podlens',
    code: f.rule,
    codeDescription: { href: ruleDocUrl(f.rule) },
    message: f.message,
  };
  if (f.related?.length) {
    d.relatedInformation = f.related.map((r) => ({ location: { uri, range: r.range }, message: r.message }));
  }
  return d;
}
