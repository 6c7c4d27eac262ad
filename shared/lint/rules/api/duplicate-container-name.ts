/**
 * `duplicate-container-name`: container names are unique across init, regular and ephemeral containers
 * (validateContainers / validateInitContainers), reported where validation.go reports the repeat.
 */
import { duplicates, nonEmptyValue } from '../../helpers/duplicates';
import type { Rule } from '../../types';
import { duplicate, reportPodSpec } from './_helpers/util';

export const duplicateContainerNameRule: Rule = {
  meta: {
    id: 'duplicate-container-name',
    family: 'api-validation',
    severity: 'error',
    summary: 'Two containers share a name; names are unique across initContainers and containers.',
  },
  check(ctx) {
    const pod = ctx.pod;
    if (!pod) return;
    // validateContainers runs first, then validateInitContainers against every regular name: an init container
    // that repeats a regular container's name is the one reported, wherever it is written.
    const inValidationOrder = [...pod.containers, ...pod.initContainers];
    for (const [c, { key, firstKey }] of duplicates(inValidationOrder, (c) => nonEmptyValue(c.name))) {
      const path = [...c.path, 'name'];
      reportPodSpec(ctx, {
        path,
        range: key.range,
        message: duplicate(path, key.value),
        detail: `Another container in this pod is already named "${key.value}".`,
        related: [{ range: firstKey.range, message: `The other container named "${key.value}"` }],
      });
    }
  },
};
