/**
 * missing-liveness-probe: a regular container of a pod that keeps running (not Jobs; restartPolicy Always) without a
 * liveness probe: a hung process is never restarted.
 */
import { insertProbeFix } from '../../fixes';
import type { Rule } from '../../types';
import { capitalize, containerAnchor, describeContainer, isLongRunning } from './_helpers/containers';

export const missingLivenessProbeRule: Rule = {
  meta: {
    id: 'missing-liveness-probe',
    family: 'lifecycle',
    severity: 'hint',
    bestPractice: true,
    summary: 'A long-running container has no livenessProbe: a hung process is never restarted.',
  },
  check(ctx) {
    const pod = ctx.pod;
    if (!pod || !isLongRunning(pod)) return;
    for (const c of pod.containers) {
      if (c.livenessProbe) continue;
      const fix = insertProbeFix(ctx.doc, c, 'livenessProbe');
      ctx.report({
        ...containerAnchor(c),
        needsWholeObject: true,
        message: 'No livenessProbe: a hung process is restarted only if it exits',
        detail: `${capitalize(describeContainer(c))} has no livenessProbe: a hung process is restarted only if it exits.`,
        fixes: fix ? [fix] : undefined,
      });
    }
  },
};
