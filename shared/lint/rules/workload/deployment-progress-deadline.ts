/**
 * `deployment-progress-deadline` (ValidateDeploymentSpec in pkg/apis/apps/validation/validation.go, v1.36):
 * progressDeadlineSeconds must be greater than minReadySeconds. An omitted progressDeadlineSeconds is defaulted to
 * 600 (SetDefaults_Deployment) and minReadySeconds to 0, so `minReadySeconds: 600` alone and
 * `progressDeadlineSeconds: 0` alone are rejected too.
 */
import type { Rule } from '../../types';
import { intIn, withDefault } from './_helpers/read';

export const deploymentProgressDeadlineRule: Rule = {
  meta: {
    id: 'deployment-progress-deadline',
    family: 'api-validation',
    severity: 'error',
    summary: 'progressDeadlineSeconds (600 when omitted) is not greater than minReadySeconds.',
  },
  check(ctx) {
    if (ctx.pod?.workload !== 'Deployment') return;
    const deadline = withDefault(intIn(ctx, ['spec'], 'progressDeadlineSeconds'), 600);
    const minReady = withDefault(intIn(ctx, ['spec'], 'minReadySeconds'), 0);
    if (!deadline || !minReady || deadline.value > minReady.value) return;
    const written = deadline.field.kind === 'value';
    const range = written ? deadline.field : minReady.field;
    if (range.kind !== 'value') return;
    ctx.report({
      path: ['spec', 'progressDeadlineSeconds'],
      range: range.range,
      message: written
        ? `progressDeadlineSeconds ${deadline.value} must be greater than minReadySeconds (${minReady.value})`
        : `minReadySeconds ${minReady.value} needs a progressDeadlineSeconds above it (the default is 600)`,
      ...((!written || minReady.field.kind === 'absent') && { needsWholeObject: true }),
    });
  },
};
