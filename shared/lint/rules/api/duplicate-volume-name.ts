/**
 * `duplicate-volume-name` (ValidateVolumes): volume names are unique within the pod.
 */
import type { Range } from '../../../util/range';
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
    const seen = new Map<string, Range>();
    for (const v of ctx.pod?.volumes ?? []) {
      if (v.name.kind !== 'value' || v.name.value === '') continue;
      const first = seen.get(v.name.value);
      if (!first) {
        seen.set(v.name.value, v.name.range);
        continue;
      }
      const path = [...v.path, 'name'];
      reportPodSpec(ctx, {
        path,
        range: v.name.range,
        message: duplicate(path, v.name.value),
        related: [{ range: first, message: `First volume named "${v.name.value}"` }],
      });
    }
  },
};
