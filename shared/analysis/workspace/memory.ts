/**
 * A WorkspaceObjects over a plain list: what tests and the CLI's directory loader hand to lint rules and the
 * simulation until the workspace index replaces them. Lookups scan the list; lists here are small.
 */
import type { IndexedObject, WorkspaceObjects } from './types';

/**
 * @example memoryWorkspace([configMap], true).find('ConfigMap', 'app-config') // [configMap]
 */
export function memoryWorkspace(objects: readonly IndexedObject[], complete = false): WorkspaceObjects {
  const inNamespace = (o: IndexedObject, namespace: string | undefined) =>
    namespace === undefined || o.namespace === namespace;
  return {
    find: (kind, name, namespace) =>
      objects.filter((o) => o.kind === kind && o.name === name && inNamespace(o, namespace)),
    ofKind: (kind, namespace) => objects.filter((o) => o.kind === kind && inNamespace(o, namespace)),
    complete,
  };
}
