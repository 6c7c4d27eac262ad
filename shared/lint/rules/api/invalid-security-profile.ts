/**
 * `invalid-security-profile`: seccompProfile and appArmorProfile in the pod's and every container's security
 * context, as validateSeccompProfileField and ValidateAppArmorProfileField (pkg/apis/core/validation/validation.go,
 * v1.36) check them (a missing type is missing-required-field): Localhost needs a localhostProfile (seccomp: a relative path
 * without `..`; AppArmor: not empty, not padded with spaces, at most 4095 characters); other types must not set
 * one. Unknown type spellings are `invalid-enum`.
 */
import type { YAMLMap } from 'yaml';
import { resolvePod } from '../../../model';
import type { FieldPath } from '../../../util/range';
import type { Rule, RuleContext } from '../../types';
import { str } from './_helpers/items';
import { mapAt, reportPodSpec } from './_helpers/util';

const MAX_APPARMOR_PROFILE = 4095;

function checkSeccomp(ctx: RuleContext, profile: YAMLMap, path: FieldPath) {
  const type = str(ctx, profile, 'type');
  const local = str(ctx, profile, 'localhostProfile');
  const localPath = [...path, 'localhostProfile'];
  // A missing or empty type is missing-required-field (the schema requires it): one root cause, one error.
  if (type.kind !== 'value' || type.value === '') return;
  if (type.value === 'Localhost') {
    if (local.kind === 'absent') {
      reportPodSpec(ctx, {
        path: localPath,
        range: type.range,
        message: 'Seccomp type Localhost needs a localhostProfile.',
        needsWholeObject: true,
      });
    } else if (local.kind === 'value') {
      if (local.value.startsWith('/'))
        reportPodSpec(ctx, {
          path: localPath,
          range: local.range,
          message: 'The seccomp localhostProfile must be a relative path.',
        });
      if (local.value.split('/').includes('..'))
        reportPodSpec(ctx, {
          path: localPath,
          range: local.range,
          message: "The seccomp localhostProfile must not contain '..'.",
        });
    }
  } else if (local.kind !== 'absent') {
    reportPodSpec(ctx, {
      path: localPath,
      range: local.keyRange,
      message: 'localhostProfile is only allowed with seccomp type Localhost.',
    });
  }
}

function checkAppArmor(ctx: RuleContext, profile: YAMLMap, path: FieldPath) {
  const type = str(ctx, profile, 'type');
  const local = str(ctx, profile, 'localhostProfile');
  const localPath = [...path, 'localhostProfile'];
  if (type.kind !== 'value' || type.value === '') return;
  if (type.value === 'Localhost') {
    if (local.kind === 'absent' || (local.kind === 'value' && local.value === ''))
      reportPodSpec(ctx, {
        path: localPath,
        range: local.kind === 'value' ? local.range : type.range,
        message: 'AppArmor type Localhost needs a localhostProfile.',
        needsWholeObject: true,
      });
    else if (local.kind === 'value' && local.value.trim() !== local.value)
      reportPodSpec(ctx, {
        path: localPath,
        range: local.range,
        message: 'The AppArmor localhostProfile must not be padded with spaces.',
      });
    if (local.kind === 'value' && local.value.length > MAX_APPARMOR_PROFILE)
      reportPodSpec(ctx, {
        path: localPath,
        range: local.range,
        message: `The AppArmor localhostProfile is longer than ${MAX_APPARMOR_PROFILE} characters.`,
      });
  } else if ((type.value === 'RuntimeDefault' || type.value === 'Unconfined') && local.kind !== 'absent') {
    reportPodSpec(ctx, {
      path: localPath,
      range: local.keyRange,
      message: 'localhostProfile is only allowed with AppArmor type Localhost.',
    });
  }
}

export const invalidSecurityProfileRule: Rule = {
  meta: {
    id: 'invalid-security-profile',
    family: 'api-validation',
    severity: 'error',
    summary: 'A seccompProfile or appArmorProfile whose localhostProfile is missing, malformed or not allowed.',
  },
  check(ctx) {
    const pod = ctx.pod;
    if (!pod) return;
    // Only containers that write a securityContext can hold a profile: skip the rest without walking the AST.
    const written = resolvePod(pod).views.filter((c) => c.securityContext.keyRange);
    const contexts = [[...pod.specPath, 'securityContext'], ...written.map((c) => [...c.path, 'securityContext'])];
    const doc = ctx.doc.ctx;
    for (const sc of contexts) {
      const scMap = mapAt(ctx.doc, sc);
      if (!scMap) continue;
      const seccomp = doc.asMap(doc.get(scMap, 'seccompProfile'));
      if (seccomp) checkSeccomp(ctx, seccomp, [...sc, 'seccompProfile']);
      const apparmor = doc.asMap(doc.get(scMap, 'appArmorProfile'));
      if (apparmor) checkAppArmor(ctx, apparmor, [...sc, 'appArmorProfile']);
    }
  },
};
