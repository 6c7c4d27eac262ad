/**
 * deprecated-volume-type: a volume plugin that is deprecated and, for most, no longer works on current nodes. The API
 * server accepts it with a warning (pkg/api/pod/warnings.go, Kubernetes v1.36), so this stays a warning.
 */
import { isScalar, type YAMLMap } from 'yaml';
import type { ManifestDocument } from '../../../model';
import type { FieldPath } from '../../../util/range';
import { resolveScalar } from '../../../yaml/scalar';
import type { Rule } from '../../types';

/** Deprecated volume plugins of warnings.go (JSON field name → upstream wording, what to use instead). */
const DEPRECATED_VOLUMES = new Map<string, { status: string; instead: string }>(
  Object.entries({
    photonPersistentDisk: {
      status: 'deprecated in v1.11, non-functional in v1.16+',
      instead: 'Move the data to a volume of a supported storage system (a PersistentVolumeClaim).',
    },
    gitRepo: {
      status: 'deprecated in v1.11',
      instead:
        'Clone the repository in an init container into an emptyDir volume, and mount that emptyDir in the container.',
    },
    scaleIO: {
      status: 'deprecated in v1.16, non-functional in v1.22+',
      instead: "Use the vendor's CSI driver through a PersistentVolumeClaim.",
    },
    flocker: {
      status: 'deprecated in v1.22, non-functional in v1.25+',
      instead: 'Move the data to a volume of a supported storage system (a PersistentVolumeClaim).',
    },
    storageos: {
      status: 'deprecated in v1.22, non-functional in v1.25+',
      instead: "Use the vendor's CSI driver through a PersistentVolumeClaim.",
    },
    quobyte: {
      status: 'deprecated in v1.22, non-functional in v1.25+',
      instead: "Use the vendor's CSI driver through a PersistentVolumeClaim.",
    },
    glusterfs: {
      status: 'deprecated in v1.25, non-functional in v1.26+',
      instead: 'Use a CSI driver for the storage through a PersistentVolumeClaim.',
    },
    cephfs: {
      status: 'deprecated in v1.28, non-functional in v1.31+',
      instead: 'Use the Ceph CSI driver (cephfs.csi.ceph.com) through a PersistentVolumeClaim.',
    },
    rbd: {
      status: 'deprecated in v1.28, non-functional in v1.31+',
      instead: 'Use the Ceph CSI driver (rbd.csi.ceph.com) through a PersistentVolumeClaim.',
    },
  }),
);

/** The volume's own map (aliases followed), found by walking its field path from the document root. */
function volumeMap(doc: ManifestDocument, path: FieldPath): YAMLMap | undefined {
  let cur: unknown = doc.ast.contents;
  for (const seg of path) {
    cur = typeof seg === 'number' ? doc.ctx.asSeq(cur)?.items[seg] : doc.ctx.get(doc.ctx.asMap(cur), seg);
  }
  return doc.ctx.asMap(cur);
}

function isSet(doc: ManifestDocument, map: YAMLMap | undefined, key: string): boolean {
  const value = doc.ctx.deref(doc.ctx.get(map, key));
  return value !== undefined && !(isScalar(value) && resolveScalar(value).type === 'null');
}

export const deprecatedVolumeTypeRule: Rule = {
  meta: {
    id: 'deprecated-volume-type',
    family: 'lifecycle',
    severity: 'warning',
    summary:
      'A volume uses a deprecated plugin (gitRepo, cephfs, rbd, glusterfs, ...); the API server only warns, most no longer mount.',
  },
  check(ctx) {
    const pod = ctx.pod;
    if (!pod) return;
    for (const v of pod.volumes) {
      const map = volumeMap(ctx.doc, v.path);
      for (const s of v.sources) {
        const known = DEPRECATED_VOLUMES.get(s.type);
        // `gitRepo:` with no value decodes to nil: no plugin is set, and the API server does not warn.
        if (!known || !isSet(ctx.doc, map, s.type)) continue;
        const volume = v.name.kind === 'value' ? `Volume "${v.name.value}"` : `volumes[${v.index}]`;
        const broken = known.status.includes('non-functional')
          ? ' Nodes of those versions have no plugin for it: the volume cannot be mounted and the pod does not start.'
          : '';
        ctx.report({
          path: [...v.path, s.type],
          range: s.keyRange,
          message: `Volume type ${s.type} is deprecated${broken ? ' and no longer mounts' : ''}`,
          detail:
            `${volume} uses ${s.type}, which the API server accepts with a warning ("${known.status}").` +
            `${broken} ${known.instead}`,
        });
      }
    }
  },
};
