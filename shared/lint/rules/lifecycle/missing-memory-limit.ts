/** HEADER missing-memory-limit */
import { insertMemoryLimitFix } from '../../fixes';
import type { Rule } from '../../types';
import { capitalize, concurrentContainers, containerAnchor, describeContainer } from './_helpers/containers';
import { hasAny, hasPodLevelResources } from './_helpers/resources';

export const missingMemoryLimitRule: Rule = {
  meta: {
    id: 'missing-memory-limit',
    family: 'lifecycle',
    severity: 'info',
    bestPractice: true,
    summary: 'A container with resource settings has no memory limit.',
  },
  check(ctx) {
    const pod = ctx.pod;
    if (!pod || hasPodLevelResources(pod)) return;
    for (const c of concurrentContainers(pod)) {
      // No resources at all is missing-resources' finding.
      if (!hasAny(c) || c.resources.limits.entries.has('memory')) continue;
      const fix = insertMemoryLimitFix(ctx.doc, c);
      const anchor = c.resources.keyRange
        ? { range: c.resources.keyRange, path: [...c.path, 'resources'] }
        : containerAnchor(c);
      ctx.report({
        ...anchor,
        needsWholeObject: true,
        message: 'No memory limit: it can use node memory until other pods are OOM-killed',
        detail:
          `${capitalize(describeContainer(c))} has no memory limit: it can use the node's memory until other pods ` +
          'are OOM-killed or evicted.',
        fixes: fix ? [fix] : undefined,
      });
    }
  },
};
