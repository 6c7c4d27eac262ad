/**
 * `invalid-volume-name` (ValidateVolumes): a volume name is a DNS-1123 label.
 */
import { isDNS1123Label } from '../../../k8s/names';
import type { Rule } from '../../types';
import { invalid, reportPodSpec } from './_helpers/util';

export const invalidVolumeNameRule: Rule = {
  meta: {
    id: 'invalid-volume-name',
    family: 'api-validation',
    severity: 'error',
    summary: 'A volume name that is not a DNS-1123 label.',
  },
  check(ctx) {
    for (const v of ctx.pod?.volumes ?? []) {
      if (v.name.kind !== 'value' || v.name.value === '') continue;
      const path = [...v.path, 'name'];
      for (const msg of isDNS1123Label(v.name.value))
        reportPodSpec(ctx, { path, range: v.name.range, message: invalid(path, v.name.value, msg) });
    }
  },
};
