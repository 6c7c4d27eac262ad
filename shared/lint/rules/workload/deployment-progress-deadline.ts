/**
 * `deployment-progress-deadline` (ValidateDeploymentSpec in pkg/apis/apps/validation/validation.go, v1.36):
 * progressDeadlineSeconds must be greater than minReadySeconds. An omitted progressDeadlineSeconds is defaulted to
 * 600 (SetDefaults_Deployment), so `minReadySeconds: 600` alone is rejected too.
 */
import type { Rule } from '../../types';
import { intIn } from './read';

export const deploymentProgressDeadlineRule: Rule = {
  meta: {
    id: 'deployment-progress-deadline',
    family: 'api-validation',
    severity: 'error',
    summary: 'progressDeadlineSeconds (600 when omitted) is not greater than minReadySeconds.',
  },
  check(ctx) {
    if (ctx.pod?.workload !== 'Deployment') return;
    const deadline = intIn(ctx, ['spec'], 'progressDeadlineSeconds');
    const minReady = intIn(ctx, ['spec'], 'minReadySeconds');
    if (minReady.kind !== 'value' || (deadline.kind !== 'value' && deadline.kind !== 'absent')) return;
    const value = deadline.kind === 'value' ? deadline.value : 600;
    if (value > minReady.value) return;
    const written = deadline.kind === 'value';
    ctx.report({
      path: ['spec', 'progressDeadlineSeconds'],
      range: written ? deadline.range : minReady.range,
      message: written
        ? `progressDeadlineSeconds ${value} must be greater than minReadySeconds (${minReady.value})`
        : `minReadySeconds ${minReady.value} needs a progressDeadlineSeconds above it (the default is 600)`,
      ...(!written && { needsWholeObject: true }),
    });
  },
};
