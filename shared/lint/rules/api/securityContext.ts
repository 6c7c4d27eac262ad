/**
 * `invalid-security-context`: combinations and values ValidateSecurityContext and validatePodSpecSecurityContext
 * reject: `privileged: true` with `allowPrivilegeEscalation: false`, `allowPrivilegeEscalation: false` while adding
 * CAP_SYS_ADMIN, a negative user or group id, and `shareProcessNamespace` together with `hostPID`. Capability names
 * themselves are not validated upstream, so neither are they here.
 */
import type { Node } from 'yaml';
import { inclusiveRangeError } from '../../../k8s/names';
import { readers } from '../../../model';
import type { FieldPath } from '../../../util/range';
import type { Rule, RuleContext } from '../../types';
import { allContainers, invalid, mapAt, reportPodSpec, scalarOf } from './util';

/** IsValidUserID / IsValidGroupID: 0..2^32-1 in current apimachinery (older releases stopped at 2^31-1). */
const MAX_ID = 0xffffffff;

function checkIds(ctx: RuleContext, path: FieldPath, keys: readonly string[], groups = false) {
  const m = mapAt(ctx.doc, path);
  for (const key of keys) {
    const f = readers.int(ctx.doc.ctx, m, key);
    if (f.kind !== 'value' || (f.value >= 0 && f.value <= MAX_ID)) continue;
    const p = [...path, key];
    reportPodSpec(ctx, {
      path: p,
      range: f.range,
      message: invalid(p, f.value, inclusiveRangeError(0, MAX_ID)),
    });
  }
  if (!groups) return;
  ctx.doc.ctx.asSeq(ctx.doc.ctx.get(m, 'supplementalGroups'))?.items.forEach((item, i) => {
    const v = scalarOf(ctx.doc.ctx.deref(item));
    const range = ctx.doc.ctx.range(item as Node);
    if (v?.type !== 'int' || (v.value >= 0 && v.value <= MAX_ID) || !range) return;
    const p = [...path, 'supplementalGroups', i];
    reportPodSpec(ctx, { path: p, range, message: invalid(p, v.value, inclusiveRangeError(0, MAX_ID)) });
  });
}

export const invalidSecurityContextRule: Rule = {
  meta: {
    id: 'invalid-security-context',
    family: 'api-validation',
    severity: 'error',
    summary:
      'privileged with allowPrivilegeEscalation: false, a negative user/group id, or shareProcessNamespace with hostPID.',
  },
  check(ctx) {
    const pod = ctx.pod;
    if (!pod) return;
    checkIds(ctx, [...pod.specPath, 'securityContext'], ['runAsUser', 'runAsGroup', 'fsGroup'], true);
    const share = readers.bool(ctx.doc.ctx, mapAt(ctx.doc, pod.specPath), 'shareProcessNamespace');
    if (share.kind === 'value' && share.value && pod.hostPID.kind === 'value' && pod.hostPID.value) {
      const path = [...pod.specPath, 'shareProcessNamespace'];
      reportPodSpec(ctx, {
        path,
        range: share.keyRange,
        message: invalid(path, 'true', 'ShareProcessNamespace and HostPID cannot both be enabled'),
      });
    }
    for (const c of allContainers(pod)) {
      const scPath = [...c.path, 'securityContext'];
      checkIds(ctx, scPath, ['runAsUser', 'runAsGroup']);
      const sc = c.securityContext;
      const ape = sc.allowPrivilegeEscalation;
      if (ape.kind !== 'value' || ape.value) continue;
      if (sc.privileged.kind === 'value' && sc.privileged.value) {
        reportPodSpec(ctx, {
          path: scPath,
          range: ape.range,
          message: invalid(scPath, 'true', 'cannot set `allowPrivilegeEscalation` to false and `privileged` to true'),
        });
      }
      const add = readers.stringList(ctx.doc.ctx, mapAt(ctx.doc, [...scPath, 'capabilities']), 'add');
      if (add.kind === 'value' && add.value.includes('CAP_SYS_ADMIN')) {
        reportPodSpec(ctx, {
          path: scPath,
          range: ape.range,
          message: invalid(
            scPath,
            'CAP_SYS_ADMIN',
            'cannot set `allowPrivilegeEscalation` to false and `capabilities.Add` CAP_SYS_ADMIN',
          ),
        });
      }
    }
  },
};
