/**
 * `limit-range-violation`: a LimitRange of the pod's namespace (from the workspace) refuses the pod: a container,
 * or the pod's total, is under a min, over a max or over a maxLimitRequestRatio once the LimitRange defaults are
 * applied (plugin/pkg/admission/limitranger/admission.go, v1.36).
 */
import { admitLimitRanges } from '../../../k8s/admission/limitRanger';
import type { Rule } from '../../types';
import { headline, policyWhere, reportRefusal } from './_helpers/report';

export const limitRangeViolationRule: Rule = {
  meta: {
    id: 'limit-range-violation',
    family: 'api-validation',
    severity: 'error',
    summary: "Resources a LimitRange of the pod's namespace refuses (min, max, maxLimitRequestRatio).",
  },
  check(ctx) {
    if (!ctx.pod || !ctx.workspace) return;
    const rejection = admitLimitRanges(ctx.pod, ctx.workspace).rejection;
    const range = rejection?.ranges[0];
    if (!rejection || !range) return;
    const name = rejection.limitRange.name;
    const first = rejection.messages[0] as string;
    const more = rejection.messages.length > 1 ? ` (+${rejection.messages.length - 1} more)` : '';
    const message = headline(`LimitRange ${name}: ${first}${more}`, `LimitRange ${name} refuses these resources`);
    reportRefusal(
      ctx,
      { path: rejection.path, range, message, needsWholeObject: true },
      rejection.message,
      policyWhere(ctx, rejection.limitRange),
    );
  },
};
