/**
 * `job-backoff-limit-per-index` (validateJobSpec in pkg/apis/batch/validation/validation.go, v1.36):
 * backoffLimitPerIndex and maxFailedIndexes need completionMode Indexed; maxFailedIndexes needs backoffLimitPerIndex
 * and is at most completions and 100000; above 100000 completions with backoffLimitPerIndex, maxFailedIndexes is
 * required and it and parallelism are at most 10000.
 */
import type { Rule } from '../../types';
import { intIn, jobSpecPath, stringIn } from './_helpers/read';

const LIMIT = 100_000;
const HIGH_LIMIT = 10_000;

export const jobBackoffLimitPerIndexRule: Rule = {
  meta: {
    id: 'job-backoff-limit-per-index',
    family: 'api-validation',
    severity: 'error',
    summary: 'backoffLimitPerIndex/maxFailedIndexes outside an Indexed Job, or maxFailedIndexes out of its limits.',
  },
  check(ctx) {
    const spec = jobSpecPath(ctx);
    if (!spec) return;
    const mode = stringIn(ctx, spec, 'completionMode');
    const perIndex = intIn(ctx, spec, 'backoffLimitPerIndex');
    const maxFailed = intIn(ctx, spec, 'maxFailedIndexes');
    if (maxFailed.kind === 'value' && perIndex.kind === 'absent') {
      ctx.report({
        path: [...spec, 'backoffLimitPerIndex'],
        range: maxFailed.keyRange,
        message: 'maxFailedIndexes needs backoffLimitPerIndex',
      });
    }
    const indexed = mode.kind === 'value' && mode.value === 'Indexed';
    if (!indexed) {
      if (mode.kind !== 'absent' && !(mode.kind === 'value' && mode.value === 'NonIndexed')) return;
      for (const [key, f] of [
        ['backoffLimitPerIndex', perIndex],
        ['maxFailedIndexes', maxFailed],
      ] as const) {
        if (f.kind !== 'value') continue;
        ctx.report({ path: [...spec, key], range: f.keyRange, message: `${key} requires completionMode: Indexed` });
      }
      return;
    }
    const completions = intIn(ctx, spec, 'completions');
    const parallelism = intIn(ctx, spec, 'parallelism');
    const at = (key: string) => [...spec, key];
    if (maxFailed.kind === 'value' && completions.kind === 'value' && maxFailed.value > completions.value) {
      ctx.report({
        path: at('maxFailedIndexes'),
        range: maxFailed.range,
        message: `maxFailedIndexes must be at most completions (${completions.value})`,
      });
    }
    if (maxFailed.kind === 'value' && maxFailed.value > LIMIT) {
      ctx.report({
        path: at('maxFailedIndexes'),
        range: maxFailed.range,
        message: `maxFailedIndexes must be at most ${LIMIT}`,
      });
    }
    if (completions.kind !== 'value' || completions.value <= LIMIT || perIndex.kind !== 'value') return;
    if (maxFailed.kind === 'absent') {
      ctx.report({
        path: at('maxFailedIndexes'),
        range: completions.range,
        message: `maxFailedIndexes is required above ${LIMIT} completions with backoffLimitPerIndex`,
      });
    }
    if (parallelism.kind === 'value' && parallelism.value > HIGH_LIMIT) {
      ctx.report({
        path: at('parallelism'),
        range: parallelism.range,
        message: `parallelism must be at most ${HIGH_LIMIT} above ${LIMIT} completions with backoffLimitPerIndex`,
      });
    }
    if (maxFailed.kind === 'value' && maxFailed.value > HIGH_LIMIT) {
      ctx.report({
        path: at('maxFailedIndexes'),
        range: maxFailed.range,
        message: `maxFailedIndexes must be at most ${HIGH_LIMIT} above ${LIMIT} completions with backoffLimitPerIndex`,
      });
    }
  },
};
