/**
 * `invalid-label` (ValidateLabels): keys are qualified names (upper case allowed in the name part), values at most
 * 63 characters of the label alphabet (empty is fine), in metadata.labels, the template's labels, spec.nodeSelector
 * and a selector's matchLabels; the API reports them on the map path (`metadata.labels: Invalid value: …`).
 */
import type { Node } from 'yaml';
import { isLabelValue, isQualifiedName } from '../../../k8s/names';
import { type FieldPath, formatPath } from '../../../util/range';
import type { Rule, RuleContext } from '../../types';
import { fromMetadata, type StringMap } from './_helpers/metadataMaps';
import { mapAt, scalarOf } from './_helpers/util';

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
