/**
 * The workspace objects a pod's simulation can read, as a small serializable list: the lifecycle panel simulates
 * in the webview, which has no index, and the CodeLens must predict from the same facts the panel shows.
 */
import type { PodView } from '../../model/types';
import { podReferences } from './extract';
import type { IndexedObject, WorkspaceObjects } from './types';

/**
 * Kinds read whatever the pod names: admission reads the namespace's LimitRanges and ResourceQuotas, RuntimeClass
 * and PriorityClass are cluster-wide, and the containers may poll any Service by host name.
 */
const POLICY_KINDS = ['LimitRange', 'ResourceQuota', 'RuntimeClass', 'PriorityClass', 'Service'] as const;

/**
 * Each object once, in a stable order (references first, as the pods name them); namespaces are not filtered
 * here, `memoryWorkspace` filters them on lookup as the index does.
 *
 * @example podWorkspaceObjects(index.objects(), [pod]) // [ConfigMap app-config, LimitRange defaults, ...]
 */
export function podWorkspaceObjects(workspace: WorkspaceObjects, pods: readonly PodView[]): IndexedObject[] {
  const out = new Set<IndexedObject>();
  for (const pod of pods) {
    for (const ref of podReferences(pod)) for (const o of workspace.find(ref.kind, ref.name)) out.add(o);
  }
  for (const kind of POLICY_KINDS) for (const o of workspace.ofKind(kind)) out.add(o);
  return [...out];
}
