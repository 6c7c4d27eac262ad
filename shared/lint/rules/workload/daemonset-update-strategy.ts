/**
 * `daemonset-update-strategy` (ValidateDaemonSetUpdateStrategy, ValidateRollingUpdateDaemonSet in
 * pkg/apis/apps/validation/validation.go, v1.36, after SetDefaults_DaemonSet in pkg/apis/apps/v1/defaults.go): a
 * rolling update's maxUnavailable and maxSurge are non-negative integers or percents of at most 100%, and exactly
 * one of them is non-zero. An omitted maxUnavailable is defaulted to 1 and an omitted maxSurge to 0, so
 * `maxSurge: 1` alone collides with the defaulted maxUnavailable. OnDelete ignores rollingUpdate (accepted).
 */
import type { YAMLMap } from 'yaml';
import { readers } from '../../../model';
import { insertAfterPair } from '../../fixes/blockMap';
import type { Fix, Rule, RuleContext } from '../../types';
import { intOrPercentProblems, intOrPercentValue, mapIn, strategyType, withDefault } from './_helpers/read';

const STRATEGY = ['spec', 'updateStrategy'];
const ROLLING = [...STRATEGY, 'rollingUpdate'];

/** Adds `maxUnavailable: 0` after maxSurge, so the surge replaces each node's Pod before the old one stops. */
function maxUnavailableZero(ctx: RuleContext, rolling: YAMLMap): Fix | undefined {
  const after = ctx.doc.ctx.pair(rolling, 'maxSurge');
  const edit = after && insertAfterPair(ctx.doc.ctx, rolling, after, { maxUnavailable: '0' });
  return edit && { title: 'Add maxUnavailable: 0', edits: [edit], isPreferred: true };
}

export const daemonsetUpdateStrategyRule: Rule = {
  meta: {
    id: 'daemonset-update-strategy',
    family: 'api-validation',
    severity: 'error',
    summary: 'A DaemonSet rolling update whose maxSurge/maxUnavailable are invalid, both 0 or both non-zero.',
  },
  check(ctx) {
    if (ctx.pod?.workload !== 'DaemonSet' || strategyType(ctx, STRATEGY) !== 'RollingUpdate') return;
    const rolling = mapIn(ctx, ROLLING);
    const unavailable = withDefault(readers.intOrString(ctx.doc.ctx, rolling, 'maxUnavailable'), 1);
    const surge = withDefault(readers.intOrString(ctx.doc.ctx, rolling, 'maxSurge'), 0);
    for (const [key, v] of [
      ['maxUnavailable', unavailable],
      ['maxSurge', surge],
    ] as const) {
      if (v?.field.kind !== 'value') continue;
      for (const problem of intOrPercentProblems(v.value, true)) {
        ctx.report({
          path: [...ROLLING, key],
          range: v.field.range,
          message: `${key} ${JSON.stringify(v.value)} ${problem}`,
        });
      }
    }
    if (!unavailable || !surge) return;
    const hasUnavailable = intOrPercentValue(unavailable.value) !== 0;
    const hasSurge = intOrPercentValue(surge.value) !== 0;
    if (hasUnavailable && hasSurge && surge.field.kind === 'value') {
      const fix = unavailable.field.kind === 'absent' && rolling ? maxUnavailableZero(ctx, rolling) : undefined;
      ctx.report({
        path: [...ROLLING, 'maxSurge'],
        range: surge.field.range,
        message:
          unavailable.field.kind === 'absent'
            ? 'maxSurge needs maxUnavailable: 0 (an omitted maxUnavailable is defaulted to 1)'
            : 'maxSurge may not be set when maxUnavailable is non-zero',
        ...(unavailable.field.kind === 'absent' && { needsWholeObject: true }),
        ...(fix && { fixes: [fix] }),
      });
    } else if (!hasUnavailable && !hasSurge && unavailable.field.kind === 'value') {
      ctx.report({
        path: [...ROLLING, 'maxUnavailable'],
        range: unavailable.field.range,
        message: 'maxUnavailable cannot be 0 when maxSurge is 0: the rollout could never progress',
        ...(surge.field.kind === 'absent' && { needsWholeObject: true }),
      });
    }
  },
};
