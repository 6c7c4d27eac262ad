/**
 * `probe-values` (validateProbe, validateLivenessProbe, validateStartupProbe): counters not negative (0 is
 * defaulted), successThreshold 1 for liveness and startup probes after defaulting, probe
 * terminationGracePeriodSeconds positive and never on a readiness probe.
 */
import type { Rule } from '../../types';
import { PROBES, probed } from './_helpers/probedContainers';
import { invalid, reportPodSpec } from './_helpers/util';

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
