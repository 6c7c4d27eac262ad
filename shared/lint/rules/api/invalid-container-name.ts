/**
 * `invalid-container-name`: a container name that is not a DNS-1123 label (validateContainerCommon,
 * pkg/apis/core/validation/validation.go, v1.36).
 */
import { isDNS1123Label } from '../../../k8s/names';
import { resolvePod } from '../../../model';
import type { Rule } from '../../types';
import { invalid, reportPodSpec } from './_helpers/util';

export const invalidContainerNameRule: Rule = {
  meta: {
    id: 'invalid-container-name',
    family: 'api-validation',
    severity: 'error',
    summary: 'A container name that is not a DNS-1123 label (lower case, digits and "-", at most 63 characters).',
  },
  check(ctx) {
    if (!ctx.pod) return;
    for (const c of resolvePod(ctx.pod).views) {
      const name = c.name;
      if (name.kind !== 'value' || name.value === '') continue;
      const path = [...c.path, 'name'];
      for (const msg of isDNS1123Label(name.value)) {
        reportPodSpec(ctx, { path, range: name.range, message: invalid(path, name.value, msg) });
      }
    }
  },
};
