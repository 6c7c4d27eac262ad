/**
 * missing-resources: a container that keeps running (regular or native sidecar) without requests. The scheduler
 * places the pod by its requests; without any the pod is BestEffort and the first to be evicted under node pressure.
 * A namespace LimitRange can default them, which a manifest linter cannot see.
 */
import { resolvePod } from '../../../model';
import { insertResourcesFix } from '../../fixes';
import type { Rule } from '../../types';
import { capitalize, containerAnchor, describeContainer } from './_helpers/containers';
import { hasAny, hasPodLevelResources } from './_helpers/resourcePresence';

export const missingResourcesRule: Rule = {
  meta: {
    id: 'missing-resources',
    family: 'lifecycle',
    severity: 'info',
    bestPractice: true,
    summary: 'A container sets no cpu or memory requests or limits.',
  },
  check(ctx) {
    const pod = ctx.pod;
    if (!pod || hasPodLevelResources(pod)) return;
    for (const c of resolvePod(pod).longRunning) {
      if (hasAny(c)) continue;
      const anchor = containerAnchor(c);
      const fix = insertResourcesFix(ctx.doc, c);
      ctx.report({
        ...anchor,
        needsWholeObject: true,
        message: 'No cpu or memory requests or limits: BestEffort, evicted first',
        detail:
          `${capitalize(describeContainer(c))} sets no cpu or memory requests or limits: scheduled as if it needed ` +
          'nothing, evicted first (BestEffort), memory unbounded.',
        fixes: fix ? [fix] : undefined,
      });
    }
  },
};
