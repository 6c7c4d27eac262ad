/**
 * liveness-kills-slow-start: a liveness probe that kills the container before it can have started (the probe worker
 * of the Kubernetes v1.36 kubelet), on the numbers after API defaulting (../../../k8s/probeDefaults).
 */
import { effectiveProbe } from '../../../k8s';
import { resolvePod } from '../../../model';
import type { Rule } from '../../types';
import { describeContainer } from './_helpers/containers';
import { siteOf } from './_helpers/probeFieldSite';

/** A start budget below this is shorter than many apps (JVM, .NET, apps that warm caches) need to answer. */
const SLOW_START_SECONDS = 30;

export const livenessKillsSlowStartRule: Rule = {
  meta: {
    id: 'liveness-kills-slow-start',
    family: 'lifecycle',
    severity: 'info',
    summary: 'Without a startupProbe, the livenessProbe kills an app that takes more than a few seconds to start.',
  },
  check(ctx) {
    for (const c of ctx.pod ? resolvePod(ctx.pod).views : []) {
      const live = c.livenessProbe;
      if (!live || c.startupProbe) continue;
      const eff = effectiveProbe(live);
      if (['initialDelaySeconds', 'periodSeconds', 'failureThreshold'].some((f) => eff.unresolved.includes(f)))
        continue;
      const { initialDelaySeconds: d, periodSeconds: p, failureThreshold: f } = eff;
      // The first failing probe is the first tick at or after the delay, anywhere in [d, d + p); the kill
      // follows (f − 1) periods later (the Kubernetes v1.36 kubelet).
      const earliest = d + (f - 1) * p;
      const latest = d + f * p;
      if (earliest >= SLOW_START_SECONDS) continue;
      ctx.report({
        ...siteOf(live, 'initialDelaySeconds'),
        needsWholeObject: true,
        message: `No startupProbe: the livenessProbe kills a start slower than ${earliest}–${latest} s`,
        detail:
          `No startupProbe: the livenessProbe kills ${describeContainer(c)} if it does not answer within ` +
          `${earliest}–${latest} s of starting (${f} failures ${p} s apart from ${d} s), on every restart.`,
      });
    }
  },
};
