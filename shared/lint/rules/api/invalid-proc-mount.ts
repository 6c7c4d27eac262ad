/**
 * `invalid-proc-mount`: a container's securityContext.procMount Unmasked needs a pod in its own user namespace
 * (spec.hostUsers: false), as ValidateSecurityContext (pkg/apis/core/validation/validation.go, v1.36) checks.
 * Unknown spellings are `invalid-enum`.
 */
import { resolvePod } from '../../../model';
import type { Rule } from '../../types';
import { bool, str } from './_helpers/items';
import { mapAt, reportPodSpec } from './_helpers/util';

export const invalidProcMountRule: Rule = {
  meta: {
    id: 'invalid-proc-mount',
    family: 'api-validation',
    severity: 'error',
    summary: 'procMount Unmasked in a pod that does not set hostUsers: false.',
  },
  check(ctx) {
    const pod = ctx.pod;
    if (!pod) return;
    const hostUsers = bool(ctx, mapAt(ctx.doc, pod.specPath), 'hostUsers');
    if (hostUsers.kind === 'value' && !hostUsers.value) return;
    if (hostUsers.kind === 'template') return;
    for (const c of resolvePod(pod).views) {
      if (!c.securityContext.keyRange) continue;
      const path = [...c.path, 'securityContext', 'procMount'];
      const proc = str(ctx, mapAt(ctx.doc, path.slice(0, -1)), 'procMount');
      if (proc.kind === 'value' && proc.value === 'Unmasked')
        reportPodSpec(ctx, {
          path,
          range: proc.range,
          message: 'procMount Unmasked needs hostUsers: false in the pod spec.',
          needsWholeObject: true,
        });
    }
  },
};
