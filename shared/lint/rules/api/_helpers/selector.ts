/**
 * Label selectors inside a pod spec (pod (anti-)affinity terms, topology spread constraints), checked as
 * apimachinery's ValidateLabelSelector does on create (invalid label values are not allowed): matchLabels keys and
 * values, and each matchExpressions requirement's operator, values and key.
 */
import type { Node, YAMLMap } from 'yaml';
import { isLabelValue, isQualifiedName } from '../../../../k8s/names';
import type { FieldPath, Range } from '../../../../util/range';
import type { RuleContext } from '../../../types';
import { itemString, listItems, quote, str } from './items';
import { scalarOf } from './util';

export interface SelectorProblem {
  path: FieldPath;
  range: Range;
  message: string;
}

const SET_OPERATORS = new Set(['In', 'NotIn']);
const EXISTS_OPERATORS = new Set(['Exists', 'DoesNotExist']);

/** Problems of the selector `sel` at `path`; matchLabels problems sit on the map path, as ValidateLabels reports. */
export function selectorProblems(ctx: RuleContext, sel: YAMLMap | undefined, path: FieldPath): SelectorProblem[] {
  if (!sel) return [];
  const doc = ctx.doc.ctx;
  const out: SelectorProblem[] = [];
  const labelsPath = [...path, 'matchLabels'];
  for (const pair of doc.asMap(doc.get(sel, 'matchLabels'))?.items ?? []) {
    const key = doc.keyText(pair);
    const keyRange = doc.range(pair.key as Node);
    if (key === undefined || !keyRange) continue;
    if (isQualifiedName(key).length > 0)
      out.push({ path: labelsPath, range: keyRange, message: `Label key ${quote(key)} is not a valid label key.` });
    const v = scalarOf(doc.deref(pair.value));
    const vRange = doc.range(pair.value as Node);
    if (v?.type === 'string' && vRange && isLabelValue(v.value).length > 0)
      out.push({
        path: labelsPath,
        range: vRange,
        message: `Label value ${quote(v.value)} is not a valid label value.`,
      });
  }
  for (const req of listItems(ctx, sel, path, 'matchExpressions')) {
    if (!req.map) continue;
    const op = str(ctx, req.map, 'operator');
    const key = str(ctx, req.map, 'key');
    const values = listItems(ctx, req.map, req.path, 'values');
    const opValue = op.kind === 'value' ? op.value : undefined;
    const valuesKey = doc.range(doc.pair(req.map, 'values')?.key as Node);
    if (opValue && SET_OPERATORS.has(opValue) && values.length === 0)
      out.push({
        path: [...req.path, 'values'],
        range: op.kind === 'value' ? op.range : req.range,
        message: `Operator ${opValue} needs at least one value.`,
      });
    if (opValue && EXISTS_OPERATORS.has(opValue) && values.length > 0 && valuesKey)
      out.push({
        path: [...req.path, 'values'],
        range: valuesKey,
        message: `Operator ${opValue} must not have values.`,
      });
    if (op.kind === 'value' && !SET_OPERATORS.has(op.value) && !EXISTS_OPERATORS.has(op.value))
      out.push({
        path: [...req.path, 'operator'],
        range: op.range,
        message: `${quote(op.value)} is not a selector operator (In, NotIn, Exists, DoesNotExist).`,
      });
    if (key.kind === 'value' && isQualifiedName(key.value).length > 0)
      out.push({
        path: [...req.path, 'key'],
        range: key.range,
        message: `Label key ${quote(key.value)} is not a valid label key.`,
      });
    for (const v of values) {
      const s = itemString(v);
      if (s !== undefined && isLabelValue(s).length > 0)
        out.push({ path: v.path, range: v.range, message: `Label value ${quote(s)} is not a valid label value.` });
    }
  }
  return out;
}

/** The keys a selector constrains (matchLabels keys and matchExpressions keys). */
export function selectorKeys(ctx: RuleContext, sel: YAMLMap | undefined): Set<string> {
  const doc = ctx.doc.ctx;
  const keys = new Set<string>();
  for (const pair of doc.asMap(doc.get(sel, 'matchLabels'))?.items ?? []) {
    const k = doc.keyText(pair);
    if (k !== undefined) keys.add(k);
  }
  for (const req of listItems(ctx, sel, [], 'matchExpressions')) {
    const k = str(ctx, req.map, 'key');
    if (k.kind === 'value') keys.add(k.value);
  }
  return keys;
}
