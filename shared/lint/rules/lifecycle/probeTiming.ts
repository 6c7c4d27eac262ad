/**
 * probe-timeout-exceeds-period and liveness-kills-slow-start: the probe worker's timing (the Kubernetes v1.36 kubelet),
 * always on the numbers after API defaulting (../../../k8s/probeDefaults: 0 or missing takes the default).
 */
import { effectiveProbe } from '../../../k8s';
import type { ContainerView, ProbeView } from '../../../model';
import type { Range } from '../../../util/range';
import type { Rule } from '../../types';
import { allContainers, describeContainer } from './_helpers/containers';

function probesOf(c: ContainerView): ProbeView[] {
  return [c.livenessProbe, c.readinessProbe, c.startupProbe].filter((p): p is ProbeView => p !== undefined);
}

/** A probe number's own range when it is written, else the probe key. */
function siteOf(probe: ProbeView, field: 'timeoutSeconds' | 'periodSeconds' | 'initialDelaySeconds') {
  const f = probe[field];
  return f.kind === 'value'
    ? { range: f.range as Range, path: [...probe.path, field] }
    : { range: probe.keyRange, path: [...probe.path] };
}

export const probeTimeoutExceedsPeriod: Rule = {
  meta: {
    id: 'probe-timeout-exceeds-period',
    family: 'lifecycle',
    severity: 'info',
    summary: 'A probe’s timeoutSeconds exceeds its periodSeconds (after defaulting).',
  },
  check(ctx) {
    for (const c of ctx.pod ? allContainers(ctx.pod) : []) {
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

/** A start budget below this is shorter than many apps (JVM, .NET, apps that warm caches) need to answer. */
const SLOW_START_SECONDS = 30;

export const livenessKillsSlowStart: Rule = {
  meta: {
    id: 'liveness-kills-slow-start',
    family: 'lifecycle',
    severity: 'info',
    summary: 'Without a startupProbe, the livenessProbe kills an app that takes more than a few seconds to start.',
  },
  check(ctx) {
    for (const c of ctx.pod ? allContainers(ctx.pod) : []) {
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
