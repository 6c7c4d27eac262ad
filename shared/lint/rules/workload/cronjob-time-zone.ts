/**
 * `cronjob-time-zone` (validateTimeZone in pkg/apis/batch/validation/validation.go, v1.36): spec.timeZone, when
 * set, is a name from the IANA tz database other than `Local` (shared/k8s/timeZone.ts).
 */
import { timeZoneProblem } from '../../../k8s/timeZone';
import type { Rule } from '../../types';
import { stringIn } from './_helpers/read';

export const cronjobTimeZoneRule: Rule = {
  meta: {
    id: 'cronjob-time-zone',
    family: 'api-validation',
    severity: 'error',
    summary: 'A CronJob timeZone that is empty, Local, or not an IANA time zone name.',
  },
  check(ctx) {
    if (ctx.pod?.workload !== 'CronJob') return;
    const f = stringIn(ctx, ['spec'], 'timeZone');
    if (f.kind !== 'value') return;
    const problem = timeZoneProblem(f.value);
    if (!problem) return;
    const shown = f.value.length > 40 ? `${f.value.slice(0, 40)}…` : f.value;
    ctx.report({ path: ['spec', 'timeZone'], range: f.range, message: `timeZone ${JSON.stringify(shown)} ${problem}` });
  },
};
