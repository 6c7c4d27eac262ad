/**
 * `duplicate-port-name` (validateContainerPorts): port names are unique within one container.
 */
import { isValidPortName } from '../../../k8s/names';
import { type PortView, resolvePod } from '../../../model';
import { duplicates, nonEmptyValue } from '../../helpers/duplicates';
import type { Rule } from '../../types';
import { duplicate, reportPodSpec } from './_helpers/util';

export const duplicatePortNameRule: Rule = {
  meta: {
    id: 'duplicate-port-name',
    family: 'api-validation',
    severity: 'error',
    summary: 'Two ports of one container share a name (the same name in two containers is allowed).',
  },
  check(ctx) {
    if (!ctx.pod) return;
    for (const c of resolvePod(ctx.pod).views) {
      // Invalid names are never added to the set upstream, so they cannot be duplicates.
      const validName = (p: PortView) => {
        const name = nonEmptyValue(p.name);
        return name && isValidPortName(name.value).length === 0 ? name : undefined;
      };
      for (const [p, { key, firstKey }] of duplicates(c.ports, validName)) {
        const path = [...p.path, 'name'];
        reportPodSpec(ctx, {
          path,
          range: key.range,
          message: duplicate(path, key.value),
          related: [{ range: firstKey.range, message: `First port named "${key.value}"` }],
        });
      }
    }
  },
};
