/**
 * `profile-annotation-mismatch`: the deprecated seccomp and AppArmor annotations must agree with the
 * seccompProfile/appArmorProfile fields when both are written (validateSeccompAnnotationsAndFields and
 * validateAppArmorAnnotationsAndFieldsMatchOnCreate, pkg/apis/core/validation/validation.go, v1.36). ValidatePodCreate
 * runs these checks, so on a template the finding is a warning about the Pods it creates. Windows pods skip the
 * AppArmor check; an AppArmor field set on the pod applies to every container without its own.
 */
import type { YAMLMap } from 'yaml';
import { type PodView, resolvePod } from '../../../model';
import type { FieldPath } from '../../../util/range';
import type { Rule, RuleContext } from '../../types';
import { str } from './_helpers/items';
import { mapAt, reportPodOnly } from './_helpers/util';

const SECCOMP_POD = 'seccomp.security.alpha.kubernetes.io/pod';
const SECCOMP_CONTAINER = 'container.seccomp.security.alpha.kubernetes.io/';
const APPARMOR_CONTAINER = 'container.apparmor.security.beta.kubernetes.io/';

interface Profile {
  map: YAMLMap;
  path: FieldPath;
}

/** The field that disagrees with the annotation (`type` or `localhostProfile`), or undefined when they agree. */
function mismatch(ctx: RuleContext, profile: YAMLMap, annotation: string, runtimeDefaults: string[]) {
  const type = str(ctx, profile, 'type');
  if (type.kind !== 'value') return undefined;
  const local = str(ctx, profile, 'localhostProfile');
  switch (type.value) {
    case 'Unconfined':
      return annotation === 'unconfined' ? undefined : ('type' as const);
    case 'RuntimeDefault':
      return runtimeDefaults.includes(annotation) ? undefined : ('type' as const);
    case 'Localhost':
      if (!annotation.startsWith('localhost/')) return 'type' as const;
      return local.kind === 'value' && local.value === annotation.slice('localhost/'.length)
        ? undefined
        : ('localhostProfile' as const);
    default:
      return undefined;
  }
}

function annotation(pod: PodView, key: string): string | undefined {
  const a = pod.podMetadata.annotations.get(key)?.value;
  return a?.kind === 'value' ? a.value : undefined;
}

/** Reports on `field` at `path` (the API's path), placed on that field or, when it is missing, on the type. */
function report(ctx: RuleContext, profile: YAMLMap, path: FieldPath, field: 'type' | 'localhostProfile', kind: string) {
  const f = str(ctx, profile, field);
  const at = f.kind === 'absent' ? str(ctx, profile, 'type') : f;
  if (at.kind === 'absent') return;
  reportPodOnly(ctx, {
    path: [...path, field],
    range: at.range,
    message: `Differs from the deprecated ${kind} annotation.`,
  });
}

function profileAt(ctx: RuleContext, path: FieldPath, key: string): Profile | undefined {
  const map = mapAt(ctx.doc, [...path, key]);
  return map ? { map, path: [...path, key] } : undefined;
}

export const profileAnnotationMismatchRule: Rule = {
  meta: {
    id: 'profile-annotation-mismatch',
    family: 'api-validation',
    severity: 'error',
    summary: 'A seccomp or AppArmor profile field that disagrees with the deprecated annotation for it.',
  },
  check(ctx) {
    const pod = ctx.pod;
    if (!pod || pod.podMetadata.annotations.size === 0) return;
    const podSc = [...pod.specPath, 'securityContext'];
    const podSeccomp = profileAt(ctx, podSc, 'seccompProfile');
    const podAnnotation = annotation(pod, SECCOMP_POD);
    const seccompDefaults = ['runtime/default', 'docker/default'];
    if (podSeccomp && podAnnotation !== undefined) {
      const field = mismatch(ctx, podSeccomp.map, podAnnotation, seccompDefaults);
      if (field) report(ctx, podSeccomp.map, podSeccomp.path, field, 'seccomp');
    }
    const windows = str(ctx, mapAt(ctx.doc, [...pod.specPath, 'os']), 'name');
    const podAppArmor = profileAt(ctx, podSc, 'appArmorProfile');
    for (const c of resolvePod(pod).views) {
      if (c.name.kind !== 'value') continue;
      const sc = [...c.path, 'securityContext'];
      const seccomp = c.securityContext.keyRange ? profileAt(ctx, sc, 'seccompProfile') : undefined;
      const seccompAnnotation = annotation(pod, SECCOMP_CONTAINER + c.name.value);
      if (seccomp && seccompAnnotation !== undefined) {
        const field = mismatch(ctx, seccomp.map, seccompAnnotation, seccompDefaults);
        if (field) report(ctx, seccomp.map, seccomp.path, field, 'seccomp');
      }
      if (windows.kind === 'value' && windows.value === 'windows') continue;
      const apparmor = (c.securityContext.keyRange ? profileAt(ctx, sc, 'appArmorProfile') : undefined) ?? podAppArmor;
      const apparmorAnnotation = annotation(pod, APPARMOR_CONTAINER + c.name.value);
      if (!apparmor || apparmorAnnotation === undefined) continue;
      const field = mismatch(ctx, apparmor.map, apparmorAnnotation, ['runtime/default']);
      // Upstream reports on the container's path even when the profile comes from the pod's security context.
      if (field) report(ctx, apparmor.map, [...sc, 'appArmorProfile'], field, 'AppArmor');
    }
  },
};
