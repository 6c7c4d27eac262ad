/**
 * `invalid-readiness-gate`: each spec.readinessGates[].conditionType is a qualified name (validateReadinessGates,
 * pkg/apis/core/validation/validation.go, v1.36).
 */
import { isQualifiedName } from '../../../k8s/names';
import type { Rule } from '../../types';
import { listItems, quote, str } from './_helpers/items';
import { mapAt, reportPodSpec } from './_helpers/util';

export const invalidReadinessGateRule: Rule = {
  meta: {
    id: 'invalid-readiness-gate',
    family: 'api-validation',
    severity: 'error',
    summary: 'A readiness gate conditionType that is not a qualified name.',
  },
  check(ctx) {
    const pod = ctx.pod;
    if (!pod) return;
    for (const g of listItems(ctx, mapAt(ctx.doc, pod.specPath), pod.specPath, 'readinessGates')) {
      const type = str(ctx, g.map, 'conditionType');
      if (type.kind === 'value' && isQualifiedName(type.value).length > 0)
        reportPodSpec(ctx, {
          path: [...g.path, 'conditionType'],
          range: type.range,
          message: `Readiness gate ${quote(type.value)} is not a qualified name.`,
        });
    }
  },
};
