/**
 * `substitution-placeholder`: the one notice for a document whose checked fields hold placeholders a deploy step
 * substitutes (`${AUTOSCALER_NS}`, `<node-hostname>`); the engine drops every other finding on those fields,
 * since what they will hold is unknown, and keeps checking the rest of the object.
 */
import { formatPath } from '../../../util/range';
import type { Rule } from '../../types';

/** Fields named in the message; the rest are counted. */
const NAMED_FIELDS = 5;

export const substitutionPlaceholderRule: Rule = {
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
