/**
 * `duplicate-mount-path` (ValidateVolumeMounts): mountPath is unique within one container; two containers may share
 * a path and one volume may be mounted twice.
 */
import { resolvePod } from '../../../model';
import { duplicates, nonEmptyValue } from '../../helpers/duplicates';
import type { Rule } from '../../types';
import { invalid, reportPodSpec } from './_helpers/util';

export const duplicateMountPathRule: Rule = {
  meta: {
    id: 'duplicate-mount-path',
    family: 'api-validation',
    severity: 'error',
    summary: 'Two volumeMounts of one container use the same mountPath.',
  },
  check(ctx) {
    if (!ctx.pod) return;
    for (const c of resolvePod(ctx.pod).views) {
      for (const [m, { key, firstKey }] of duplicates(c.volumeMounts, (m) => nonEmptyValue(m.mountPath))) {
        const path = [...m.path, 'mountPath'];
        reportPodSpec(ctx, {
          path,
          range: key.range,
          message: invalid(path, key.value, 'must be unique'),
          related: [{ range: firstKey.range, message: `First mount at ${key.value}` }],
        });
      }
    }
  },
};
