/**
 * `duplicate-mount-path` (ValidateVolumeMounts): mountPath is unique within one container; two containers may share
 * a path and one volume may be mounted twice.
 */
import type { Range } from '../../../util/range';
import type { Rule } from '../../types';
import { allContainers, invalid, reportPodSpec } from './_helpers/util';

export const duplicateMountPathRule: Rule = {
  meta: {
    id: 'duplicate-mount-path',
    family: 'api-validation',
    severity: 'error',
    summary: 'Two volumeMounts of one container use the same mountPath.',
  },
  check(ctx) {
    if (!ctx.pod) return;
    for (const c of allContainers(ctx.pod)) {
      const seen = new Map<string, Range>();
      for (const m of c.volumeMounts) {
        if (m.mountPath.kind !== 'value' || m.mountPath.value === '') continue;
        const first = seen.get(m.mountPath.value);
        if (!first) {
          seen.set(m.mountPath.value, m.mountPath.range);
          continue;
        }
        const path = [...m.path, 'mountPath'];
        reportPodSpec(ctx, {
          path,
          range: m.mountPath.range,
          message: invalid(path, m.mountPath.value, 'must be unique'),
          related: [{ range: first, message: `First mount at ${m.mountPath.value}` }],
        });
      }
    }
  },
};
