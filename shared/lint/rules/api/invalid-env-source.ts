/**
 * `invalid-env-source` (validateEnvVarValueFrom, ValidateEnvFrom): `value` together with `valueFrom`, a valueFrom
 * with no or several sources, an unsupported fieldRef path or apiVersion, or resourceFieldRef resource/divisor, an
 * invalid ConfigMap/Secret name or key, and an envFrom entry without exactly one of configMapRef/secretRef.
 */
import { isConfigMapKey, isQualifiedName, nameIsDNSSubdomain } from '../../../k8s/names';
import { canonicalQuantity, parseQuantity } from '../../../k8s/quantity';
import { readers, resolvePod } from '../../../model';
import type { FieldPath, Range } from '../../../util/range';
import type { Rule, RuleContext } from '../../types';
import { unsupportedVersion } from './_helpers/fieldRefVersion';
import { isExposableResource, isHugePages, RESOURCE_FIELDS } from './_helpers/resourceFieldRef';
import { invalid, mapAt, notSupported, reportPodSpec, setKeys } from './_helpers/util';

const SOURCES = ['fieldRef', 'resourceFieldRef', 'configMapKeyRef', 'secretKeyRef'] as const;

/** validEnvDownwardAPIFieldPathExpressions */
const ENV_FIELD_PATHS = [
  'metadata.name',
  'metadata.namespace',
  'metadata.uid',
  'spec.nodeName',
  'spec.serviceAccountName',
  'status.hostIP',
  'status.hostIPs',
  'status.podIP',
  'status.podIPs',
];

/** Labels podshelper.ConvertDownwardAPIFieldLabel accepts for v1 (before the env-specific check above). */
const CONVERTIBLE = new Set([
  ...ENV_FIELD_PATHS,
  'metadata.annotations',
  'metadata.labels',
  'spec.restartPolicy',
  'spec.schedulerName',
  'status.phase',
  'spec.host',
]);

const BYTE_DIVISORS = ['1', '1k', '1M', '1G', '1T', '1P', '1E', '1Ki', '1Mi', '1Gi', '1Ti', '1Pi', '1Ei'];

type Report = (path: FieldPath, range: Range, message: string, whole?: boolean) => void;

function checkFieldRef(ctx: RuleContext, path: FieldPath, report: Report) {
  const fieldPath = readers.string(ctx.doc.ctx, mapAt(ctx.doc, path), 'fieldPath');
  if (fieldPath.kind !== 'value' || fieldPath.value === '') return;
  const fp = [...path, 'fieldPath'];
  const value = fieldPath.value;
  const version = unsupportedVersion(ctx, mapAt(ctx.doc, path));
  if (version !== undefined) {
    report(fp, fieldPath.range, invalid(fp, value, `error converting fieldPath: unsupported pod version: ${version}`));
    return;
  }
  const sub = /^(.*)\['(.*)'\]$/.exec(value);
  if (sub) {
    const [, base, key] = sub as unknown as [string, string, string];
    if (base !== 'metadata.labels' && base !== 'metadata.annotations') {
      report(
        fp,
        fieldPath.range,
        invalid(fp, value, `error converting fieldPath: field label does not support subscript: ${value}`),
      );
      return;
    }
    for (const msg of isQualifiedName(base === 'metadata.annotations' ? key.toLowerCase() : key)) {
      report(path, fieldPath.range, invalid(path, key, msg));
    }
    return;
  }
  if (!CONVERTIBLE.has(value)) {
    report(fp, fieldPath.range, invalid(fp, value, `error converting fieldPath: field label not supported: ${value}`));
  } else if (!ENV_FIELD_PATHS.includes(value) && value !== 'spec.host') {
    report(fp, fieldPath.range, notSupported(fp, value, ENV_FIELD_PATHS));
  }
}

function checkResourceFieldRef(ctx: RuleContext, path: FieldPath, report: Report) {
  const m = mapAt(ctx.doc, path);
  const resource = readers.string(ctx.doc.ctx, m, 'resource');
  if (resource.kind !== 'value' || resource.value === '') return;
  const r = resource.value;
  const hugepages = isHugePages(r);
  if (!isExposableResource(r)) {
    const rp = [...path, 'resource'];
    report(rp, resource.range, notSupported(rp, r, RESOURCE_FIELDS));
  }
  const divisor = readers.quantity(ctx.doc.ctx, m, 'divisor');
  if (divisor.kind !== 'value') return;
  const parsed = parseQuantity(divisor.value);
  if (!parsed.ok || parsed.quantity.n === 0n) return;
  const canonical = canonicalQuantity(parsed.quantity);
  const dp = [...path, 'divisor'];
  const cpu = r.endsWith('.cpu');
  const bytes = r.endsWith('.memory') || r.endsWith('.ephemeral-storage') || hugepages;
  if (cpu && !['1m', '1'].includes(canonical)) {
    report(dp, divisor.range, invalid(dp, r, "only divisor's values 1m and 1 are supported with the cpu resource"));
  } else if (bytes && !BYTE_DIVISORS.includes(canonical)) {
    const what = hugepages ? 'hugepages' : r.endsWith('.memory') ? 'memory' : 'local ephemeral storage';
    report(
      dp,
      divisor.range,
      invalid(dp, r, `only divisor's values ${BYTE_DIVISORS.join(', ')} are supported with the ${what} resource`),
    );
  }
}

function checkKeyRef(ctx: RuleContext, path: FieldPath, keyRange: Range, report: Report) {
  const m = mapAt(ctx.doc, path);
  const name = readers.string(ctx.doc.ctx, m, 'name');
  const value = name.kind === 'value' ? name.value : name.kind === 'absent' ? '' : undefined;
  if (value !== undefined) {
    const np = [...path, 'name'];
    // validateConfigMapKeySelector runs the name check on "" too: a missing name is Invalid, not Required.
    for (const msg of nameIsDNSSubdomain(value, false)) {
      report(np, name.kind === 'value' ? name.range : keyRange, invalid(np, value, msg), value === '');
    }
  }
  const key = readers.string(ctx.doc.ctx, m, 'key');
  if (key.kind === 'value' && key.value !== '') {
    const kp = [...path, 'key'];
    for (const msg of isConfigMapKey(key.value)) report(kp, key.range, invalid(kp, key.value, msg));
  }
}

export const invalidEnvSourceRule: Rule = {
  meta: {
    id: 'invalid-env-source',
    family: 'api-validation',
    severity: 'error',
    summary: 'value with valueFrom, a valueFrom/envFrom without exactly one source, or an invalid source reference.',
  },
  check(ctx) {
    if (!ctx.pod) return;
    const report: Report = (path, range, message, whole) =>
      reportPodSpec(ctx, { path, range, message, ...(whole && { needsWholeObject: true }) });
    for (const c of resolvePod(ctx.pod).views) {
      for (const e of c.env) {
        if (!e.valueFrom) continue;
        const vfPath = [...e.path, 'valueFrom'];
        const sources = setKeys(ctx.doc, mapAt(ctx.doc, vfPath)).filter((s) =>
          (SOURCES as readonly string[]).includes(s.key),
        );
        if (sources.length === 0) {
          report(
            vfPath,
            e.valueFrom.keyRange,
            invalid(
              vfPath,
              '',
              'must specify one of: `fieldRef`, `resourceFieldRef`, `configMapKeyRef` or `secretKeyRef`',
            ),
          );
        } else if (e.value.kind === 'value' && e.value.value !== '') {
          report(
            vfPath,
            e.valueFrom.keyRange,
            `${invalid(vfPath, '', 'may not be specified when `value` is not empty')}. Keep either value or valueFrom.`,
          );
        } else if (sources.length > 1) {
          report(
            vfPath,
            e.valueFrom.keyRange,
            invalid(vfPath, '', 'may not have more than one field specified at a time'),
          );
        }
        for (const s of sources) {
          const sp = [...vfPath, s.key];
          if (s.key === 'fieldRef') checkFieldRef(ctx, sp, report);
          else if (s.key === 'resourceFieldRef') checkResourceFieldRef(ctx, sp, report);
          else checkKeyRef(ctx, sp, s.keyRange, report);
        }
      }
      const envFromPath = [...c.path, 'envFrom'];
      for (const e of c.envFrom) {
        const refs = setKeys(ctx.doc, mapAt(ctx.doc, e.path)).filter(
          (k) => k.key === 'configMapRef' || k.key === 'secretRef',
        );
        // The error path is the list, not the entry (ValidateEnvFrom passes fldPath).
        if (refs.length === 0) {
          report(envFromPath, e.range, invalid(envFromPath, '', 'must specify one of: `configMapRef` or `secretRef`'));
        } else if (refs.length > 1) {
          report(
            envFromPath,
            refs[1]?.keyRange ?? e.range,
            invalid(envFromPath, '', 'may not have more than one field specified at a time'),
          );
        }
        for (const r of refs) {
          const name = readers.string(ctx.doc.ctx, mapAt(ctx.doc, [...e.path, r.key]), 'name');
          if (name.kind !== 'value' || name.value === '') continue;
          const np = [...e.path, r.key, 'name'];
          // ValidateConfigMapName/ValidateSecretName with prefix=true: one trailing "-" is accepted here.
          for (const msg of nameIsDNSSubdomain(name.value, true)) report(np, name.range, invalid(np, name.value, msg));
        }
      }
    }
  },
};
