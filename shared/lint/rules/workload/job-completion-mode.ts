/**
 * `job-completion-mode` (validateJobSpec and ValidateJob in pkg/apis/batch/validation/validation.go, v1.36, after
 * SetDefaults_Job in pkg/apis/batch/v1/defaults.go): an Indexed Job needs completions, at most 100000 parallel Pods,
 * and a name that still is a DNS label with the highest index appended (`<name>-<completions-1>` is each Pod's
 * hostname). Completions and parallelism left both unset are defaulted to 1, so `completionMode: Indexed` alone is
 * accepted; with parallelism set, completions stays unset and is required. A CronJob's jobTemplate is checked the same
 * way, except the hostname: its Jobs get a timestamp suffix, and a hostname too long for it is a warning (the CronJob
 * is accepted; every Job it creates is rejected).
 */
import { isDNS1123Label } from '../../../k8s/names';
import type { Rule } from '../../types';
import { intIn, jobSpecPath, stringIn } from './_helpers/read';

const MAX_INDEXED_PARALLELISM = 100000;

export const jobCompletionModeRule: Rule = {
  meta: {
    id: 'job-completion-mode',
    family: 'api-validation',
    severity: 'error',
    summary: 'An Indexed Job without completions, with parallelism above 100000, or a name too long for its indexes.',
  },
  check(ctx) {
    const spec = jobSpecPath(ctx);
    if (!spec) return;
    const mode = stringIn(ctx, spec, 'completionMode');
    if (mode.kind !== 'value' || mode.value !== 'Indexed') return;
    const completions = intIn(ctx, spec, 'completions');
    const parallelism = intIn(ctx, spec, 'parallelism');
    if (completions.kind === 'absent' && parallelism.kind !== 'absent') {
      ctx.report({
        path: [...spec, 'completions'],
        range: mode.range,
        message: 'completions is required when completion mode is Indexed',
        needsWholeObject: true,
      });
    }
    if (parallelism.kind === 'value' && parallelism.value > MAX_INDEXED_PARALLELISM) {
      ctx.report({
        path: [...spec, 'parallelism'],
        range: parallelism.range,
        message: `parallelism must be at most ${MAX_INDEXED_PARALLELISM} when completion mode is Indexed`,
      });
    }
    const name = ctx.pod?.metadata.name;
    if (name?.kind !== 'value' || name.value === '') return;
    const count = completions.kind === 'value' ? completions.value : parallelism.kind === 'absent' ? 1 : 0;
    if (count <= 0) return;
    const cron = ctx.pod?.workload === 'CronJob';
    // A CronJob's Jobs are named `<cronjob>-<minutes since the epoch>` (8 digits until the 22nd century).
    const jobName = cron ? `${name.value}-${'0'.repeat(8)}` : name.value;
    if (isDNS1123Label(`${jobName}-${count - 1}`).length === 0) return;
    ctx.report({
      path: ['metadata', 'name'],
      range: name.range,
      ...(cron
        ? {
            severity: 'warning',
            message: "every Job this CronJob creates will be rejected: its last Pod's hostname is too long",
          }
        : {
            message: `the last Pod's hostname (${name.value.length > 30 ? 'the name' : name.value}-${count - 1}) is no DNS label`,
          }),
    });
  },
};
