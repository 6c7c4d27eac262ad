/**
 * probe-predicted-to-fail: the simulator's own prediction of each probe (`predictContainer`: exec handlers run
 * against what the container's script did by then, network handlers against the ports it serves), reported where the
 * lifecycle preview shows the failure.
 */
import { type ContainerView, type PodView, type ProbeKind, type ProbeView, resolvePod } from '../../../model';
import type { Rule } from '../../types';
import { capitalize, describeContainer } from './_helpers/containers';
import { lintPrediction } from './_helpers/prediction';
import { checksUndeclaredNumber } from './_helpers/probePorts';

/** A liveness probe that starts failing later than this is past the default 900 s preview: not reported. */
const LATEST_REPORTED_FAILURE = 600;

const PROBE_TYPE: Record<ProbeKind, 'liveness' | 'readiness' | 'startup'> = {
  livenessProbe: 'liveness',
  readinessProbe: 'readiness',
  startupProbe: 'startup',
};

const EFFECT: Record<ProbeKind, string> = {
  livenessProbe: 'the kubelet kills the container after failureThreshold failures and restarts it, again and again',
  readinessProbe: 'the container never becomes ready, so the pod never receives Service traffic',
  startupProbe: 'the container never counts as started and is killed after failureThreshold attempts, again and again',
};

const SHORT_EFFECT: Record<ProbeKind, string> = {
  livenessProbe: 'the container is killed and restarted, again and again',
  readinessProbe: 'the container never becomes ready',
  startupProbe: 'the container is killed and restarted, again and again',
};

/** When the probe starts failing for good, from the prediction: 0 for always, undefined for never. */
function failsFrom(pod: PodView, c: ContainerView, probe: ProbeView): { from: number; because: string } | undefined {
  const g = lintPrediction(pod, c)?.probes[PROBE_TYPE[probe.kind]];
  if (!g) return undefined;
  const b = g.value;
  // Declared ports are informational: an app may well listen on a port it does not list. That guess alone is
  // probe-port-not-declared's info, not a predicted failure (ingress-nginx probes its undeclared 10254).
  if (g.certainty === 'assumed' && checksUndeclaredNumber(c, probe)) return undefined;
  if ('always' in b) return b.always === 'failure' ? { from: 0, because: g.because } : undefined;
  if ('healthyWhileAgeBelow' in b && probe.kind === 'livenessProbe' && b.healthyWhileAgeBelow < LATEST_REPORTED_FAILURE)
    return { from: b.healthyWhileAgeBelow, because: g.because };
  return undefined;
}

export const probePredictedToFailRule: Rule = {
  meta: {
    id: 'probe-predicted-to-fail',
    family: 'lifecycle',
    severity: 'warning',
    summary: 'A probe is predicted to fail (always, or from some point on): restarts or a pod that is never ready.',
  },
  check(ctx) {
    const pod = ctx.pod;
    for (const c of pod ? resolvePod(pod).views : []) {
      for (const probe of [c.startupProbe, c.livenessProbe, c.readinessProbe]) {
        const fails = pod && probe && failsFrom(pod, c, probe);
        if (!probe || !fails) continue;
        const when = fails.from === 0 ? 'fails every time' : `fails from ${fails.from} s into each run`;
        ctx.report({
          path: probe.path,
          range: probe.keyRange,
          needsWholeObject: true,
          message: `${probe.kind} ${when}: ${SHORT_EFFECT[probe.kind]}`,
          detail: `${capitalize(`the ${probe.kind} of ${describeContainer(c)}`)} ${when} (${fails.because}): ${EFFECT[probe.kind]}.`,
        });
      }
    }
  },
};
