/**
 * probe-timeout-exceeds-period: a probe whose timeoutSeconds exceeds its periodSeconds, so a hung check delays the
 * next one (the probe worker of the Kubernetes v1.36 kubelet); read on the numbers after API defaulting
 * (../../../k8s/probeDefaults: 0 or missing takes the default).
 */
import { effectiveProbe } from '../../../k8s';
import { type ContainerView, type ProbeView, resolvePod } from '../../../model';
import type { Rule } from '../../types';
import { describeContainer } from './_helpers/containers';
import { siteOf } from './_helpers/probeFieldSite';

function probesOf(c: ContainerView): ProbeView[] {
  return [c.livenessProbe, c.readinessProbe, c.startupProbe].filter((p): p is ProbeView => p !== undefined);
}

export const probeTimeoutExceedsPeriodRule: Rule = {
  meta: {
    id: 'probe-timeout-exceeds-period',
    family: 'lifecycle',
    severity: 'info',
    summary: 'A probe’s timeoutSeconds exceeds its periodSeconds (after defaulting).',
  },
  check(ctx) {
    for (const c of ctx.pod ? resolvePod(ctx.pod).views : []) {
      for (const probe of probesOf(c)) {
        const eff = effectiveProbe(probe);
        if (eff.unresolved.includes('timeoutSeconds') || eff.unresolved.includes('periodSeconds')) continue;
        const { timeoutSeconds: t, periodSeconds: p, failureThreshold: f } = eff;
        // The ticker keeps one pending tick, so a probe that takes exactly one period still runs every period.
        if (t <= p) continue;
        // Only a written timeout can exceed a period (the default timeout, 1 s, is the smallest period).
        ctx.report({
          ...siteOf(probe, 'timeoutSeconds'),
          needsWholeObject: true,
          message: `${probe.kind} timeoutSeconds ${t} > periodSeconds ${p}: a hung check delays the next one`,
          detail:
            `The ${probe.kind} of ${describeContainer(c)} has timeoutSeconds ${t} > periodSeconds ${p}` +
            `${eff.defaulted.length ? ' (after defaulting)' : ''}. The kubelet runs one probe at a time per ` +
            `container and probe, so a check that hangs until its timeout delays the next tick: probes run ` +
            `every ${t} s instead of every ${p} s, and a hung endpoint is detected only after ` +
            `failureThreshold × timeoutSeconds = ${f * t} s. Keep timeoutSeconds at or below periodSeconds.`,
        });
      }
    }
  },
};
