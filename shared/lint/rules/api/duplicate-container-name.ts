/**
 * `duplicate-container-name`: container names are unique across init, regular and ephemeral containers
 * (validateContainers / validateInitContainers), reported where validation.go reports the repeat.
 */
import type { ContainerView } from '../../../model';
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
    const seen = new Map<string, ContainerView>();
    const check = (c: ContainerView) => {
      if (c.name.kind !== 'value' || c.name.value === '') return;
      const first = seen.get(c.name.value);
      if (!first) {
        seen.set(c.name.value, c);
        return;
      }
      const path = [...c.path, 'name'];
      const firstRange = first.name.kind === 'value' ? first.name.range : first.range;
      reportPodSpec(ctx, {
        path,
        range: c.name.range,
        message: duplicate(path, c.name.value),
        detail: `Another container in this pod is already named "${c.name.value}".`,
        related: [{ range: firstRange, message: `The other container named "${c.name.value}"` }],
      });
    };
    // validateContainers runs first, then validateInitContainers against every regular name: an init container
    // that repeats a regular container's name is the one reported, wherever it is written.
    for (const c of pod.containers) check(c);
    for (const c of pod.initContainers) check(c);
  },
};
