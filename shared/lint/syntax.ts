/**
 * Syntax issues of the manifest model as findings (rule `yaml-syntax`, `helm-template` for templates and
 * `analysis-stopped` for a document over the analysis budget).
 */
import type { ManifestDocument, ManifestFile } from '../model';
import type { Finding } from './types';

/** The one notice on a document too big to analyse (ManifestDocument.tooComplex), at its start. */
export function analysisStoppedFinding(doc: ManifestDocument): Finding | undefined {
  const budget = doc.tooComplex;
  if (!budget) return undefined;
  // Digit groups by hand: the core does not depend on the host's locale data.
  const count = (n: number) => String(n).replace(/\B(?=(\d{3})+$)/g, ',');
  return {
    rule: 'analysis-stopped',
    severity: 'info',
    message: `Analysis stopped: this document is too complex to analyse (${count(budget.nodes)} nodes, limit ${count(budget.limit)})`,
    detail:
      'Only its YAML syntax is checked; hover shows field docs without effective values, and there is no lifecycle preview. Split the document or move bulk data out of it.',
    range: { start: doc.range.start, end: doc.range.start },
    path: '',
    document: doc.index,
  };
}

export function syntaxFindings(doc: ManifestDocument): Finding[] {
  // A templated document's syntax errors come from the template markers; one notice per file covers them.
  if (doc.templated) return [];
  // YAML that does not say it is a Kubernetes object (compose files, CI configs) is none of podlens' business,
  // broken or not: other tools own its syntax.
  if (doc.apiVersion.kind === 'absent' && doc.kind.kind === 'absent') return [];
  return doc.issues.map((i) => ({
    rule: 'yaml-syntax',
    severity: i.severity,
    message: i.message,
    range: i.range,
    path: '',
    document: doc.index,
  }));
}

export function templateFinding(file: Pick<ManifestFile, 'templateNotice'>): Finding | undefined {
  const n = file.templateNotice;
  if (!n) return undefined;
  return {
    rule: 'helm-template',
    severity: 'info',
    message: n.message,
    detail: 'They are templates, not manifests. Render them (helm template) to lint the result.',
    range: n.range,
    path: '',
    document: 0,
  };
}
