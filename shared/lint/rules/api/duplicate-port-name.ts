/**
 * `duplicate-port-name` (validateContainerPorts): port names are unique within one container.
 */
import { isValidPortName } from '../../../k8s/names';
import type { Range } from '../../../util/range';
import type { Rule } from '../../types';
import { allContainers, duplicate, reportPodSpec } from './_helpers/util';

export const duplicatePortNameRule: Rule = {
  meta: {
    id: 'duplicate-port-name',
    family: 'api-validation',
    severity: 'error',
    summary: 'Two ports of one container share a name (the same name in two containers is allowed).',
  },
  check(ctx) {
    if (!ctx.pod) return;
    for (const c of allContainers(ctx.pod)) {
      const seen = new Map<string, Range>();
      for (const p of c.ports) {
        const name = p.name;
        // Invalid names are never added to the set upstream, so they cannot be duplicates.
        if (name.kind !== 'value' || name.value === '' || isValidPortName(name.value).length > 0) continue;
        const first = seen.get(name.value);
        if (!first) {
          seen.set(name.value, name.range);
          continue;
        }
        const path = [...p.path, 'name'];
        reportPodSpec(ctx, {
          path,
          range: name.range,
          message: duplicate(path, name.value),
          related: [{ range: first, message: `First port named "${name.value}"` }],
        });
      }
    }
  },
};
