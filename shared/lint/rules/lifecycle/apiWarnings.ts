/**
 * What the API server accepts with a warning (pkg/api/pod/warnings.go, Kubernetes v1.36 validation.go), so these
 * stay warnings: `fractional-byte-quantity` (a memory or ephemeral-storage request/limit that is not a whole number
 * of bytes), `image-pull-secret-name` (an imagePullSecrets entry with an empty or repeated name) and
 * `deprecated-volume-type` (a volume plugin that is deprecated and, for most, no longer works on current nodes).
 */

import { isScalar, type YAMLMap } from 'yaml';
import { canonicalQuantity, isInteger, isNegative, parseQuantity, roundUpToMilli } from '../../../k8s/quantity';
import type { ManifestDocument } from '../../../model';
import type { FieldPath, Range } from '../../../util/range';
import { resolveScalar } from '../../../yaml/scalar';
import { quoted } from '../../message';
import type { Rule } from '../../types';
import { allContainers, capitalize, describeContainer } from './_helpers/containers';

/** The resources warnings.go checks for a fractional byte value, in its order. */
const BYTE_RESOURCES = ['memory', 'ephemeral-storage'] as const;

export const fractionalByteQuantity: Rule = {
  meta: {
    id: 'fractional-byte-quantity',
    family: 'lifecycle',
    severity: 'warning',
    summary:
      'A memory or ephemeral-storage request or limit is not a whole number of bytes (`1500m`, `0.5`); the API server only warns.',
  },
  check(ctx) {
    for (const c of ctx.pod ? allContainers(ctx.pod) : []) {
      for (const resource of BYTE_RESOURCES) {
        for (const list of ['limits', 'requests'] as const) {
          const field = c.resources[list].entries.get(resource);
          if (field?.kind !== 'value') continue;
          const parsed = parseQuantity(field.value);
          // A quantity that does not parse, or a negative one, is an error reported by other rules.
          if (!parsed.ok || isNegative(parsed.quantity)) continue;
          // SetDefaults_ResourceList rounds every value up to whole millis before warnings.go looks at it
          // (MilliValue() % 1000 != 0): `0.9999` becomes 1 and is not reported.
          const stored = roundUpToMilli(parsed.quantity);
          if (isInteger(stored)) continue;
          const shown = canonicalQuantity(stored);
          const what = resource === 'memory' ? 'memory' : 'ephemeral storage';
          const hint = /\dm$/.test(parsed.quantity.text)
            ? ` The suffix "m" means milli (1/1000), not mega: write ${parsed.quantity.text.slice(0, -1)}Mi or ${parsed.quantity.text.slice(0, -1)}M.`
            : ' Write a whole number of bytes, for example with a Ki, Mi or Gi suffix.';
          ctx.report({
            path: [...c.path, 'resources', list, resource],
            range: field.range,
            message: `${what} ${quoted(field.value)} is not a whole number of bytes`,
            detail:
              `${capitalize(describeContainer(c))} ${list === 'limits' ? 'limits' : 'requests'} ${what} ` +
              `"${field.value}", which is not a whole number of bytes. The API server accepts it with a warning: ` +
              `fractional byte value ${JSON.stringify(shown)} is invalid, must be an integer.${hint}`,
          });
        }
      }
    }
  },
};

export const imagePullSecretName: Rule = {
  meta: {
    id: 'image-pull-secret-name',
    family: 'lifecycle',
    severity: 'warning',
    summary: 'An imagePullSecrets entry has an empty name or repeats an earlier one; the API server only warns.',
  },
  check(ctx) {
    const pod = ctx.pod;
    if (!pod) return;
    const first = new Map<string, { index: number; range: Range }>();
    for (const s of pod.imagePullSecrets) {
      const path = [...pod.specPath, 'imagePullSecrets', s.index, 'name'];
      if (s.name.kind === 'template' || s.name.kind === 'invalid') continue;
      if (s.name.kind === 'absent' || s.name.value === '') {
        ctx.report({
          path,
          range: s.name.kind === 'value' ? s.name.range : s.range,
          message: `imagePullSecrets[${s.index}] has no name: the kubelet has no Secret to read`,
          detail:
            `imagePullSecrets[${s.index}] has no name. The API server accepts it with a warning ("invalid empty ` +
            'name"), and the kubelet has no Secret to read credentials from. Set the name of a ' +
            'kubernetes.io/dockerconfigjson Secret in the namespace, or remove the entry.',
        });
        continue;
      }
      const name = s.name.value;
      const prev = first.get(name);
      if (!prev) {
        first.set(name, { index: s.index, range: s.name.range });
        continue;
      }
      ctx.report({
        path,
        range: s.name.range,
        message: `imagePullSecrets[${s.index}] names ${quoted(name)} again`,
        detail:
          `imagePullSecrets[${s.index}] names "${name}" again (first at imagePullSecrets[${prev.index}]). The API ` +
          'server accepts it with a warning ("duplicate name"); the repeat adds nothing, and `kubectl apply` ' +
          'merges the list by name, so it may drop an entry on the next apply. Remove the repeated entry.',
        related: [{ range: prev.range, message: `first use of "${name}"` }],
      });
    }
  },
};

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

export const deprecatedVolumeType: Rule = {
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
