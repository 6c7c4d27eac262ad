/**
 * init-never-succeeds: an init container the simulator's prediction never sees exit 0, so the pod never starts its
 * regular containers (pkg/kubelet/kuberuntime/kuberuntime_manager.go computePodActions).
 */
import type { Rule } from '../../types';
import { capitalize, describeContainer, podRestartPolicy } from './_helpers/containers';
import { after, BACKOFF_SCHEDULE, commandSite } from './_helpers/exitSites';
import { predictedOutcome } from './_helpers/prediction';

export const initNeverSucceedsRule: Rule = {
  meta: {
    id: 'init-never-succeeds',
    family: 'lifecycle',
    severity: 'warning',
    summary: 'An init container exits non-zero (or never exits): the app containers never start.',
  },
  check(ctx) {
    const pod = ctx.pod;
    const policy = pod ? podRestartPolicy(pod) : undefined;
    if (!pod || !policy) return;
    for (const c of pod.initContainers) {
      if (c.role !== 'init') continue;
      const run = predictedOutcome(pod, c);
      const site = run && commandSite(c, run);
      if (!site || !run || (run.kind === 'exits' && run.exitCode === 0)) continue;
      // "Runs forever" from args alone rests on an assumption about the image; only a written command is sure.
      if (run.kind === 'forever' && !site.explicit) continue;
      const outcome =
        run.kind === 'forever'
          ? `it never exits, so the pod stays Pending (kubectl: Init:${c.index}/${pod.initContainers.length}) and the app containers never start`
          : policy === 'Never'
            ? 'under restartPolicy Never the pod fails at once (phase Failed, kubectl: Init:Error) and the app containers never start'
            : `under restartPolicy ${policy} the kubelet retries it forever with the crash-loop back-off (${BACKOFF_SCHEDULE}): ` +
              'the pod stays Pending, kubectl shows Init:Error and then Init:CrashLoopBackOff, and the app containers never start';
      ctx.report({
        range: site.range,
        path: site.path,
        needsWholeObject: true,
        message:
          run.kind === 'forever'
            ? 'Init container never exits: the app containers never start'
            : `Init container exits ${run.exitCode}${after(run.afterSeconds)}: the app containers never start`,
        detail: `${capitalize(describeContainer(c))} can never succeed: ${run.because}; ${outcome}.`,
      });
    }
  },
};
