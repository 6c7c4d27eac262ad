/**
 * `invalid-mount-propagation`: volume mount options ValidateVolumeMounts (pkg/apis/core/validation/validation.go,
 * v1.36) rejects: Bidirectional propagation in a container that is not privileged (validateMountPropagation), and
 * recursiveReadOnly Enabled or IfPossible on a mount that is not readOnly or that propagates mounts
 * (validateMountRecursiveReadOnly). Unknown spellings are `invalid-enum`.
 */
import { resolvePod } from '../../../model';
import type { Rule } from '../../types';
import { bool, str } from './_helpers/items';
import { mapAt, reportPodSpec } from './_helpers/util';

export const invalidMountPropagationRule: Rule = {
  meta: {
    id: 'invalid-mount-propagation',
    family: 'api-validation',
    severity: 'error',
    summary: 'Bidirectional mount propagation without privileged, or recursiveReadOnly on a writable mount.',
  },
  check(ctx) {
    const pod = ctx.pod;
    if (!pod) return;
    for (const c of resolvePod(pod).views) {
      const privileged = c.securityContext.privileged;
      const isPrivileged = privileged.kind === 'value' && privileged.value;
      for (const m of c.volumeMounts) {
        const map = mapAt(ctx.doc, m.path);
        const prop = str(ctx, map, 'mountPropagation');
        if (prop.kind === 'value' && prop.value === 'Bidirectional' && !isPrivileged && privileged.kind !== 'template')
          reportPodSpec(ctx, {
            path: [...m.path, 'mountPropagation'],
            range: prop.range,
            message: 'Bidirectional mount propagation needs a privileged container.',
            needsWholeObject: true,
          });
        const rro = str(ctx, map, 'recursiveReadOnly');
        if (rro.kind !== 'value' || (rro.value !== 'Enabled' && rro.value !== 'IfPossible')) continue;
        const rroPath = [...m.path, 'recursiveReadOnly'];
        const readOnly = bool(ctx, map, 'readOnly');
        if (!(readOnly.kind === 'value' && readOnly.value))
          reportPodSpec(ctx, {
            path: rroPath,
            range: rro.range,
            message: `recursiveReadOnly ${rro.value} needs readOnly: true.`,
            needsWholeObject: true,
          });
        if (prop.kind === 'value' && prop.value !== 'None')
          reportPodSpec(ctx, {
            path: rroPath,
            range: rro.range,
            message: `recursiveReadOnly ${rro.value} needs mountPropagation None.`,
          });
      }
    }
  },
};
