/**
 * A WorkspaceObjects over a plain list: what tests, the CLI's directory loader and the lifecycle panel (which
 * gets the index's facts as a list) hand to lint rules and the simulation. Lookups scan the list; lists here are
 * small. Namespaces match as in the index.
 */
import { sameNamespace } from './namespace';
import type { IndexedObject, WorkspaceObjects } from './types';

/**
 * @example memoryWorkspace([configMap], true).find('ConfigMap', 'app-config') // [configMap]
 */
export function memoryWorkspace(objects: readonly IndexedObject[], complete = false): WorkspaceObjects {
  return {
    find: (kind, name, namespace) =>
      objects.filter((o) => o.kind === kind && o.name === name && sameNamespace(o.namespace, namespace)),
    ofKind: (kind, namespace) => objects.filter((o) => o.kind === kind && sameNamespace(o.namespace, namespace)),
    complete,
  };
}
