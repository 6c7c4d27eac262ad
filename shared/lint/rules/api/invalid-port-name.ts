/**
 * `invalid-port-name` (validateContainerPorts): a port name is an IANA service name.
 */
import { isValidPortName } from '../../../k8s/names';
import { resolvePod } from '../../../model';
import type { Rule } from '../../types';
import { invalid, reportPodSpec } from './_helpers/util';

export const invalidPortNameRule: Rule = {
  meta: {
    id: 'invalid-port-name',
    family: 'api-validation',
    severity: 'error',
    summary: 'A port name that is not an IANA service name (1-15 of a-z, 0-9 and "-", with a letter).',
  },
  check(ctx) {
    if (!ctx.pod) return;
    for (const c of resolvePod(ctx.pod).views) {
      for (const p of c.ports) {
        if (p.name.kind !== 'value' || p.name.value === '') continue;
        const path = [...p.path, 'name'];
        for (const msg of isValidPortName(p.name.value)) {
          reportPodSpec(ctx, { path, range: p.name.range, message: invalid(path, p.name.value, msg) });
        }
      }
    }
  },
};
