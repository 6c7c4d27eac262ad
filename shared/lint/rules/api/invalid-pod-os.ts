/**
 * `invalid-pod-os`: spec.os as validateOS, validateLinux and validateWindows (pkg/apis/core/validation/validation.go,
 * v1.36) check it. os.name (required: missing-required-field) must be linux or windows (NotSupported on `spec.os`, as
 * upstream reports it). A linux pod may not set windowsOptions; a windows pod may not set the Linux-only pod and
 * container security fields, nor hostPID, hostIPC, hostUsers or shareProcessNamespace.
 */
import { resolvePod } from '../../../model';

import type { FieldPath } from '../../../util/range';
import type { Rule, RuleContext } from '../../types';
import { bool, isSet, keyRange, str } from './_helpers/items';
import { mapAt, reportPodSpec } from './_helpers/util';

const WINDOWS_POD_SECURITY = [
  'appArmorProfile',
  'seLinuxOptions',
  'seccompProfile',
  'fsGroup',
  'fsGroupChangePolicy',
  'runAsUser',
  'runAsGroup',
  'supplementalGroupsPolicy',
  'seLinuxChangePolicy',
];
const WINDOWS_CONTAINER_SECURITY = [
  'appArmorProfile',
  'seLinuxOptions',
  'seccompProfile',
  'capabilities',
  'readOnlyRootFilesystem',
  'privileged',
  'allowPrivilegeEscalation',
  'procMount',
  'runAsUser',
  'runAsGroup',
];

function forbid(ctx: RuleContext, parent: FieldPath, key: string, detail: string) {
  const range = keyRange(ctx, mapAt(ctx.doc, parent), key);
  if (range && isSet(ctx, mapAt(ctx.doc, parent), key))
    reportPodSpec(ctx, { path: [...parent, key], range, message: `${key} ${detail}` });
}

function checkWindows(ctx: RuleContext, spec: FieldPath, containers: FieldPath[]) {
  const windows = 'cannot be set for a windows pod.';
  const sc = [...spec, 'securityContext'];
  for (const key of WINDOWS_POD_SECURITY) forbid(ctx, sc, key, windows);
  const scMap = mapAt(ctx.doc, sc);
  const groups = ctx.doc.ctx.asSeq(ctx.doc.ctx.get(scMap, 'supplementalGroups'));
  if (groups && groups.items.length > 0) forbid(ctx, sc, 'supplementalGroups', windows);
  const sysctls = ctx.doc.ctx.asSeq(ctx.doc.ctx.get(scMap, 'sysctls'));
  if (sysctls && sysctls.items.length > 0) forbid(ctx, sc, 'sysctls', windows);
  const specMap = mapAt(ctx.doc, spec);
  for (const key of ['hostPID', 'hostIPC']) {
    const f = bool(ctx, specMap, key);
    if (f.kind === 'value' && f.value)
      reportPodSpec(ctx, { path: [...spec, key], range: f.keyRange, message: `${key} ${windows}` });
  }
  for (const key of ['hostUsers', 'shareProcessNamespace']) forbid(ctx, spec, key, windows);
  for (const c of containers)
    for (const key of WINDOWS_CONTAINER_SECURITY) forbid(ctx, [...c, 'securityContext'], key, windows);
}

export const invalidPodOsRule: Rule = {
  meta: {
    id: 'invalid-pod-os',
    family: 'api-validation',
    severity: 'error',
    summary: 'os.name other than linux/windows, or a security field the chosen OS does not allow.',
  },
  check(ctx) {
    const pod = ctx.pod;
    if (!pod) return;
    const osPath = [...pod.specPath, 'os'];
    const os = mapAt(ctx.doc, osPath);
    if (!os) return;
    const name = str(ctx, os, 'name');
    if (name.kind === 'template' || name.kind === 'invalid') return;
    // A missing or empty name is missing-required-field (the schema requires it): one root cause, one error.
    if (name.kind === 'absent' || name.value === '') return;
    const containers = resolvePod(pod)
      .views.filter((c) => c.securityContext.keyRange)
      .map((c) => c.path);
    if (name.value === 'linux') {
      const linux = 'cannot be set for a linux pod.';
      forbid(ctx, [...pod.specPath, 'securityContext'], 'windowsOptions', linux);
      for (const c of containers) forbid(ctx, [...c, 'securityContext'], 'windowsOptions', linux);
    } else if (name.value === 'windows') {
      checkWindows(ctx, pod.specPath, containers);
    } else {
      reportPodSpec(ctx, {
        path: osPath,
        range: name.range,
        message: `${JSON.stringify(name.value)} is not an OS name: use linux or windows.`,
      });
    }
  },
};
