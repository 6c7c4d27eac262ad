/**
 * `invalid-security-context`: combinations and values ValidateSecurityContext and validatePodSpecSecurityContext
 * reject: `privileged: true` with `allowPrivilegeEscalation: false`, `allowPrivilegeEscalation: false` while adding
 * CAP_SYS_ADMIN, a negative user or group id, `shareProcessNamespace` together with `hostPID`, a seLinuxChangePolicy
 * other than Recursive/MountOption (validateSELinuxChangePolicy) and a windowsOptions.gmsaCredentialSpecName that is
 * not a DNS subdomain (validateWindowsSecurityContextOptions), all in pkg/apis/core/validation/validation.go, v1.36.
 * Capability names themselves are not validated upstream, so neither are they here.
 */
import type { Node } from 'yaml';
import { inclusiveRangeError, isDNS1123Subdomain } from '../../../k8s/names';
import { readers, resolvePod } from '../../../model';
import type { FieldPath } from '../../../util/range';
import type { Rule, RuleContext } from '../../types';
import { invalid, mapAt, notSupported, reportPodSpec, scalarOf } from './_helpers/util';

/** Whatever the SELinuxMount gate says about MountOption, no other value is accepted. */
const SELINUX_CHANGE_POLICIES = ['MountOption', 'Recursive'];

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

function checkSELinuxChangePolicy(ctx: RuleContext, scPath: FieldPath) {
  const f = readers.string(ctx.doc.ctx, mapAt(ctx.doc, scPath), 'seLinuxChangePolicy');
  if (f.kind !== 'value' || f.value === '' || SELINUX_CHANGE_POLICIES.includes(f.value)) return;
  const path = [...scPath, 'seLinuxChangePolicy'];
  reportPodSpec(ctx, { path, range: f.range, message: notSupported(path, f.value, SELINUX_CHANGE_POLICIES) });
}

/** The GMSA credential spec is looked up by name, so the name must be one an object can have. */
function checkGmsaName(ctx: RuleContext, scPath: FieldPath) {
  const optsPath = [...scPath, 'windowsOptions'];
  const f = readers.string(ctx.doc.ctx, mapAt(ctx.doc, optsPath), 'gmsaCredentialSpecName');
  if (f.kind !== 'value' || f.value === '') return;
  const [problem] = isDNS1123Subdomain(f.value);
  if (!problem) return;
  const path = [...optsPath, 'gmsaCredentialSpecName'];
  reportPodSpec(ctx, { path, range: f.range, message: invalid(path, f.value, problem) });
}

export const invalidSecurityContextRule: Rule = {
  meta: {
    id: 'invalid-security-context',
    family: 'api-validation',
    severity: 'error',
    summary:
      'privileged with allowPrivilegeEscalation: false, a negative id, shareProcessNamespace with hostPID, and the like.',
  },
  check(ctx) {
    const pod = ctx.pod;
    if (!pod) return;
    const podSc = [...pod.specPath, 'securityContext'];
    checkIds(ctx, podSc, ['runAsUser', 'runAsGroup', 'fsGroup'], true);
    checkSELinuxChangePolicy(ctx, podSc);
    checkGmsaName(ctx, podSc);
    const share = readers.bool(ctx.doc.ctx, mapAt(ctx.doc, pod.specPath), 'shareProcessNamespace');
    if (share.kind === 'value' && share.value && pod.hostPID.kind === 'value' && pod.hostPID.value) {
      const path = [...pod.specPath, 'shareProcessNamespace'];
      reportPodSpec(ctx, {
        path,
        range: share.keyRange,
        message: invalid(path, 'true', 'ShareProcessNamespace and HostPID cannot both be enabled'),
      });
    }
    for (const c of resolvePod(pod).views) {
      const scPath = [...c.path, 'securityContext'];
      checkIds(ctx, scPath, ['runAsUser', 'runAsGroup']);
      checkGmsaName(ctx, scPath);
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
