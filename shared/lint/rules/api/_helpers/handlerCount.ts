/**
 * How many handlers a probe or lifecycle hook sets, with the Required/Forbidden findings validateHandler reports
 * (pkg/apis/core/validation/validation.go, v1.36): shared by the probe and hook rules.
 */
import type { FieldPath, Range } from '../../../../util/range';
import type { RuleContext } from '../../../types';
import { forbidden, mapAt, reportPodSpec, required, setKeys } from './util';

/** validateHandler checks handler types in this order; the second one found is Forbidden. */
export const ORDER = ['exec', 'httpGet', 'tcpSocket', 'grpc', 'sleep'];

/** Reports a handler-less probe or hook (Required) and every handler after the first (Forbidden). */
export function handlerCount(
  ctx: RuleContext,
  path: FieldPath,
  keyRange: Range,
  allowed: string[],
  what: string,
): void {
  const set = setKeys(ctx.doc, mapAt(ctx.doc, path))
    .filter((k) => allowed.includes(k.key))
    .sort((a, b) => ORDER.indexOf(a.key) - ORDER.indexOf(b.key));
  if (set.length === 0) {
    reportPodSpec(ctx, {
      path,
      range: keyRange,
      message: required(path, 'must specify a handler type'),
      detail: `Give ${what} one of ${allowed.join(', ')}.`,
    });
    return;
  }
  for (const extra of set.slice(1)) {
    const p = [...path, extra.key];
    reportPodSpec(ctx, {
      path: p,
      range: extra.keyRange,
      message: forbidden(p, 'may not specify more than 1 handler type'),
      detail: `${set[0]?.key} is already set.`,
    });
  }
}
