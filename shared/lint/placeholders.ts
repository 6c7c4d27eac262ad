/**
 * `substitution-placeholder`: the one notice for a document whose checked fields hold placeholders a deploy step
 * substitutes (`${AUTOSCALER_NS}`, `<node-hostname>`); the engine drops every other finding on those fields,
 * since what they will hold is unknown, and keeps checking the rest of the object.
 */
import type { Placeholder } from '../model';
import { comparePositions, formatPath, type Range } from '../util/range';
import type { Finding, Rule } from './types';

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
    (f) => f.rule === substitutionPlaceholder.meta.id || !placeholders.some((p) => within(f.range, p.fieldRange)),
  );
}

/** Fields named in the message; the rest are counted. */
const NAMED_FIELDS = 5;

export const substitutionPlaceholder: Rule = {
  meta: {
    id: 'substitution-placeholder',
    family: 'syntax',
    severity: 'info',
    summary: 'Fields hold substitution placeholders ($VAR, <name>, __VAR__, …): they are checked once substituted.',
  },
  check(ctx) {
    const found = ctx.doc.placeholders;
    const first = found[0];
    if (!first) return;
    const styles = [...new Set(found.map((p) => p.style))].map((s) => `${s.name} ${s.example}`);
    const fields = found.map((p) => formatPath(p.path));
    const listed = fields.slice(0, NAMED_FIELDS).join(', ');
    const more = fields.length > NAMED_FIELDS ? ` and ${fields.length - NAMED_FIELDS} more` : '';
    ctx.report({
      path: first.path,
      range: first.range,
      message:
        `Substitution placeholders (${styles.join('; ')}) in ${fields.length} field(s): ${listed}${more}. ` +
        'They are meant to be replaced before kubectl apply, so podlens does not check these fields; the rest of ' +
        'the object is checked. Lint the substituted output to check them too.',
    });
  },
};
