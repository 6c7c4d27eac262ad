/**
 * `deployment-strategy` (ValidateDeploymentStrategy, ValidateRollingUpdateDeployment in
 * pkg/apis/apps/validation/validation.go, v1.36, after SetDefaults_Deployment in pkg/apis/apps/v1/defaults.go): a
 * Recreate strategy may not carry rollingUpdate; a rolling update's maxSurge and maxUnavailable are non-negative
 * integers or percents, maxUnavailable at most 100%, and not both 0 (an omitted one is defaulted to 25%, so only two
 * written zeros can collide).
 */
import { readers } from '../../../model';
import type { Rule } from '../../types';
import {
  intOrPercentProblems,
  intOrPercentValue,
  mapIn,
  reportStrayRollingUpdate,
  strategyType,
} from './_helpers/read';

const STRATEGY = ['spec', 'strategy'];
const ROLLING = [...STRATEGY, 'rollingUpdate'];

export const deploymentStrategyRule: Rule = {
  meta: {
    id: 'deployment-strategy',
    family: 'api-validation',
    severity: 'error',
    summary:
      'A Deployment strategy the API server rejects: rollingUpdate with Recreate, bad or zero maxSurge/maxUnavailable.',
  },
  check(ctx) {
    if (ctx.pod?.workload !== 'Deployment') return;
    const type = strategyType(ctx, STRATEGY);
    if (type === 'Recreate') {
      reportStrayRollingUpdate(ctx, STRATEGY, 'rollingUpdate may not be set when strategy type is Recreate');
      return;
    }
    if (type !== 'RollingUpdate') return;
    const rolling = mapIn(ctx, ROLLING);
    const surge = readers.intOrString(ctx.doc.ctx, rolling, 'maxSurge');
    const unavailable = readers.intOrString(ctx.doc.ctx, rolling, 'maxUnavailable');
    for (const [key, f] of [
      ['maxUnavailable', unavailable],
      ['maxSurge', surge],
    ] as const) {
      if (f.kind !== 'value') continue;
      for (const problem of intOrPercentProblems(f.value, key === 'maxUnavailable')) {
        ctx.report({
          path: [...ROLLING, key],
          range: f.range,
          message: `${key} ${JSON.stringify(f.value)} ${problem}`,
        });
      }
    }
    if (surge.kind !== 'value' || unavailable.kind !== 'value') return;
    if (intOrPercentValue(surge.value) !== 0 || intOrPercentValue(unavailable.value) !== 0) return;
    ctx.report({
      path: [...ROLLING, 'maxUnavailable'],
      range: unavailable.range,
      message: 'maxUnavailable and maxSurge are both 0: the rollout could never replace a Pod',
    });
  },
};
