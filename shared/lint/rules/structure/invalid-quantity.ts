/**
 * `invalid-quantity`: a resource quantity `resource.ParseQuantity` rejects (`1GB`, `10gb`, `1 Gi`). The API server
 * fails to decode the object ("quantities must match the regular expression …"), so it is an error; quantities it
 * accepts but stores differently (finer than 1n, above 2^63-1 binary) are reported as warnings.
 */
import { parseQuantity } from '../../../k8s/quantity';
import type { Rule } from '../../types';
import { schemaIssues } from './_helpers/walk';

export const invalidQuantityRule: Rule = {
  meta: {
    id: 'invalid-quantity',
    family: 'structure',
    severity: 'error',
    summary: 'A resource quantity that does not parse (1GB, 10gb, 1 Gi): the object cannot be decoded.',
  },
  check(ctx) {
    for (const issue of schemaIssues(ctx.doc, ctx.target)) {
      if (issue.kind !== 'quantity') continue;
      const parsed = parseQuantity(issue.text);
      if (!parsed.ok) {
        ctx.report({
          path: issue.path,
          range: issue.range,
          message: `Invalid quantity ${parsed.error}`,
          detail:
            'The API server cannot decode the object: ' +
            `quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'`,
        });
      } else if (parsed.warning) {
        ctx.report({
          path: issue.path,
          range: issue.range,
          message: `Quantity ${parsed.warning}.`,
          severity: 'warning',
        });
      }
    }
  },
};
