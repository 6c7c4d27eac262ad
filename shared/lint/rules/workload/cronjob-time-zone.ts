/**
 * `cronjob-time-zone` (validateTimeZone in pkg/apis/batch/validation/validation.go, v1.36): spec.timeZone, when
 * set, is a name from the IANA tz database other than `Local` (shared/k8s/timeZone.ts).
 */
import { timeZoneProblem } from '../../../k8s/timeZone';
import type { Rule } from '../../types';
import { stringIn } from './read';

export const cronJobTimeZoneRule: Rule = {
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
    const shown = problem.length > 80 ? `${problem.slice(0, 80)}…` : problem;
    ctx.report({ path: ['spec', 'timeZone'], range: f.range, message: `timeZone ${shown}` });
  },
};
