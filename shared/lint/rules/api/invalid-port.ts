/**
 * `invalid-port` (validateContainerPorts): containerPort and a non-zero hostPort in 1..65535.
 */
import { isValidPortNum } from '../../../k8s/names';
import { resolvePod } from '../../../model';
import type { Rule } from '../../types';
import { invalid, reportPodSpec } from './_helpers/util';

export const invalidPortRule: Rule = {
  meta: {
    id: 'invalid-port',
    family: 'api-validation',
    severity: 'error',
    summary: 'A containerPort or hostPort outside 1..65535.',
  },
  check(ctx) {
    if (!ctx.pod) return;
    for (const c of resolvePod(ctx.pod).views) {
      for (const p of c.ports) {
        for (const key of ['containerPort', 'hostPort'] as const) {
          const f = p[key];
          // containerPort 0 is the missing-required-field finding; hostPort 0 means "no host port".
          if (f.kind !== 'value' || f.value === 0) continue;
          const path = [...p.path, key];
          for (const msg of isValidPortNum(f.value)) {
            reportPodSpec(ctx, { path, range: f.range, message: invalid(path, f.value, msg) });
          }
        }
      }
    }
  },
};
