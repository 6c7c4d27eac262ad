/**
 * What the workload rules read around a pod template: which workloads keep restartPolicy Always, and a workload's
 * label selector with the matching apps and batch validation apply.
 */
import { readers } from '../../../../model';
import type { RuleContext } from '../../../types';
import { mapAt, scalarOf } from './util';

export const ALWAYS_ONLY = new Set(['Deployment', 'ReplicaSet', 'DaemonSet', 'StatefulSet', 'ReplicationController']);

export type Requirement = { key: string; operator: string; values: string[] };

/** A LabelSelector as matchLabels plus matchExpressions; an RC selector is a plain map. */
export function readSelector(
  ctx: RuleContext,
  rc: boolean,
): { requirements: Requirement[]; empty: boolean } | undefined {
  const sel = mapAt(ctx.doc, ['spec', 'selector']);
  if (!sel) return undefined;
  const requirements: Requirement[] = [];
  const labels = rc ? sel : ctx.doc.ctx.asMap(ctx.doc.ctx.get(sel, 'matchLabels'));
  for (const pair of labels?.items ?? []) {
    const key = ctx.doc.ctx.keyText(pair);
    const v = scalarOf(ctx.doc.ctx.deref(pair.value));
    if (key !== undefined && v?.type === 'string') requirements.push({ key, operator: 'In', values: [v.value] });
    else if (key !== undefined) return undefined;
  }
  if (!rc) {
    const exprs = ctx.doc.ctx.asSeq(ctx.doc.ctx.get(sel, 'matchExpressions'));
    for (const item of exprs?.items ?? []) {
      const m = ctx.doc.ctx.asMap(item);
      const key = readers.string(ctx.doc.ctx, m, 'key');
      const op = readers.string(ctx.doc.ctx, m, 'operator');
      const values = readers.stringList(ctx.doc.ctx, m, 'values');
      if (key.kind !== 'value' || op.kind !== 'value') return undefined;
      const list = values.kind === 'value' ? values.value : [];
      // LabelSelectorAsSelector fails on these, so the API reports the selector itself, not the template labels.
      if ((op.value === 'In' || op.value === 'NotIn') !== list.length > 0) return undefined;
      if (!['In', 'NotIn', 'Exists', 'DoesNotExist'].includes(op.value)) return undefined;
      requirements.push({ key: key.value, operator: op.value, values: list });
    }
  }
  return { requirements, empty: requirements.length === 0 };
}

export function matches(r: Requirement, labels: Map<string, string>): boolean {
  const v = labels.get(r.key);
  switch (r.operator) {
    case 'In':
      return v !== undefined && r.values.includes(v);
    case 'NotIn':
      return v === undefined || !r.values.includes(v);
    case 'Exists':
      return v !== undefined;
    case 'DoesNotExist':
      return v === undefined;
    default:
      return true;
  }
}
