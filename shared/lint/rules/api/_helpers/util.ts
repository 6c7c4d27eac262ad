/**
 * Shared pieces of the API-validation rules: alias-aware AST access by field path, the API server's error wording
 * (`spec.x: Invalid value: "y": detail`), and the one place that knows which checks only Pods get: on a template
 * they become warnings, because the object is accepted and every Pod its controller creates is rejected.
 */
import { isMap, isScalar, type Node, type Pair, type YAMLMap } from 'yaml';
import { minorAtLeast } from '../../../../k8s/version/reads';
import type { ManifestDocument } from '../../../../model';
import { type FieldPath, formatPath, type Range } from '../../../../util/range';
import { type JsonScalar, resolveScalar } from '../../../../yaml/scalar';
import type { Report, RuleContext } from '../../../types';

/** The (dereferenced) node at a field path, following aliases; undefined when any step is missing. */
function nodeAt(doc: ManifestDocument, path: FieldPath): Node | undefined {
  let cur: Node | undefined = doc.ctx.deref(doc.ast.contents);
  for (const seg of path) {
    if (typeof seg === 'number') cur = doc.ctx.deref(doc.ctx.asSeq(cur)?.items[seg]);
    else cur = doc.ctx.get(doc.ctx.asMap(cur), seg);
    if (!cur) return undefined;
  }
  return cur;
}

export function mapAt(doc: ManifestDocument, path: FieldPath): YAMLMap | undefined {
  const n = nodeAt(doc, path);
  return isMap(n) ? n : undefined;
}

/** The pair for `key` in the map at `path`, with its key and value ranges. */
export function pairAt(
  doc: ManifestDocument,
  path: FieldPath,
  key: string,
): { pair: Pair; keyRange: Range; valueRange: Range; value: Node | undefined } | undefined {
  const pair = doc.ctx.pair(mapAt(doc, path), key);
  if (!pair) return undefined;
  const keyRange = doc.ctx.range(pair.key as Node) as Range;
  return {
    pair,
    keyRange,
    valueRange: doc.ctx.range(pair.value as Node) ?? keyRange,
    value: doc.ctx.deref(pair.value),
  };
}

/** The JSON value of a scalar node as kubectl sends it, or undefined for maps, lists and nothing. */
export function scalarOf(node: Node | undefined): JsonScalar | undefined {
  return isScalar(node) ? resolveScalar(node) : undefined;
}

/** Non-null keys of a map, in source order (a key written with no value decodes to nil: it is not set). */
export function setKeys(doc: ManifestDocument, map: YAMLMap | undefined): { key: string; keyRange: Range }[] {
  const out: { key: string; keyRange: Range }[] = [];
  for (const pair of map?.items ?? []) {
    const key = doc.ctx.keyText(pair);
    const value = doc.ctx.deref(pair.value);
    if (key === undefined || !value || scalarOf(value)?.type === 'null') continue;
    out.push({ key, keyRange: doc.ctx.range(pair.key as Node) as Range });
  }
  return out;
}

/**
 * Where a finding about a missing field of a map goes: the map's first key (a block map's own range runs to the
 * next line), or the whole node when it has none (`{}`).
 */
export function entryRange(doc: ManifestDocument, map: YAMLMap): Range | undefined {
  const first = map.items[0]?.key as Node | undefined;
  return doc.ctx.range(first) ?? doc.ctx.range(map);
}

/** A Go value as field errors print it: strings quoted, numbers bare. */
function shown(value: string | number): string {
  return typeof value === 'string' ? JSON.stringify(value) : String(value);
}

/** `field.Invalid`: `spec.x: Invalid value: "y": detail`. */
export function invalid(path: FieldPath, value: string | number, detail: string): string {
  return `${formatPath(path)}: Invalid value: ${shown(value)}: ${detail}`;
}

/** `field.Required`: `spec.x: Required value` (+ `: detail`). */
export function required(path: FieldPath, detail = ''): string {
  return `${formatPath(path)}: Required value${detail ? `: ${detail}` : ''}`;
}

/** `field.Forbidden`: `spec.x: Forbidden: detail`. */
export function forbidden(path: FieldPath, detail: string): string {
  return `${formatPath(path)}: Forbidden: ${detail}`;
}

/** `field.Duplicate`: `spec.x: Duplicate value: "y"`. */
export function duplicate(path: FieldPath, value: string | number): string {
  return `${formatPath(path)}: Duplicate value: ${shown(value)}`;
}

/** `field.NotSupported`: `spec.x: Unsupported value: "y": supported values: "a", "b"`. */
export function notSupported(path: FieldPath, value: string, supported: readonly string[]): string {
  return `${formatPath(path)}: Unsupported value: ${JSON.stringify(value)}: supported values: ${supported.map((s) => JSON.stringify(s)).join(', ')}`;
}

/** `field.NotFound`: `spec.x: Not found: "y"`. */
export function notFound(path: FieldPath, value: string): string {
  return `${formatPath(path)}: Not found: ${JSON.stringify(value)}`;
}

/**
 * The first minor whose API server validates a StatefulSet's pod spec on create: kubernetes PR #131790 (v1.34) made
 * apps `ValidatePodTemplateSpecForStatefulSet` call ValidatePodTemplateSpec; before it only the template's labels,
 * restartPolicy and activeDeadlineSeconds were checked.
 */
export const STATEFULSET_SPEC_VALIDATED_FROM = 34;

/**
 * Reports a finding about the pod spec. Every pod template is validated like a Pod's spec when its object is
 * created, so the finding keeps the rule's severity wherever the spec sits; except a StatefulSet's before
 * {@link STATEFULSET_SPEC_VALIDATED_FROM}, which is accepted and whose Pods are rejected (as {@link reportPodOnly}).
 */
export function reportPodSpec(ctx: RuleContext, report: Report): void {
  const severity = report.severity ?? 'error';
  if (
    ctx.pod?.workload === 'StatefulSet' &&
    severity === 'error' &&
    !minorAtLeast(ctx.target, STATEFULSET_SPEC_VALIDATED_FROM)
  )
    downgrade(ctx, report, 'StatefulSet');
  else ctx.report(report);
}

function downgrade(ctx: RuleContext, report: Report, kind: string): void {
  ctx.report({
    ...report,
    severity: 'warning',
    message: `every Pod this ${kind} creates will be rejected: ${report.message}`,
  });
}

/**
 * Reports a check that only Pods get (`opts.ResourceIsPod`, validateContainerOnlyForPod): an error on a Pod; on a
 * template a warning, since the object is accepted and every Pod its controller creates is rejected.
 */
export function reportPodOnly(ctx: RuleContext, report: Report): void {
  const kind = ctx.pod?.workload;
  if (!kind || kind === 'Pod') ctx.report(report);
  else downgrade(ctx, report, kind);
}
