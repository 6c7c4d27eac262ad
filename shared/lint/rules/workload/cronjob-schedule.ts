/**
 * `cronjob-schedule` (validateScheduleFormat in pkg/apis/batch/validation/validation.go, v1.36): the schedule must
 * parse with robfig/cron's standard parser (shared/k8s/cron.ts) and may not contain `TZ` (a `TZ=` or `CRON_TZ=`
 * prefix): the time zone belongs in spec.timeZone. An empty schedule is `missing-required-field`.
 */
import { cronScheduleProblem } from '../../../k8s/cron';
import type { Rule } from '../../types';
import { stringIn } from './_helpers/read';

export const cronjobScheduleRule: Rule = {
  meta: {
    id: 'cronjob-schedule',
    family: 'api-validation',
    severity: 'error',
    summary: 'A CronJob schedule that is not a valid 5-field cron expression or descriptor, or that names a TZ.',
  },
  check(ctx) {
    if (ctx.pod?.workload !== 'CronJob') return;
    const f = stringIn(ctx, ['spec'], 'schedule');
    if (f.kind !== 'value' || f.value === '') return;
    const path = ['spec', 'schedule'];
    const problem = cronScheduleProblem(f.value);
    if (problem) {
      const shown = problem.length > 80 ? `${problem.slice(0, 80)}…` : problem;
      ctx.report({ path, range: f.range, message: `invalid schedule: ${shown}` });
    }
    if (f.value.includes('TZ')) {
      ctx.report({
        path,
        range: f.range,
        message: 'the schedule may not use TZ or CRON_TZ: set spec.timeZone instead',
      });
    }
  },
};
