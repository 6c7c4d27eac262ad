/**
 * Findings on fields that hold substitution placeholders are dropped: what those fields will hold is unknown until a
 * deploy step substitutes them (the `substitution-placeholder` rule reports the notice).
 */
import type { Placeholder } from '../model';
import { comparePositions, type Range } from '../util/range';
import { substitutionPlaceholderRule } from './rules/syntax/substitution-placeholder';
import type { Finding } from './types';

function within(inner: Range, outer: Range): boolean {
  return comparePositions(inner.start, outer.start) >= 0 && comparePositions(inner.end, outer.end) <= 0;
}

/** Findings that are not about a placeholder's field (the notice itself stays). */
export function withoutPlaceholderFindings(
  findings: readonly Finding[],
  placeholders: readonly Placeholder[],
): Finding[] {
  if (placeholders.length === 0) return [...findings];
  return findings.filter(
    (f) => f.rule === substitutionPlaceholderRule.meta.id || !placeholders.some((p) => within(f.range, p.fieldRange)),
  );
}
