/**
 * `template-restart-policy` (apps and batch validation): Deployment/ReplicaSet/DaemonSet/StatefulSet/
 * ReplicationController templates must keep restartPolicy Always; Job and CronJob templates need OnFailure or Never
 * (an omitted one is defaulted to Always and rejected).
 */
import type { Rule } from '../../types';
import { notSupported, required } from './_helpers/util';
import { ALWAYS_ONLY } from './_helpers/workloadTemplates';

export const templateRestartPolicyRule: Rule = {
  meta: {
    id: 'template-restart-policy',
    family: 'api-validation',
    severity: 'error',
    summary:
      'restartPolicy not allowed for the workload: Always for Deployments and the like, OnFailure/Never for Jobs.',
  },
  check(ctx) {
    const pod = ctx.pod;
    if (!pod || pod.workload === 'Pod') return;
    const path = [...pod.specPath, 'restartPolicy'];
    const policy = pod.restartPolicy;
    if (ALWAYS_ONLY.has(pod.workload)) {
      // Other values are the invalid-enum finding (validateRestartPolicy reports them for every pod spec).
      if (policy.kind !== 'value' || (policy.value !== 'OnFailure' && policy.value !== 'Never')) return;
      ctx.report({
        path,
        range: policy.range,
        message: notSupported(path, policy.value, ['Always']),
        detail: `A ${pod.workload} keeps its Pods running; use a Job for run-to-completion work.`,
        fixes: [{ title: 'Change to Always', edits: [{ range: policy.range, newText: 'Always' }], isPreferred: true }],
      });
      return;
    }
    const value = policy.kind === 'value' ? policy.value : policy.kind === 'absent' ? '' : undefined;
    if (value !== '' && value !== 'Always') return;
    const specKey = pod.specKeyRange;
    const range = policy.kind === 'value' ? policy.range : specKey;
    if (!range) return;
    ctx.report({
      path,
      range,
      message: required(path, 'valid values: "OnFailure", "Never"'),
      detail:
        `${value === '' ? 'An omitted restartPolicy is defaulted to Always, which' : 'Always'} ` +
        `is not allowed for a ${pod.workload}: its Pods must be able to finish.`,
      ...(policy.kind === 'value' && {
        fixes: [
          { title: 'Change to OnFailure', edits: [{ range, newText: 'OnFailure' }], isPreferred: true },
          { title: 'Change to Never', edits: [{ range, newText: 'Never' }] },
        ],
      }),
      ...(policy.kind === 'absent' && { needsWholeObject: true }),
    });
  },
};
