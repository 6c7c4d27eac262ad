/**
 * `invalid-sysctl`: spec.securityContext.sysctls as validateSysctls (pkg/apis/core/validation/validation.go, v1.36)
 * checks them: a name matches the sysctl syntax (dot or slash separated segments, at most 253
 * characters; a missing one is missing-required-field) and appears once; a namespaced sysctl may not be set while the pod shares that namespace with the
 * host (net.* with hostNetwork, the IPC ones with hostIPC), as ValidateHostSysctl and utilsysctl.GetNamespace decide.
 */
import { duplicates, nonEmptyValue } from '../../helpers/duplicates';
import type { Rule } from '../../types';
import { bool, listItems, quote, str, valueOr } from './_helpers/items';
import { mapAt, reportPodSpec } from './_helpers/util';

const SEGMENT = '[a-z0-9]([-_a-z0-9]*[a-z0-9])?';
const SYSCTL_NAME = new RegExp(`^(${SEGMENT}[\\./])*${SEGMENT}$`);
const IPC_NAMES = new Set(['kernel.sem']);
const IPC_PREFIXES = ['kernel.shm', 'kernel.msg', 'fs.mqueue.'];

/** The kernel namespace a sysctl belongs to, after slashes are read as dots (utilsysctl.NormalizeName). */
function namespaceOf(name: string): 'net' | 'ipc' | undefined {
  const normal = name.includes('/') && !name.split('/')[0]?.includes('.') ? name.replaceAll('/', '.') : name;
  if (normal.startsWith('net.')) return 'net';
  if (IPC_NAMES.has(normal) || IPC_PREFIXES.some((p) => normal.startsWith(p))) return 'ipc';
  return undefined;
}

export const invalidSysctlRule: Rule = {
  meta: {
    id: 'invalid-sysctl',
    family: 'api-validation',
    severity: 'error',
    summary: 'A pod sysctl with an invalid or repeated name, or a net/IPC sysctl in a pod using the host namespace.',
  },
  check(ctx) {
    const pod = ctx.pod;
    if (!pod) return;
    const spec = mapAt(ctx.doc, pod.specPath);
    const scPath = [...pod.specPath, 'securityContext'];
    const hostNetwork = valueOr(bool(ctx, spec, 'hostNetwork'), false);
    const hostIPC = valueOr(bool(ctx, spec, 'hostIPC'), false);
    const sysctls = listItems(ctx, mapAt(ctx.doc, scPath), scPath, 'sysctls');
    const repeats = duplicates(sysctls, (s) => (s.map ? nonEmptyValue(str(ctx, s.map, 'name')) : undefined));
    for (const s of sysctls) {
      if (!s.map) continue;
      const name = str(ctx, s.map, 'name');
      const path = [...s.path, 'name'];
      // A missing or empty name is missing-required-field (the schema requires it).
      if (name.kind !== 'value' || name.value === '') continue;
      const n = name.value;
      if (n.length > 253 || !SYSCTL_NAME.test(n))
        reportPodSpec(ctx, { path, range: name.range, message: `${quote(n)} is not a valid sysctl name.` });
      else if (repeats.has(s))
        reportPodSpec(ctx, { path, range: name.range, message: `Sysctl ${quote(n)} is set twice.` });
      const ns = namespaceOf(n);
      if (ns === 'net' && hostNetwork)
        reportPodSpec(ctx, {
          path,
          range: name.range,
          message: `Sysctl ${quote(n)} cannot be set when hostNetwork is true.`,
        });
      if (ns === 'ipc' && hostIPC)
        reportPodSpec(ctx, {
          path,
          range: name.range,
          message: `Sysctl ${quote(n)} cannot be set when hostIPC is true.`,
        });
    }
  },
};
