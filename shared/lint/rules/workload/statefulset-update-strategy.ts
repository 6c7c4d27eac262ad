/**
 * `statefulset-update-strategy` (ValidateStatefulSetSpec, validateRollingUpdateStatefulSet in
 * pkg/apis/apps/validation/validation.go, v1.36): OnDelete may not carry rollingUpdate; a rolling update's partition
 * is non-negative and its maxUnavailable a non-zero integer or percent of at most 100% (MaxUnavailableStatefulSet is
 * beta, on by default, since v1.35: the field is not dropped before validation).
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

const STRATEGY = ['spec', 'updateStrategy'];
const ROLLING = [...STRATEGY, 'rollingUpdate'];

export const statefulsetUpdateStrategyRule: Rule = {
  meta: {
    id: 'statefulset-update-strategy',
    family: 'api-validation',
    severity: 'error',
    summary:
      'A StatefulSet update strategy the API server rejects: rollingUpdate with OnDelete, bad partition or maxUnavailable.',
  },
  check(ctx) {
    if (ctx.pod?.workload !== 'StatefulSet') return;
    const type = strategyType(ctx, STRATEGY);
    if (type === 'OnDelete') {
      reportStrayRollingUpdate(ctx, STRATEGY, "rollingUpdate is only allowed for updateStrategy 'RollingUpdate'");
      return;
    }
    if (type !== 'RollingUpdate') return;
    const rolling = mapIn(ctx, ROLLING);
    const partition = readers.int(ctx.doc.ctx, rolling, 'partition');
    if (partition.kind === 'value' && partition.value < 0) {
      ctx.report({
        path: [...ROLLING, 'partition'],
        range: partition.range,
        message: `partition ${partition.value} must be greater than or equal to 0`,
      });
    }
    const max = readers.intOrString(ctx.doc.ctx, rolling, 'maxUnavailable');
    if (max.kind !== 'value') return;
    const problems = intOrPercentProblems(max.value, true);
    if (intOrPercentValue(max.value) === 0) problems.push('cannot be 0');
    for (const problem of problems) {
      ctx.report({
        path: [...ROLLING, 'maxUnavailable'],
        range: max.range,
        message: `maxUnavailable ${JSON.stringify(max.value)} ${problem}`,
      });
    }
  },
};
