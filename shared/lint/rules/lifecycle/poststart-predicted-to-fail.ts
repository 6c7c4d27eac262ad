/**
 * poststart-predicted-to-fail: the simulator's own prediction of a postStart hook (`predictContainer`: exec
 * handlers run against what the container's script did by then, network handlers against the ports it serves),
 * reported where the lifecycle preview shows the failure.
 */
import { resolvePod } from '../../../model';
import type { Rule } from '../../types';
import { describeContainer } from './_helpers/containers';
import { lintPrediction } from './_helpers/prediction';

export const poststartPredictedToFailRule: Rule = {
  meta: {
    id: 'poststart-predicted-to-fail',
    family: 'lifecycle',
    severity: 'warning',
    summary: 'The postStart hook is predicted to fail: the kubelet kills the container and restarts it.',
  },
  check(ctx) {
    const pod = ctx.pod;
    for (const c of pod ? resolvePod(pod).views : []) {
      const hook = c.lifecycle.postStart;
      const handler = hook?.handlers[0];
      if (!pod || !hook || !handler) continue;
      const predicted = lintPrediction(pod, c)?.postStart;
      if (predicted?.behaviour.result !== 'failure') continue;
      const how = predicted.certainty === 'inferred' ? 'fails' : 'is likely to fail';
      ctx.report({
        path: handler.path,
        range: handler.keyRange,
        needsWholeObject: true,
        message: `postStart hook ${how}: the kubelet kills the container (FailedPostStartHook)`,
        detail:
          `The postStart hook of ${describeContainer(c)} ${how}: ${predicted.because}. The kubelet then kills the ` +
          'container (FailedPostStartHook) and restarts it per the restart policy, so it never stays Running.',
      });
    }
  },
};
