/**
 * missing-memory-limit: a container that keeps running without a memory limit, the only bound on its memory: it can
 * take all free memory of the node (the Kubernetes v1.36 kubelet on QoS classes). A namespace LimitRange can default
 * it, which a manifest linter cannot see.
 */
import { resolvePod } from '../../../model';
import { insertMemoryLimitFix } from '../../fixes';
import type { Rule } from '../../types';
import { capitalize, containerAnchor, describeContainer } from './_helpers/containers';
import { hasAny, hasPodLevelResources } from './_helpers/resourcePresence';

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
    for (const c of resolvePod(pod).longRunning) {
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
