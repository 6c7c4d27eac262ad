/**
 * grace-period-zero-or-negative: terminationGracePeriodSeconds of 0 or less. With 0 the API server removes the
 * Pod object at once and preStop hooks do not run; a negative value is accepted with a warning and treated as 1
 * (the Kubernetes v1.36 kubelet).
 */
import type { Rule } from '../../types';

export const gracePeriodZeroOrNegativeRule: Rule = {
  meta: {
    id: 'grace-period-zero-or-negative',
    family: 'lifecycle',
    severity: 'warning',
    summary: 'terminationGracePeriodSeconds is 0 (no graceful stop) or negative (treated as 1).',
  },
  check(ctx) {
    const f = ctx.pod?.terminationGracePeriodSeconds;
    if (!ctx.pod || f?.kind !== 'value' || f.value > 0) return;
    const path = [...ctx.pod.specPath, 'terminationGracePeriodSeconds'];
    if (f.value < 0) {
      ctx.report({
        path,
        range: f.range,
        message: `terminationGracePeriodSeconds: ${f.value} is treated as 1 s`,
        detail:
          `terminationGracePeriodSeconds: ${f.value} is invalid; the API server accepts it only with a warning ` +
          '("must be >= 0; negative values are invalid and will be treated as 1"). Containers then get 1 s to ' +
          'stop (2 s, the kubelet minimum, after SIGTERM). Set the number of seconds the app needs to shut down.',
      });
      return;
    }
    ctx.report({
      path,
      range: f.range,
      message: 'terminationGracePeriodSeconds: 0: no graceful stop, the Pod object is removed at once',
      detail:
        'terminationGracePeriodSeconds: 0 means no graceful stop: on deletion the API server removes the Pod ' +
        'object at once, as with `kubectl delete --force`, preStop hooks do not run, and the kubelet stops the ' +
        'containers afterwards (SIGTERM, SIGKILL 2 s later) while a replacement may already be starting. A ' +
        'StatefulSet can then run two pods with the same identity. Leave it unset (30 s) or set what the app ' +
        'needs to shut down.',
    });
  },
};
