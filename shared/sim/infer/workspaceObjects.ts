/**
 * What the workspace says about the objects a pod depends on beyond its own file: a ConfigMap, Secret, Service or
 * PersistentVolumeClaim found there exists (with its keys), one found nowhere is absent when the workspace is
 * complete and assumed to exist otherwise. Each fact names the file it came from.
 */
import type { IndexedObject, WorkspaceObjects } from '../../analysis/workspace/types';
import { DEFAULT_NAMESPACE } from '../../k8s/admission/namespace';
import type { FileObjects } from './fileObjects';

export type DependencyKind = 'ConfigMap' | 'Secret' | 'Service' | 'PersistentVolumeClaim';

/** How an object absent from a complete workspace is described. */
export const NOT_IN_WORKSPACE = 'is in no file of the workspace (complete): absent';

const FILE_LIST: Record<DependencyKind, keyof Omit<FileObjects, 'keys'>> = {
  ConfigMap: 'configMaps',
  Secret: 'secrets',
  Service: 'services',
  PersistentVolumeClaim: 'persistentVolumeClaims',
};

export interface Lookup {
  /** Names that exist: in the pod's file, in the workspace, or assumed. */
  present: string[];
  /** Names neither the file nor the workspace holds, though it is incomplete. */
  assumed: string[];
  /** `ConfigMap app-config is defined in file:///…/config.yaml`, one per name the file does not hold. */
  facts: string[];
  /** `configMap/name` -> keys, for the objects found in the workspace. */
  keys: Record<string, string[]>;
}

/** The object of a kind with a name in the pod's namespace (no namespace: the one the manifests are applied to). */
export function workspaceObject(
  workspace: WorkspaceObjects,
  kind: string,
  name: string,
  namespace: string,
): IndexedObject | undefined {
  return workspace.find(kind, name).find((o) => (o.namespace ?? DEFAULT_NAMESPACE) === namespace);
}

/**
 * @example lookup('ConfigMap', ['app-config'], objects, workspace, 'default').facts // ['ConfigMap app-config is defined in file:///…']
 */
export function lookup(
  kind: DependencyKind,
  names: readonly string[],
  objects: FileObjects | undefined,
  workspace: WorkspaceObjects,
  namespace: string,
): Lookup {
  const out: Lookup = { present: [], assumed: [], facts: [], keys: {} };
  for (const name of names) {
    if (objects?.[FILE_LIST[kind]].includes(name)) {
      out.present.push(name);
      continue;
    }
    const found = workspaceObject(workspace, kind, name, namespace);
    if (found) {
      out.present.push(name);
      out.facts.push(`${kind} ${name} is defined in ${found.location.uri}`);
      if (found.keys) out.keys[`${kind === 'ConfigMap' ? 'configMap' : 'secret'}/${name}`] = [...found.keys];
    } else if (workspace.complete) {
      out.facts.push(`${kind} ${name} ${NOT_IN_WORKSPACE}`);
    } else {
      out.present.push(name);
      out.assumed.push(name);
    }
  }
  return out;
}

/** A Service a container polls by DNS name: `db`, `db.shop`, `db.shop.svc.cluster.local`. */
export function serviceTarget(host: string, namespace: string): { name: string; namespace: string } {
  const [name = host, ns] = host.split('.');
  return { name, namespace: ns && ns !== 'svc' ? ns : namespace };
}
