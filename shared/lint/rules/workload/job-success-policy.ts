/**
 * `job-success-policy` (validateSuccessPolicy, validateSuccessPolicyRule and validateIndexesFormat in
 * pkg/apis/batch/validation/validation.go, v1.36): a successPolicy needs completionMode Indexed and 1..20 rules,
 * each with succeededCount or succeededIndexes; succeededIndexes is an ascending list of indexes and ranges
 * (`0,2-5`) below completions, and succeededCount is at most completions and the number of indexes listed.
 */
import type { Node } from 'yaml';
import { readers } from '../../../model';
import type { FieldPath } from '../../../util/range';
import type { Rule, RuleContext } from '../../types';
import { intIn, jobSpecPath, keyRangeIn, mapIn, stringIn } from './_helpers/read';

const MAX_RULES = 20;
const MAX_INDEXES_LENGTH = 64 * 1024;

/** validateIndexesFormat: the number of indexes, or the problem. */
function parseIndexes(text: string, completions: number): { total: number } | { error: string } {
  if (text === '') return { total: 0 };
  let last: number | undefined;
  let total = 0;
  for (const interval of text.split(',')) {
    const limits = interval.split('-');
    if (limits.length > 2) return { error: `${JSON.stringify(interval)} has more than two parts` };
    for (const [i, part] of limits.entries()) {
      if (!/^[+-]?[0-9]+$/.test(part)) return { error: `${JSON.stringify(part)} is not an index` };
      const x = Number(part);
      if (x >= completions) return { error: `index ${x} is not below completions (${completions})` };
      if (last !== undefined && last >= x) return { error: `indexes must increase (${last} then ${x})` };
      total += i === 0 ? 1 : x - (last ?? x);
      last = x;
    }
  }
  return { total };
}

function checkRule(ctx: RuleContext, at: FieldPath, item: unknown, completions: number | undefined): void {
  const c = ctx.doc.ctx;
  const m = c.asMap(item);
  const range = c.range(item as Node);
  if (!range) return;
  const count = readers.int(c, m, 'succeededCount');
  const indexes = readers.string(c, m, 'succeededIndexes');
  if (count.kind === 'absent' && indexes.kind === 'absent') {
    ctx.report({ path: at, range, message: 'a success rule needs succeededCount or succeededIndexes' });
    return;
  }
  let total: number | undefined;
  if (indexes.kind === 'value') {
    const path = [...at, 'succeededIndexes'];
    if (indexes.value.length > MAX_INDEXES_LENGTH) {
      ctx.report({
        path,
        range: indexes.range,
        message: `succeededIndexes may be at most ${MAX_INDEXES_LENGTH} characters`,
      });
    }
    const parsed = completions === undefined ? undefined : parseIndexes(indexes.value, completions);
    if (parsed && 'error' in parsed)
      ctx.report({ path, range: indexes.range, message: `succeededIndexes: ${parsed.error}` });
    else total = parsed?.total;
  }
  if (count.kind !== 'value') return;
  const path = [...at, 'succeededCount'];
  if (count.value < 0)
    ctx.report({ path, range: count.range, message: 'succeededCount must be greater than or equal to 0' });
  if (completions !== undefined && count.value > completions) {
    ctx.report({ path, range: count.range, message: `succeededCount must be at most completions (${completions})` });
  }
  if (total !== undefined && count.value > total) {
    ctx.report({ path, range: count.range, message: `succeededCount must be at most the ${total} indexes listed` });
  }
}

export const jobSuccessPolicyRule: Rule = {
  meta: {
    id: 'job-success-policy',
    family: 'api-validation',
    severity: 'error',
    summary: 'A Job successPolicy outside Indexed mode, without rules, or with rules the API server rejects.',
  },
  check(ctx) {
    const spec = jobSpecPath(ctx);
    const policy = spec && mapIn(ctx, [...spec, 'successPolicy']);
    const key = spec && keyRangeIn(ctx, spec, 'successPolicy');
    if (!spec || !policy || !key) return;
    const mode = stringIn(ctx, spec, 'completionMode');
    if (mode.kind !== 'value' || mode.value !== 'Indexed') {
      if (mode.kind === 'value' && mode.value !== 'NonIndexed') return;
      ctx.report({
        path: [...spec, 'successPolicy'],
        range: key,
        message: 'successPolicy requires completionMode: Indexed',
      });
      return;
    }
    const c = ctx.doc.ctx;
    const rules = c.asSeq(c.get(policy, 'rules'))?.items ?? [];
    const rulesPath = [...spec, 'successPolicy', 'rules'];
    const rulesKey = keyRangeIn(ctx, [...spec, 'successPolicy'], 'rules') ?? key;
    if (rules.length === 0)
      ctx.report({ path: rulesPath, range: rulesKey, message: 'successPolicy needs at least one rule' });
    if (rules.length > MAX_RULES)
      ctx.report({ path: rulesPath, range: rulesKey, message: `successPolicy may have at most ${MAX_RULES} rules` });
    const completions = intIn(ctx, spec, 'completions');
    const parallelism = intIn(ctx, spec, 'parallelism');
    // Completions and parallelism both unset are defaulted to 1.
    const effective =
      completions.kind === 'value'
        ? completions.value
        : completions.kind === 'absent' && parallelism.kind === 'absent'
          ? 1
          : undefined;
    rules.forEach((item, i) => {
      checkRule(ctx, [...rulesPath, i], item, effective);
    });
  },
};
