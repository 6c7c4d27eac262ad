/**
 * Findings that the kustomization building a file makes moot: kustomize adds the selector and template labels
 * (`commonLabels`, `labels` with `includeSelectors`/`includeTemplates`), sets the namespace and the replicas, so a
 * base that leaves them out, or leaves them to it, is not wrong. The rest of the object is checked as written.
 */
import { isScalar } from 'yaml';
import { type ManifestDocument, mapAt } from '../model';
import type { Finding } from './types';

/** Rules about a selector that is missing or does not match its template's labels. */
const SELECTOR_RULES = new Set(['missing-required-field', 'selector-mismatch']);

function writtenSelector(doc: ManifestDocument): Map<string, string> | undefined {
  const root = doc.ctx.asMap(doc.ast.contents);
  const rc = doc.workload === 'ReplicationController';
  const map = mapAt(doc.ctx, root, rc ? ['spec', 'selector'] : ['spec', 'selector', 'matchLabels']);
  const out = new Map<string, string>();
  for (const pair of map?.items ?? []) {
    const key = doc.ctx.keyText(pair);
    const value = doc.ctx.deref(pair.value);
    if (key === undefined || !isScalar(value)) return undefined;
    out.set(key, String(value.value));
  }
  return out;
}

/** Whether kustomize's labels make the written selector (or its absence) match the template's labels. */
function selectorSettled(doc: ManifestDocument): boolean {
  const k = doc.kustomize;
  if (!k || Object.keys(k.selectorLabels).length === 0) return false;
  const selector = writtenSelector(doc);
  if (!selector) return false;
  const template = new Map<string, string>(Object.entries({ ...k.templateLabels, ...k.selectorLabels }));
  for (const [key, label] of doc.pod?.podMetadata.labels ?? []) {
    if (!template.has(key) && label.value.kind === 'value') template.set(key, label.value.value);
  }
  return [...selector].every(([key, value]) => template.get(key) === value);
}

function objectName(doc: ManifestDocument): string | undefined {
  const name = doc.pod?.metadata.name;
  return name?.kind === 'value' ? name.value : undefined;
}

/**
 * Findings without those about fields the document's kustomization supplies.
 * @example withoutKustomizeSupplied(findings, doc) // no "missing selector" under commonLabels
 */
export function withoutKustomizeSupplied(findings: readonly Finding[], doc: ManifestDocument): Finding[] {
  const k = doc.kustomize;
  if (!k) return [...findings];
  const settled = selectorSettled(doc);
  const name = objectName(doc);
  const replicas = name !== undefined && k.replicas.some((r) => r.name === name);
  return findings.filter((f) => {
    if (settled && SELECTOR_RULES.has(f.rule) && /^spec\.(selector|template\.metadata)/.test(f.path)) return false;
    if (k.namespace !== undefined && f.path === 'metadata.namespace') return false;
    if (replicas && f.path === 'spec.replicas') return false;
    return true;
  });
}
