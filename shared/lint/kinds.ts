/**
 * Which documents the rules see and which schema type they are checked against. A Kubernetes object (apiVersion and
 * kind) is linted; so is a pod-carrying manifest whose `apiVersion` or `kind` key is misspelled (`Version: v1`):
 * kubectl rejects it ("apiVersion not set"), and without this the user would get no diagnostic at all.
 */
import { isScalar, type Node, type YAMLMap } from 'yaml';
import { rootTypeOf } from '../k8s/schema';
import { CURRENT_API_VERSION, type ManifestDocument, WORKLOAD_KINDS, type WorkloadKind } from '../model';
import type { Range } from '../util/range';
import { resolveScalar } from '../yaml/scalar';
import { suggest } from './suggest';

export { CURRENT_API_VERSION };

function isWorkloadKind(kind: string | undefined): kind is WorkloadKind {
  return kind !== undefined && (WORKLOAD_KINDS as readonly string[]).includes(kind);
}

export interface ObjectKey {
  /** The key as written (`Version`, `apiVersion`). */
  key: string;
  keyRange: Range;
  /** The string value, if it is one. */
  value?: string;
  valueRange?: Range;
}

/** The root pair whose key is `name`, or else the one misspelling it (`Version`, `apiversion`, `Kind`). */
export function objectKey(doc: ManifestDocument, name: 'apiVersion' | 'kind'): ObjectKey | undefined {
  const root = doc.ctx.asMap(doc.ast.contents);
  if (!root) return undefined;
  const exact = doc.ctx.pair(root, name);
  const pair = exact ?? nearMiss(doc, root, name);
  if (!pair) return undefined;
  const keyRange = doc.ctx.range(pair.key as Node) as Range;
  const v = doc.ctx.deref(pair.value);
  const resolved = isScalar(v) ? resolveScalar(v) : undefined;
  return {
    key: doc.ctx.keyText(pair) ?? name,
    keyRange,
    ...(resolved?.type === 'string' && { value: resolved.value, valueRange: doc.ctx.range(v) }),
  };
}

function nearMiss(doc: ManifestDocument, root: YAMLMap, name: string) {
  for (const pair of root.items) {
    const key = doc.ctx.keyText(pair);
    if (key && key !== name && suggest(key, [name]) === name) return pair;
  }
  return undefined;
}

/** A pod-carrying manifest whose apiVersion or kind key is misspelled or missing. */
function isMisspelledManifest(doc: ManifestDocument): boolean {
  const root = doc.ctx.asMap(doc.ast.contents);
  if (!root) return false;
  const kind = objectKey(doc, 'kind');
  if (!isWorkloadKind(kind?.value)) return false;
  const apiVersion = objectKey(doc, 'apiVersion');
  // A near-miss key, or at least the shape of a manifest around the kind.
  return (
    (apiVersion !== undefined && (apiVersion.key !== 'apiVersion' || kind?.key !== 'kind')) ||
    (apiVersion === undefined && doc.ctx.pair(root, 'spec') !== undefined)
  );
}

/** Documents the rules run on: Kubernetes objects and misspelled pod manifests, never templated documents. */
export function isLintable(doc: ManifestDocument): boolean {
  if (doc.templated) return false;
  return doc.isKubernetes || isMisspelledManifest(doc);
}

/**
 * Whether a group version belongs to Kubernetes itself: the core `v1`, a group without a dot (`apps`, `batch`) or
 * one under `k8s.io`. Any other group (`apps.kruise.io`) is a CustomResourceDefinition's, which may well serve a kind
 * named DaemonSet or StatefulSet: only the cluster it is installed in knows.
 */
export function isBuiltInGroup(apiVersion: string): boolean {
  const slash = apiVersion.indexOf('/');
  if (slash === -1) return true;
  const group = apiVersion.slice(0, slash);
  return !group.includes('.') || group === 'k8s.io' || group.endsWith('.k8s.io');
}

/**
 * The schema type a document is checked against: its own apiVersion/kind, else the kind's current version (a
 * removed apiVersion such as `extensions/v1beta1` is checked as what it must become), else nothing: a custom
 * resource group's DaemonSet has its own schema.
 */
export function rootTypeFor(doc: ManifestDocument): string | undefined {
  const kind = objectKey(doc, 'kind')?.value;
  if (kind === undefined) return undefined;
  const apiVersion = objectKey(doc, 'apiVersion')?.value;
  const exact = apiVersion !== undefined ? rootTypeOf(apiVersion, kind) : undefined;
  return (
    exact ??
    (isWorkloadKind(kind) && (apiVersion === undefined || isBuiltInGroup(apiVersion))
      ? rootTypeOf(CURRENT_API_VERSION[kind], kind)
      : undefined)
  );
}
