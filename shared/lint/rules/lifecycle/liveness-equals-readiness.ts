/**
 * liveness-equals-readiness: a liveness probe that checks exactly what readiness checks turns every overload into
 * restarts instead of taking the container out of the Service for a while.
 */
import { effectiveHandler, effectiveProbe } from '../../../k8s';
import { type ManifestDocument, type ProbeView, resolvePod } from '../../../model';
import type { Rule } from '../../types';
import { describeContainer } from './_helpers/containers';

/**
 * What a probe checks: its handler with API defaults applied (`httpGet` path `/`, scheme HTTP), plus the
 * settings the view does not carry (HTTP headers, gRPC service) read from the handler's YAML.
 */
function handlerKey(doc: ManifestDocument, probe: ProbeView): string | undefined {
  const h = probe.handlers[0];
  if (!h || probe.handlers.length !== 1) return undefined;
  const node = doc.ctx.asMap(doc.ast.getIn(h.path, true));
  if (!node) return undefined;
  const raw = node.toJSON() as Record<string, unknown>;
  const extra = { httpHeaders: raw.httpHeaders, service: raw.service };
  return JSON.stringify([effectiveHandler(h).handler, extra]);
}

const TIMING = ['initialDelaySeconds', 'periodSeconds', 'timeoutSeconds', 'failureThreshold'] as const;

export const livenessEqualsReadinessRule: Rule = {
  meta: {
    id: 'liveness-equals-readiness',
    family: 'lifecycle',
    severity: 'info',
    summary: 'The livenessProbe checks exactly what the readinessProbe checks.',
  },
  check(ctx) {
    for (const c of ctx.pod ? resolvePod(ctx.pod).views : []) {
      const live = c.livenessProbe;
      const ready = c.readinessProbe;
      if (!live || !ready) continue;
      const key = handlerKey(ctx.doc, live);
      if (key === undefined || key !== handlerKey(ctx.doc, ready)) continue;
      const [l, r] = [effectiveProbe(live), effectiveProbe(ready)];
      const sameTiming = TIMING.every((t) => l[t] === r[t]);
      ctx.report({
        path: live.path,
        range: live.keyRange,
        message: `livenessProbe makes the same check as the readinessProbe${sameTiming ? ', with the same timing' : ''}`,
        detail:
          `The livenessProbe of ${describeContainer(c)} makes the same check as its readinessProbe` +
          `${sameTiming ? ' with the same timing' : ''}: a slowdown that takes it out of rotation also restarts it.`,
        related: [{ range: ready.keyRange, message: 'the readinessProbe with the same check' }],
      });
    }
  },
};
