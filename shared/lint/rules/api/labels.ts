/**
 * Labels and annotations (ValidateLabels, ValidateAnnotations, ValidatePodSpecificAnnotations). `invalid-label`:
 * keys are qualified names (upper case allowed in the name part), values at most 63 characters of the label
 * alphabet (empty is fine), in metadata.labels, the template's labels, spec.nodeSelector and a selector's
 * matchLabels; the API reports them on the map path (`metadata.labels: Invalid value: "bad key": …`).
 * `invalid-annotation`: keys are qualified names after lower-casing, all keys and values together at most 256 KiB,
 * and `controller.kubernetes.io/pod-deletion-cost` a 32-bit integer.
 */
import type { Node } from 'yaml';
import { byteLength, isAnnotationKey, isLabelValue, isQualifiedName } from '../../../k8s/names';
import type { MetadataView } from '../../../model';
import { type FieldPath, formatPath, type Range } from '../../../util/range';
import type { Rule, RuleContext } from '../../types';
import { invalid, mapAt, pairAt, scalarOf } from './_helpers/util';

interface StringMap {
  path: FieldPath;
  entries: { key: string; keyRange: Range; value?: string; valueRange?: Range }[];
}

/** A string map read from the AST (`spec.nodeSelector`, `spec.selector.matchLabels`). */
function readMap(ctx: RuleContext, path: FieldPath): StringMap | undefined {
  const m = mapAt(ctx.doc, path);
  if (!m) return undefined;
  const entries: StringMap['entries'] = [];
  for (const pair of m.items) {
    const key = ctx.doc.ctx.keyText(pair);
    const keyRange = ctx.doc.ctx.range(pair.key as Node);
    if (key === undefined || !keyRange) continue;
    const s = scalarOf(ctx.doc.ctx.deref(pair.value));
    entries.push({
      key,
      keyRange,
      ...(s?.type === 'string' && { value: s.value, valueRange: ctx.doc.ctx.range(pair.value as Node) }),
    });
  }
  return { path, entries };
}

function fromMetadata(meta: MetadataView, key: 'labels' | 'annotations'): StringMap {
  const entries: StringMap['entries'] = [];
  for (const [k, v] of meta[key]) {
    entries.push({
      key: k,
      keyRange: v.keyRange,
      ...(v.value.kind === 'value' && { value: v.value.value, valueRange: v.value.range }),
    });
  }
  return { path: [...meta.path, key], entries };
}

function labelMaps(ctx: RuleContext): StringMap[] {
  const pod = ctx.pod;
  if (!pod) return [];
  const maps = [fromMetadata(pod.metadata, 'labels')];
  if (pod.workload !== 'Pod') maps.push(fromMetadata(pod.podMetadata, 'labels'));
  const optional = [readMap(ctx, [...pod.specPath, 'nodeSelector'])];
  if (pod.workload !== 'Pod' && pod.workload !== 'ReplicationController' && pod.workload !== 'CronJob') {
    optional.push(readMap(ctx, ['spec', 'selector', 'matchLabels']));
  }
  return [...maps, ...optional.filter((m): m is StringMap => m !== undefined)];
}

export const invalidLabelRule: Rule = {
  meta: {
    id: 'invalid-label',
    family: 'api-validation',
    severity: 'error',
    summary: 'A label key or value the API server rejects (syntax, 63-character limit).',
  },
  check(ctx) {
    for (const map of labelMaps(ctx)) {
      const where = formatPath(map.path);
      for (const e of map.entries) {
        for (const msg of isQualifiedName(e.key)) {
          ctx.report({
            path: map.path,
            range: e.keyRange,
            message: `${where}: Invalid value: ${JSON.stringify(e.key)}: ${msg}`,
          });
        }
        if (e.value === undefined || !e.valueRange) continue;
        for (const msg of isLabelValue(e.value)) {
          ctx.report({
            path: map.path,
            range: e.valueRange,
            message: `${where}: Invalid value: ${JSON.stringify(e.value)}: ${msg}`,
          });
        }
      }
    }
  },
};

const TOTAL_ANNOTATION_SIZE = 256 * 1024;
const DELETION_COST = 'controller.kubernetes.io/pod-deletion-cost';

export const invalidAnnotationRule: Rule = {
  meta: {
    id: 'invalid-annotation',
    family: 'api-validation',
    severity: 'error',
    summary:
      'An annotation key the API server rejects, annotations above 256 KiB in total, or a bad pod-deletion-cost.',
  },
  check(ctx) {
    const pod = ctx.pod;
    if (!pod) return;
    const metas = pod.workload === 'Pod' ? [pod.metadata] : [pod.metadata, pod.podMetadata];
    for (const meta of metas) {
      const map = fromMetadata(meta, 'annotations');
      const where = formatPath(map.path);
      let total = 0;
      for (const e of map.entries) {
        for (const msg of isAnnotationKey(e.key)) {
          ctx.report({
            path: map.path,
            range: e.keyRange,
            message: `${where}: Invalid value: ${JSON.stringify(e.key)}: ${msg}`,
          });
        }
        total += byteLength(e.key) + byteLength(e.value ?? '');
        // ValidatePodSpecificAnnotations (Pods and pod templates): strconv.ParseInt(value, 10, 32).
        if (
          e.key === DELETION_COST &&
          (pod.workload === 'Pod' || meta === pod.podMetadata) &&
          e.value !== undefined &&
          e.valueRange
        ) {
          const n = /^[+-]?\d+$/.test(e.value) ? Number(e.value) : Number.NaN;
          if (!(n >= -2147483648 && n <= 2147483647)) {
            const path = [...map.path, DELETION_COST];
            ctx.report({ path, range: e.valueRange, message: invalid(path, e.value, 'must be a 32bit integer') });
          }
        }
      }
      const key = pairAt(ctx.doc, meta.path, 'annotations');
      if (total > TOTAL_ANNOTATION_SIZE && key) {
        ctx.report({
          path: map.path,
          range: key.keyRange,
          message: `${where}: Too long: may not be more than ${TOTAL_ANNOTATION_SIZE} bytes (these are ${total} bytes)`,
        });
      }
    }
  },
};
