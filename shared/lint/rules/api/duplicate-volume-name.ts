/**
 * `duplicate-volume-name` (ValidateVolumes): volume names are unique within the pod.
 */
import { duplicates, nonEmptyValue } from '../../helpers/duplicates';
import type { Rule } from '../../types';
import { duplicate, reportPodSpec } from './_helpers/util';

export const duplicateVolumeNameRule: Rule = {
  meta: {
    id: 'duplicate-volume-name',
    family: 'api-validation',
    severity: 'error',
    summary: 'Two volumes share a name.',
  },
  check(ctx) {
    for (const [v, { key, firstKey }] of duplicates(ctx.pod?.volumes ?? [], (v) => nonEmptyValue(v.name))) {
      const path = [...v.path, 'name'];
      reportPodSpec(ctx, {
        path,
        range: key.range,
        message: duplicate(path, key.value),
        related: [{ range: firstKey.range, message: `First volume named "${key.value}"` }],
      });
    }
  },
};
