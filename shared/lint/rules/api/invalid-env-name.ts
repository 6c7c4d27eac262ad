/**
 * `invalid-env-name`: env names and envFrom prefixes (ValidateEnv, ValidateEnvFrom) under the relaxed rule the API
 * server applies by default (RelaxedEnvironmentVariableValidation is GA: printable ASCII except `=`).
 */
import { isRelaxedEnvVarName } from '../../../k8s/names';
import { resolvePod } from '../../../model';
import type { Rule } from '../../types';
import { invalid, reportPodSpec } from './_helpers/util';

export const invalidEnvNameRule: Rule = {
  meta: {
    id: 'invalid-env-name',
    family: 'api-validation',
    severity: 'error',
    summary: 'An environment variable name or envFrom prefix with characters other than printable ASCII, or with "=".',
  },
  check(ctx) {
    if (!ctx.pod) return;
    for (const c of resolvePod(ctx.pod).views) {
      for (const e of c.env) {
        if (e.name.kind !== 'value' || e.name.value === '') continue;
        const path = [...e.path, 'name'];
        for (const msg of isRelaxedEnvVarName(e.name.value)) {
          reportPodSpec(ctx, { path, range: e.name.range, message: invalid(path, e.name.value, msg) });
        }
      }
      for (const e of c.envFrom) {
        if (e.prefix.kind !== 'value' || e.prefix.value === '') continue;
        const path = [...e.path, 'prefix'];
        for (const msg of isRelaxedEnvVarName(e.prefix.value)) {
          reportPodSpec(ctx, { path, range: e.prefix.range, message: invalid(path, e.prefix.value, msg) });
        }
      }
    }
  },
};
