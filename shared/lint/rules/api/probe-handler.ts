/**
 * `probe-handler` (validateProbe, validateHandler): a probe has exactly one of exec/httpGet/tcpSocket/grpc.
 */
import type { Rule } from '../../types';
import { handlerCount } from './_helpers/handlerCount';
import { PROBES, probed } from './_helpers/probedContainers';
import { mapAt } from './_helpers/util';

const PROBE_HANDLERS = ['exec', 'httpGet', 'tcpSocket', 'grpc'];

export const probeHandlerRule: Rule = {
  meta: {
    id: 'probe-handler',
    family: 'api-validation',
    severity: 'error',
    summary: 'A probe with no handler, or with more than one of exec, httpGet, tcpSocket and grpc.',
  },
  check(ctx) {
    for (const c of probed(ctx)) {
      for (const kind of PROBES) {
        const probe = c[kind];
        if (!probe || !mapAt(ctx.doc, probe.path)) continue;
        handlerCount(ctx, probe.path, probe.keyRange, PROBE_HANDLERS, 'a probe');
      }
    }
  },
};
