/**
 * The objects a manifest file defines next to the pod (other YAML documents): Services, ConfigMaps and
 * Secrets with their keys, PersistentVolumeClaims. The zero-config prediction assumes these exist and
 * that nothing else does.
 */
import type { ManifestDocument } from '../../model/document';
import { resolvePod } from '../../model/resolvedPod';
import type { PodView } from '../../model/types';
import { predictProcess } from './process';
import { referencedNames } from './refs';

export interface FileObjects {
  services: string[];
  configMaps: string[];
  secrets: string[];
  persistentVolumeClaims: string[];
  /** `configMap/name` or `secret/name` -> the keys an env key reference can read. */
  keys: Record<string, string[]>;
}

const KIND_LIST: Record<string, keyof Omit<FileObjects, 'keys'>> = {
  Service: 'services',
  ConfigMap: 'configMaps',
  Secret: 'secrets',
  PersistentVolumeClaim: 'persistentVolumeClaims',
};

function mapKeys(doc: ManifestDocument, field: string): string[] {
  const node = doc.ctx.asMap(doc.ast.getIn([field], true));
  if (!node) return [];
  return Object.keys(node.toJSON() as Record<string, unknown>);
}

/**
 * @example fileObjects(parseManifests(text).documents).services // ['myservice', 'mydb']
 */
export function fileObjects(documents: readonly ManifestDocument[]): FileObjects {
  const out: FileObjects = { services: [], configMaps: [], secrets: [], persistentVolumeClaims: [], keys: {} };
  for (const doc of documents) {
    const kind = doc.kind.kind === 'value' ? doc.kind.value : undefined;
    const list = kind ? KIND_LIST[kind] : undefined;
    const name = doc.ast.getIn(['metadata', 'name']);
    if (!list || typeof name !== 'string' || doc.templated) continue;
    out[list].push(name);
    if (kind === 'ConfigMap' || kind === 'Secret') {
      // The kubelet reads a ConfigMap key from `data` only; a Secret's `stringData` becomes `data` on write.
      const keys = [...mapKeys(doc, 'data'), ...(kind === 'Secret' ? mapKeys(doc, 'stringData') : [])];
      out.keys[`${kind === 'ConfigMap' ? 'configMap' : 'secret'}/${name}`] = keys;
    }
  }
  return out;
}

/**
 * The objects a pod depends on, by name: referenced ConfigMaps and Secrets, and the Services its
 * containers contact. What the panel offers to toggle, whatever the file defines.
 */
export function referencedObjects(pod: PodView): Pick<FileObjects, 'configMaps' | 'secrets' | 'services'> {
  const services = new Set<string>();
  for (const c of resolvePod(pod).views) {
    for (const s of predictProcess(pod, c, new Set()).execution.waitsFor) services.add(s);
  }
  return {
    configMaps: referencedNames(pod, 'configMap'),
    secrets: referencedNames(pod, 'secret'),
    services: [...services],
  };
}
