/**
 * `invalid-volume-file`: the files configMap, secret, downwardAPI and projected volumes write, as validateKeyToPath,
 * validateDownwardAPIVolumeFile and validateProjectionSources (pkg/apis/core/validation/validation.go, v1.36) check
 * them (missing keys and paths are missing-required-field): item paths are relative without `..`; a downward API file needs exactly one
 * of fieldRef (metadata.name, namespace, uid, labels, annotations, or one label/annotation) and resourceFieldRef
 * (with a containerName and a supported resource); each projected source holds one kind of projection, paths are
 * unique across the projection, and a serviceAccountToken lives 10 minutes to 2^32 seconds at a relative path.
 */
import { isQualifiedName } from '../../../k8s/names';
import type { FieldPath, Range } from '../../../util/range';
import { duplicates, nonEmptyValue } from '../../helpers/duplicates';
import type { Rule, RuleContext } from '../../types';
import { unsupportedVersion } from './_helpers/fieldRefVersion';
import { int, keyRange, listItems, quote, str } from './_helpers/items';
import { isExposableResource } from './_helpers/resourceFieldRef';
import { entryRange, mapAt, reportPodSpec, setKeys } from './_helpers/util';
import { fileSources, type VolumeFile } from './_helpers/volumeFiles';

const VOLUME_FIELD_PATHS = [
  'metadata.name',
  'metadata.namespace',
  'metadata.labels',
  'metadata.annotations',
  'metadata.uid',
];
const PROJECTIONS = [
  'secret',
  'configMap',
  'downwardAPI',
  'serviceAccountToken',
  'clusterTrustBundle',
  'podCertificate',
];
const MIN_TOKEN_SECONDS = 600;
const MAX_TOKEN_SECONDS = 2 ** 32;

/** ValidateLocalNonReservedPath: the first problem of a file path, or undefined. */
export function localPathProblem(path: string): string | undefined {
  if (path.startsWith('/')) return 'must be a relative path';
  if (path.split('/').includes('..')) return "must not contain '..'";
  if (path.startsWith('..')) return "must not start with '..'";
  return undefined;
}

function checkPath(ctx: RuleContext, file: VolumeFile, report: (p: FieldPath, r: Range, m: string) => void) {
  const m = file.item.map;
  if (!m) return;
  const path = str(ctx, m, 'path');
  const at = [...file.errorPath, 'path'];
  // A missing or empty path is missing-required-field (the schema requires it): one root cause, one error.
  if (path.kind === 'value' && path.value !== '') {
    const problem = localPathProblem(path.value);
    if (problem) report(at, path.range, `File path ${quote(path.value)} ${problem}.`);
  }
}

function checkFieldPath(ctx: RuleContext, base: FieldPath, fieldRef: ReturnType<typeof mapAt>) {
  const fp = str(ctx, fieldRef, 'fieldPath');
  if (fp.kind !== 'value' || fp.value === '') return;
  const version = unsupportedVersion(ctx, fieldRef);
  if (version !== undefined) {
    reportPodSpec(ctx, {
      path: [...base, 'fieldRef', 'fieldPath'],
      range: fp.range,
      message: `fieldRef apiVersion ${quote(version)} is not supported: pods are v1.`,
    });
    return;
  }
  const sub = /^(metadata\.(?:labels|annotations))\['(.*)'\]$/.exec(fp.value);
  if (sub) {
    const key = sub[2] as string;
    if (isQualifiedName(sub[1] === 'metadata.annotations' ? key.toLowerCase() : key).length > 0)
      reportPodSpec(ctx, {
        path: [...base, 'fieldRef'],
        range: fp.range,
        message: `${quote(key)} is not a valid label or annotation key.`,
      });
    return;
  }
  if (!VOLUME_FIELD_PATHS.includes(fp.value))
    reportPodSpec(ctx, {
      path: [...base, 'fieldRef', 'fieldPath'],
      range: fp.range,
      message: `${quote(fp.value)} is not available to volumes (use metadata.name, labels, annotations, …).`,
    });
}

function checkDownwardFile(ctx: RuleContext, file: VolumeFile) {
  const doc = ctx.doc.ctx;
  const m = file.item.map;
  const base = file.errorPath;
  const fieldRef = doc.asMap(doc.get(m, 'fieldRef'));
  const resourceRef = doc.asMap(doc.get(m, 'resourceFieldRef'));
  if (fieldRef) checkFieldPath(ctx, base, fieldRef);
  if (fieldRef && resourceRef) {
    const range = keyRange(ctx, m, 'resourceFieldRef') ?? file.item.range;
    reportPodSpec(ctx, {
      path: base,
      range,
      message: 'A downward API file may set fieldRef or resourceFieldRef, not both.',
    });
  } else if (!fieldRef && !resourceRef && m) {
    const range = entryRange(ctx.doc, m) ?? file.item.range;
    reportPodSpec(ctx, { path: base, range, message: 'A downward API file needs fieldRef or resourceFieldRef.' });
  } else if (resourceRef) {
    const rp = [...base, 'resourceFieldRef'];
    const container = str(ctx, resourceRef, 'containerName');
    if (container.kind === 'absent' || (container.kind === 'value' && container.value === '')) {
      const range = keyRange(ctx, m, 'resourceFieldRef') ?? file.item.range;
      reportPodSpec(ctx, {
        path: [...rp, 'containerName'],
        range,
        message: 'A volume resourceFieldRef needs a containerName.',
      });
    }
    const resource = str(ctx, resourceRef, 'resource');
    const r = resource.kind === 'value' ? resource.value : undefined;
    if (resource.kind === 'value' && r && !isExposableResource(r))
      reportPodSpec(ctx, {
        path: [...rp, 'resource'],
        range: resource.range,
        message: `${quote(r)} is not a resource a volume can expose.`,
      });
  }
}

function checkProjected(ctx: RuleContext, projected: ReturnType<typeof mapAt>, path: FieldPath) {
  const doc = ctx.doc.ctx;
  for (const s of listItems(ctx, projected, path, 'sources')) {
    if (!s.map) continue;
    // Reported on the second projection written, the one to move into its own source.
    const kinds = setKeys(ctx.doc, s.map).filter((k) => PROJECTIONS.includes(k.key));
    const [first, second] = kinds;
    if (first && second)
      reportPodSpec(ctx, {
        path: s.path,
        range: second.keyRange,
        message: `A projected source holds one projection; this one also sets ${first.key}.`,
      });
    const token = doc.asMap(doc.get(s.map, 'serviceAccountToken'));
    if (!token) continue;
    const exp = int(ctx, token, 'expirationSeconds');
    if (exp.kind === 'value' && (exp.value < MIN_TOKEN_SECONDS || exp.value > MAX_TOKEN_SECONDS))
      reportPodSpec(ctx, {
        path: [...s.path, 'serviceAccountToken', 'expirationSeconds'],
        range: exp.range,
        message: `Token expirationSeconds ${exp.value} is outside 600 (10 minutes) to 2^32.`,
      });
    // A missing path is missing-required-field; a present one must stay inside the volume.
    const tokenPath = str(ctx, token, 'path');
    const problem =
      tokenPath.kind === 'value' && tokenPath.value !== '' ? localPathProblem(tokenPath.value) : undefined;
    if (problem && tokenPath.kind === 'value')
      reportPodSpec(ctx, {
        path: [...path, 'path'],
        range: tokenPath.range,
        message: `Token path ${quote(tokenPath.value)} ${problem}.`,
      });
  }
}

function checkDuplicatePaths(ctx: RuleContext, projectedPath: FieldPath, files: VolumeFile[]) {
  for (const { key } of duplicates(files, (f) => nonEmptyValue(str(ctx, f.item.map, 'path'))).values())
    reportPodSpec(ctx, {
      path: projectedPath,
      range: key.range,
      message: `Projected path ${quote(key.value)} is written twice.`,
    });
}

export const invalidVolumeFileRule: Rule = {
  meta: {
    id: 'invalid-volume-file',
    family: 'api-validation',
    severity: 'error',
    summary: 'A configMap/secret/downwardAPI/projected volume file with a bad path, key, field or projection.',
  },
  check(ctx) {
    const pod = ctx.pod;
    if (!pod) return;
    const report = (path: FieldPath, range: Range, message: string) => reportPodSpec(ctx, { path, range, message });
    const byProjection = new Map<string, { path: FieldPath; files: VolumeFile[] }>();
    for (const source of fileSources(ctx)) {
      for (const file of source.files) {
        if (!file.item.map) continue;
        checkPath(ctx, file, report);
        if (file.kind === 'downwardAPI') checkDownwardFile(ctx, file);
      }
      const pIndex = source.path.indexOf('projected');
      if (pIndex < 0) continue;
      const projectedPath = source.path.slice(0, pIndex + 1);
      const id = JSON.stringify(projectedPath);
      const entry = byProjection.get(id) ?? { path: projectedPath, files: [] };
      entry.files.push(...source.files);
      byProjection.set(id, entry);
    }
    for (const { path, files } of byProjection.values()) checkDuplicatePaths(ctx, path, files);
    for (const v of pod.volumes) {
      const path = [...v.path, 'projected'];
      const projected = mapAt(ctx.doc, path);
      if (projected) checkProjected(ctx, projected, path);
    }
  },
};
