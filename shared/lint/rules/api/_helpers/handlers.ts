/**
 * Handlers of probes and lifecycle hooks (validateHandler, validateLifecycle, validateHTTPGetAction,
 * ValidatePortNumOrName, validateSleepAction). `lifecycle-handler`: postStart/preStop need exactly one of
 * exec/httpGet/tcpSocket/sleep, and `sleep.seconds` in 0..terminationGracePeriodSeconds
 * (PodLifecycleSleepActionAllowZero is GA in v1.34, so 0 is valid). `handler-port`: httpGet/tcpSocket ports are a
 * number in 1..65535 or an IANA port name, grpc ports a number; header names match `[-A-Za-z0-9]+`.
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
