/**
 * `volume-source` (validateVolumeSource): at most one source; a second is Forbidden on that source, in the order
 * validateVolumeSource checks them. A volume with no source is not an error through `kubectl apply`:
 * SetDefaults_Volume (pkg/apis/core/v1/defaults.go, v1.36) makes it an emptyDir before validation runs.
 */
import { objectSchema } from '../../../k8s/schema';
import type { Rule } from '../../types';
import { forbidden, mapAt, reportPodSpec, setKeys } from './_helpers/util';

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

export const volumeSourceRule: Rule = {
  meta: {
    id: 'volume-source',
    family: 'api-validation',
    severity: 'error',
    summary: 'A volume with more than one source (emptyDir, configMap, …); one with none is defaulted to emptyDir.',
  },
  check(ctx) {
    const known = volumeSourceKeys();
    for (const v of ctx.pod?.volumes ?? []) {
      const sources = setKeys(ctx.doc, mapAt(ctx.doc, v.path))
        .filter((k) => known.has(k.key))
        .sort((a, b) => SOURCE_ORDER.indexOf(a.key) - SOURCE_ORDER.indexOf(b.key));
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
