/**
 * Handlers of probes and lifecycle hooks (validateHandler, validateLifecycle, validateHTTPGetAction,
 * ValidatePortNumOrName, validateSleepAction). `lifecycle-handler`: postStart/preStop need exactly one of
 * exec/httpGet/tcpSocket/sleep, and `sleep.seconds` in 0..terminationGracePeriodSeconds
 * (PodLifecycleSleepActionAllowZero is GA in v1.34, so 0 is valid). `handler-port`: httpGet/tcpSocket ports are a
 * number in 1..65535 or an IANA port name, grpc ports a number; header names match `[-A-Za-z0-9]+`.
 */
import { isHTTPHeaderName, isValidPortName, isValidPortNum } from '../../../k8s/names';
import { readers } from '../../../model';
import type { FieldPath, Range } from '../../../util/range';
import type { Rule, RuleContext } from '../../types';
import { allContainers, forbidden, gracePeriod, invalid, mapAt, reportPodSpec, required, setKeys } from './_helpers/util';

/** validateHandler checks handler types in this order; the second one found is Forbidden. */
const ORDER = ['exec', 'httpGet', 'tcpSocket', 'grpc', 'sleep'];

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

const HOOK_HANDLERS = ['exec', 'httpGet', 'tcpSocket', 'sleep'];

/** Hooks the API validates: on regular containers and sidecars (plain init containers are init-container-probes). */
function hooks(ctx: RuleContext) {
  if (!ctx.pod) return [];
  return allContainers(ctx.pod)
    .filter((c) => c.role !== 'init')
    .flatMap((c) => [c.lifecycle.postStart, c.lifecycle.preStop].filter((h) => h !== undefined));
}

export const lifecycleHandlerRule: Rule = {
  meta: {
    id: 'lifecycle-handler',
    family: 'api-validation',
    severity: 'error',
    summary:
      'A postStart/preStop hook without exactly one handler, or a sleep outside 0..terminationGracePeriodSeconds.',
  },
  check(ctx) {
    const pod = ctx.pod;
    if (!pod) return;
    const grace = gracePeriod(pod);
    for (const hook of hooks(ctx)) {
      handlerCount(ctx, hook.path, hook.keyRange, HOOK_HANDLERS, `a ${hook.kind} hook`);
      const sleepPath = [...hook.path, 'sleep'];
      const seconds = readers.int(ctx.doc.ctx, mapAt(ctx.doc, sleepPath), 'seconds');
      if (seconds.kind !== 'value' || (seconds.value >= 0 && seconds.value <= grace)) continue;
      reportPodSpec(ctx, {
        path: sleepPath,
        range: seconds.range,
        message: invalid(
          sleepPath,
          seconds.value,
          `must be non-negative and less than terminationGracePeriodSeconds (${grace})`,
        ),
      });
    }
  },
};

export const handlerPortRule: Rule = {
  meta: {
    id: 'handler-port',
    family: 'api-validation',
    severity: 'error',
    summary: 'A probe or hook port outside 1..65535 or not a valid port name, or an invalid HTTP header name.',
  },
  check(ctx) {
    if (!ctx.pod) return;
    for (const c of allContainers(ctx.pod)) {
      if (c.role === 'init') continue;
      const all = [c.livenessProbe, c.readinessProbe, c.startupProbe, c.lifecycle.postStart, c.lifecycle.preStop];
      for (const owner of all) {
        for (const h of owner?.handlers ?? []) {
          const path = [...h.path, 'port'];
          const port = h.port;
          if (port.kind === 'value' && typeof port.value === 'number') {
            for (const msg of isValidPortNum(port.value))
              reportPodSpec(ctx, { path, range: port.range, message: invalid(path, port.value, msg) });
          } else if (port.kind === 'value' && typeof port.value === 'string' && h.type !== 'grpc') {
            for (const msg of isValidPortName(port.value))
              reportPodSpec(ctx, { path, range: port.range, message: invalid(path, port.value, msg) });
          }
          if (h.type === 'httpGet') checkHeaders(ctx, h.path);
        }
      }
    }
  },
};

function checkHeaders(ctx: RuleContext, httpGet: FieldPath) {
  const path = [...httpGet, 'httpHeaders'];
  const list = ctx.doc.ctx.asSeq(ctx.doc.ctx.get(mapAt(ctx.doc, httpGet), 'httpHeaders'));
  for (const item of list?.items ?? []) {
    const name = readers.string(ctx.doc.ctx, ctx.doc.ctx.asMap(item), 'name');
    if (name.kind !== 'value' || name.value === '') continue;
    // The path is the list, not the entry (validateHTTPGetAction).
    for (const msg of isHTTPHeaderName(name.value))
      reportPodSpec(ctx, { path, range: name.range, message: invalid(path, name.value, msg) });
  }
}
