/**
 * `resource-quota-exceeded`: the pod alone breaks a ResourceQuota of its namespace (from the workspace): its
 * requests, limits or pod count exceed a hard limit, or a container leaves out a cpu/memory value the quota tracks
 * (pkg/quota/v1/evaluator/core/pods.go, plugin/pkg/admission/resourcequota/controller.go, v1.36). A warning: the
 * quota's current usage by the namespace's other pods is unknown, so only the pod's own usage is compared.
 */
import { admitPod } from '../../../k8s/admission';
import type { Rule } from '../../types';
import { headline, policyWhere } from './_helpers/report';

export const resourceQuotaExceededRule: Rule = {
  meta: {
    id: 'resource-quota-exceeded',
    family: 'api-validation',
    severity: 'warning',
    summary: "The pod's own requests, limits or count exceed a ResourceQuota of its namespace.",
  },
  check(ctx) {
    const pod = ctx.pod;
    if (!pod || !ctx.workspace) return;
    const range = pod.containersKeyRange ?? pod.specKeyRange;
    if (!range) return;
    for (const finding of admitPod(pod, ctx.workspace).quotas) {
      const name = finding.quota.name;
      const what = finding.resources.join(', ');
      const mustSpecify = finding.message.includes(': must specify ');
      const precise = mustSpecify
        ? `ResourceQuota ${name} needs ${what} set on every container`
        : `exceeds ResourceQuota ${name} on its own: ${what}`;
      ctx.report({
        path: [...pod.specPath, 'containers'],
        range,
        message: headline(precise, `exceeds ResourceQuota ${name}`),
        detail:
          `The API server would answer: ${finding.message}\n\n${policyWhere(ctx, finding.quota)}. ` +
          "This compares the pod's own usage with the quota; what the namespace's other pods already use is not " +
          'known here, so the quota may refuse a pod that passes this check.',
        needsWholeObject: true,
      });
    }
  },
};
