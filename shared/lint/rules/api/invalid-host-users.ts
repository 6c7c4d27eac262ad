/**
 * `invalid-host-users`: a pod in its own user namespace (`hostUsers: false`) may not share the host's network, PID
 * or IPC namespace (validateHostUsers, pkg/apis/core/validation/validation.go, v1.36). Upstream names the last two
 * paths `spec.HostPID` and `spec.HostIPC`, capitalised, and podlens reports them as the API server prints them.
 */
import type { Rule } from '../../types';
import { bool } from './_helpers/items';
import { mapAt, reportPodSpec } from './_helpers/util';

const HOST_NAMESPACES = [
  ['hostNetwork', 'hostNetwork'],
  ['hostPID', 'HostPID'],
  ['hostIPC', 'HostIPC'],
] as const;

export const invalidHostUsersRule: Rule = {
  meta: {
    id: 'invalid-host-users',
    family: 'api-validation',
    severity: 'error',
    summary: 'hostUsers: false together with hostNetwork, hostPID or hostIPC.',
  },
  check(ctx) {
    const pod = ctx.pod;
    if (!pod) return;
    const spec = mapAt(ctx.doc, pod.specPath);
    const hostUsers = bool(ctx, spec, 'hostUsers');
    if (hostUsers.kind !== 'value' || hostUsers.value) return;
    for (const [key, apiName] of HOST_NAMESPACES) {
      const f = bool(ctx, spec, key);
      if (f.kind === 'value' && f.value)
        reportPodSpec(ctx, {
          path: [...pod.specPath, apiName],
          range: f.keyRange,
          message: `${key} cannot be true when hostUsers is false.`,
        });
    }
  },
};
