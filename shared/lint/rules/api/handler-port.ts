/**
 * `handler-port` (validateHTTPGetAction, ValidatePortNumOrName): httpGet/tcpSocket ports of probes and hooks are a
 * number in 1..65535 or an IANA port name, grpc ports a number; header names match `[-A-Za-z0-9]+`.
 */
import { isHTTPHeaderName, isValidPortName, isValidPortNum } from '../../../k8s/names';
import { readers, resolvePod } from '../../../model';
import type { FieldPath } from '../../../util/range';
import type { Rule, RuleContext } from '../../types';
import { invalid, mapAt, reportPodSpec } from './_helpers/util';

export const handlerPortRule: Rule = {
  meta: {
    id: 'handler-port',
    family: 'api-validation',
    severity: 'error',
    summary: 'A probe or hook port outside 1..65535 or not a valid port name, or an invalid HTTP header name.',
  },
  check(ctx) {
    if (!ctx.pod) return;
    for (const c of resolvePod(ctx.pod).views) {
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
