/**
 * missing-readiness-probe: a regular container of a pod that keeps running (not Jobs; restartPolicy Always) without
 * a readiness probe is ready at once (the Kubernetes v1.36 kubelet), so Services send it traffic before it can answer.
 */
import { insertProbeFix } from '../../fixes';
import type { Rule } from '../../types';
import { capitalize, containerAnchor, describeContainer, isLongRunning } from './_helpers/containers';

export const missingReadinessProbeRule: Rule = {
  meta: {
    id: 'missing-readiness-probe',
    family: 'lifecycle',
    severity: 'info',
    bestPractice: true,
    summary: 'A long-running container has no readinessProbe: it receives traffic as soon as it starts.',
  },
  check(ctx) {
    const pod = ctx.pod;
    if (!pod || !isLongRunning(pod)) return;
    for (const c of pod.containers) {
      if (c.readinessProbe) continue;
      const fix = insertProbeFix(ctx.doc, c, 'readinessProbe');
      ctx.report({
        ...containerAnchor(c),
        needsWholeObject: true,
        message: 'No readinessProbe: ready, and sent traffic, the moment it starts',
        detail:
          `${capitalize(describeContainer(c))} has no readinessProbe: it counts as ready the moment it starts and ` +
          'gets traffic before it can serve.',
        fixes: fix ? [fix] : undefined,
      });
    }
  },
};
