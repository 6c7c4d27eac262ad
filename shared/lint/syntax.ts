/** Syntax issues of the manifest model as findings (rule `yaml-syntax`, and `helm-template` for templates). */
import type { ManifestDocument, ManifestFile } from '../model';
import type { Finding } from './types';

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
