/**
 * `requests-exceed-limits` (validateResourceRequirements): a request above its limit, reported on
 * `…resources.requests`, as upstream does.
 */
import { canonicalQuantity, compareQuantities } from '../../../k8s/quantity';
import type { Rule } from '../../types';
import { overcommit, quantityOf, targets } from './_helpers/resourceTargets';
import { invalid, reportPodSpec } from './_helpers/util';

export const requestsExceedLimitsRule: Rule = {
  meta: {
    id: 'requests-exceed-limits',
    family: 'api-validation',
    severity: 'error',
    summary: 'A resource request larger than its limit.',
  },
  check(ctx) {
    for (const t of targets(ctx)) {
      for (const [name, reqField] of t.resources.requests.entries) {
        const limField = t.resources.limits.entries.get(name);
        const req = quantityOf(reqField);
        const lim = limField && quantityOf(limField);
        if (!req || !lim || !overcommit(name) || compareQuantities(req, lim) <= 0 || reqField.kind !== 'value')
          continue;
        const path = [...t.path, 'requests'];
        reportPodSpec(ctx, {
          path,
          range: reqField.range,
          message: invalid(
            path,
            canonicalQuantity(req),
            `must be less than or equal to ${name} limit of ${canonicalQuantity(lim)}`,
          ),
          ...(limField?.kind === 'value' && { related: [{ range: limField.range, message: `${name} limit` }] }),
        });
      }
    }
  },
};
