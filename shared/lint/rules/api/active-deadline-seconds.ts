/**
 * `active-deadline-seconds` (ValidatePodSpec, apps validation): 1..2147483647, and not allowed in the templates of
 * long-running workloads.
 */
import { inclusiveRangeError } from '../../../k8s/names';
import type { Rule } from '../../types';
import { forbidden, invalid } from './_helpers/util';
import { ALWAYS_ONLY } from './_helpers/workloadTemplates';

export const activeDeadlineSecondsRule: Rule = {
  meta: {
    id: 'active-deadline-seconds',
    family: 'api-validation',
    severity: 'error',
    summary:
      'activeDeadlineSeconds outside 1..2147483647, or set in a Deployment/ReplicaSet/DaemonSet/StatefulSet/RC template.',
  },
  check(ctx) {
    const pod = ctx.pod;
    const f = pod?.activeDeadlineSeconds;
    if (!pod || f?.kind !== 'value') return;
    const path = [...pod.specPath, 'activeDeadlineSeconds'];
    if (ALWAYS_ONLY.has(pod.workload)) {
      ctx.report({
        path,
        range: f.keyRange,
        message: forbidden(path, `activeDeadlineSeconds in ${pod.workload} is not Supported`),
        detail: 'It would kill Pods that are meant to run forever.',
      });
    } else if (f.value < 1 || f.value > 2147483647) {
      ctx.report({
        path,
        range: f.range,
        message: invalid(path, f.value, inclusiveRangeError(1, 2147483647)),
      });
    }
  },
};
