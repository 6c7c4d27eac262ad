/**
 * Probes (validateProbe, validateLivenessProbe, validateReadinessProbe, validateStartupProbe, validateInitContainers).
 * `probe-handler`: exactly one of exec/httpGet/tcpSocket/grpc. `probe-values`: counters not negative (0 is
 * defaulted), successThreshold 1 for liveness and startup probes after defaulting, probe
 * terminationGracePeriodSeconds positive and never on a readiness probe. `init-container-probes`: a plain init
 * container (no restartPolicy: Always) may not have probes or lifecycle hooks; a sidecar may.
 */
import type { ContainerView, ProbeKind } from '../../../model';
import type { Rule, RuleContext } from '../../types';
import { handlerCount } from './handlers';
import { allContainers, forbidden, invalid, mapAt, reportPodSpec, setKeys } from './_helpers/util';

const PROBES: readonly ProbeKind[] = ['livenessProbe', 'readinessProbe', 'startupProbe'];
const PROBE_HANDLERS = ['exec', 'httpGet', 'tcpSocket', 'grpc'];

/** Containers whose probes the API validates: regular containers and sidecars (plain init ones are Forbidden). */
function probed(ctx: RuleContext): ContainerView[] {
  return ctx.pod ? allContainers(ctx.pod).filter((c) => c.role !== 'init') : [];
}

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

const COUNTERS = [
  'initialDelaySeconds',
  'timeoutSeconds',
  'periodSeconds',
  'successThreshold',
  'failureThreshold',
] as const;

export const probeValuesRule: Rule = {
  meta: {
    id: 'probe-values',
    family: 'api-validation',
    severity: 'error',
    summary: 'Negative probe timings, successThreshold other than 1 on liveness/startup, or a bad probe grace period.',
  },
  check(ctx) {
    for (const c of probed(ctx)) {
      for (const kind of PROBES) {
        const probe = c[kind];
        if (!probe) continue;
        for (const key of COUNTERS) {
          const f = probe[key];
          if (f.kind !== 'value' || f.value >= 0) continue;
          const path = [...probe.path, key];
          reportPodSpec(ctx, {
            path,
            range: f.range,
            message: invalid(path, f.value, 'must be greater than or equal to 0'),
          });
        }
        const success = probe.successThreshold;
        // SetDefaults_Probe turns 0 into 1 before validation.
        if (kind !== 'readinessProbe' && success.kind === 'value' && success.value !== 0 && success.value !== 1) {
          const path = [...probe.path, 'successThreshold'];
          reportPodSpec(ctx, {
            path,
            range: success.range,
            message: `${invalid(path, success.value, 'must be 1')}: a ${kind} succeeds on its first success`,
            fixes: [{ title: 'Change to 1', edits: [{ range: success.range, newText: '1' }], isPreferred: true }],
          });
        }
        const grace = probe.terminationGracePeriodSeconds;
        if (grace.kind !== 'value') continue;
        const path = [...probe.path, 'terminationGracePeriodSeconds'];
        if (grace.value <= 0)
          reportPodSpec(ctx, {
            path,
            range: grace.range,
            message: invalid(path, grace.value, 'must be greater than 0'),
          });
        if (kind === 'readinessProbe') {
          reportPodSpec(ctx, {
            path,
            range: grace.keyRange,
            message: `${invalid(path, grace.value, 'must not be set for readinessProbes')}: a failing readiness probe never kills the container`,
          });
        }
      }
    }
  },
};

export const initContainerProbesRule: Rule = {
  meta: {
    id: 'init-container-probes',
    family: 'api-validation',
    severity: 'error',
    summary: 'Probes or lifecycle hooks on an init container that is not a sidecar (restartPolicy: Always).',
  },
  check(ctx) {
    if (!ctx.pod) return;
    for (const c of ctx.pod.initContainers) {
      if (c.role !== 'init') continue;
      const present = setKeys(ctx.doc, mapAt(ctx.doc, c.path)).filter((k) =>
        ['lifecycle', 'livenessProbe', 'readinessProbe', 'startupProbe'].includes(k.key),
      );
      for (const { key, keyRange } of present) {
        const path = [...c.path, key];
        reportPodSpec(ctx, {
          path,
          range: keyRange,
          message: forbidden(path, 'may not be set for init containers without restartPolicy=Always'),
          detail:
            'An init container runs to completion before the app starts; add restartPolicy: Always to make it a sidecar that is probed.',
        });
      }
    }
  },
};
