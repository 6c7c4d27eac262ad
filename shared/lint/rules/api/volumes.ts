/**
 * Volumes (ValidateVolumes, validateVolumeSource): `invalid-volume-name` (a DNS-1123 label), `duplicate-volume-name`
 * and `volume-source` (exactly one source: none is Required on the volume, a second is Forbidden on that source, in
 * the order validateVolumeSource checks them).
 */
import { isDNS1123Label } from '../../../k8s/names';
import { objectSchema } from '../../../k8s/schema';
import type { Range } from '../../../util/range';
import type { Rule } from '../../types';
import { duplicate, forbidden, invalid, mapAt, reportPodSpec, required, setKeys } from './util';

/** Volume sources in the order validateVolumeSource checks them; the first one set wins. */
const SOURCE_ORDER = [
  'emptyDir',
  'hostPath',
  'gitRepo',
  'gcePersistentDisk',
  'awsElasticBlockStore',
  'secret',
  'nfs',
  'iscsi',
  'glusterfs',
  'flocker',
  'persistentVolumeClaim',
  'rbd',
  'cinder',
  'cephfs',
  'quobyte',
  'downwardAPI',
  'fc',
  'flexVolume',
  'configMap',
  'azureFile',
  'vsphereVolume',
  'photonPersistentDisk',
  'portworxVolume',
  'azureDisk',
  'storageos',
  'projected',
  'scaleIO',
  'csi',
  'ephemeral',
  'image',
];

function volumeSourceKeys(): Set<string> {
  const props = objectSchema('io.k8s.api.core.v1.Volume')?.properties ?? {};
  return new Set(Object.keys(props).filter((k) => k !== 'name'));
}

export const invalidVolumeNameRule: Rule = {
  meta: {
    id: 'invalid-volume-name',
    family: 'api-validation',
    severity: 'error',
    summary: 'A volume name that is not a DNS-1123 label.',
  },
  check(ctx) {
    for (const v of ctx.pod?.volumes ?? []) {
      if (v.name.kind !== 'value' || v.name.value === '') continue;
      const path = [...v.path, 'name'];
      for (const msg of isDNS1123Label(v.name.value))
        reportPodSpec(ctx, { path, range: v.name.range, message: invalid(path, v.name.value, msg) });
    }
  },
};

export const duplicateVolumeNameRule: Rule = {
  meta: {
    id: 'duplicate-volume-name',
    family: 'api-validation',
    severity: 'error',
    summary: 'Two volumes share a name.',
  },
  check(ctx) {
    const seen = new Map<string, Range>();
    for (const v of ctx.pod?.volumes ?? []) {
      if (v.name.kind !== 'value' || v.name.value === '') continue;
      const first = seen.get(v.name.value);
      if (!first) {
        seen.set(v.name.value, v.name.range);
        continue;
      }
      const path = [...v.path, 'name'];
      reportPodSpec(ctx, {
        path,
        range: v.name.range,
        message: duplicate(path, v.name.value),
        related: [{ range: first, message: `First volume named "${v.name.value}"` }],
      });
    }
  },
};

export const volumeSourceRule: Rule = {
  meta: {
    id: 'volume-source',
    family: 'api-validation',
    severity: 'error',
    summary: 'A volume with no source (emptyDir, configMap, …) or with more than one.',
  },
  check(ctx) {
    const known = volumeSourceKeys();
    for (const v of ctx.pod?.volumes ?? []) {
      const sources = setKeys(ctx.doc, mapAt(ctx.doc, v.path))
        .filter((k) => known.has(k.key))
        .sort((a, b) => SOURCE_ORDER.indexOf(a.key) - SOURCE_ORDER.indexOf(b.key));
      if (sources.length === 0) {
        // An unknown key (a misspelled source) is the unknown-field finding; the missing source is still missing.
        const range = v.name.kind === 'value' ? v.name.keyRange : v.range;
        reportPodSpec(ctx, {
          path: v.path,
          range,
          message: required(v.path, 'must specify a volume type'),
          detail: 'Add a source such as emptyDir: {}, configMap or persistentVolumeClaim.',
          needsWholeObject: true,
        });
        continue;
      }
      for (const extra of sources.slice(1)) {
        const path = [...v.path, extra.key];
        reportPodSpec(ctx, {
          path,
          range: extra.keyRange,
          message: forbidden(path, 'may not specify more than 1 volume type'),
          detail: `This volume already uses ${sources[0]?.key}.`,
        });
      }
    }
  },
};
