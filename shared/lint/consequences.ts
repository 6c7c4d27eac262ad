/**
 * One root cause, one error. kubectl stops at the first problem it meets: a YAML syntax error rejects the file
 * before any object is decoded, and an apiVersion the API server does not serve fails before validation runs.
 * Errors that would follow from those (unknown fields under a broken line, the selector an old apiVersion used to
 * default) are consequences, not separate problems, and are dropped; warnings and hints are kept.
 */
import { comparePositions } from '../util/range';
import type { Finding } from './types';

/**
 * Rule findings without the errors that a syntax error above them, or a root-cause finding in the same document,
 * makes moot.
 * @example withoutConsequences(ruleFindings, syntax, ['api-version'])
 */
export function withoutConsequences(
  ruleFindings: readonly Finding[],
  syntax: readonly Finding[],
  rootCauseRules: ReadonlySet<string>,
): Finding[] {
  const firstSyntaxError = syntax
    .filter((f) => f.severity === 'error')
    .map((f) => f.range.start)
    .sort(comparePositions)[0];
  const rootCause = ruleFindings.find((f) => f.severity === 'error' && rootCauseRules.has(f.rule));
  return ruleFindings.filter((f) => {
    if (f.severity !== 'error' || f === rootCause) return true;
    if (rootCause) return false;
    return !firstSyntaxError || comparePositions(f.range.start, firstSyntaxError) < 0;
  });
}
