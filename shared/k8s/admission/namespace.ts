/**
 * Which namespace's policy objects apply to a pod. A bare Pod is created in its metadata.namespace; the pods of a
 * workload are created by its controller in the workload's own namespace (the template's metadata.namespace is
 * ignored, pkg/controller/controller_utils.go GetPodFromTemplate, v1.36). Without a namespace the manifest goes to
 * the namespace `kubectl apply` targets, taken to be "default"; an object of the workspace without one is taken to
 * be applied there too, so it matches such a pod.
 */
import type { IndexedObject, WorkspaceObjects } from '../../analysis/workspace/types';
import type { PodView } from '../../model/types';

export const DEFAULT_NAMESPACE = 'default';

/** The namespace the pod is created in. */
export function podNamespace(pod: PodView): string {
  const ns = pod.metadata.namespace;
  return ns.kind === 'value' && ns.value !== '' ? ns.value : DEFAULT_NAMESPACE;
}

/** The namespaced objects of a kind that apply to the pod, in name order (a deterministic stand-in for the lister's). */
export function policyObjects(workspace: WorkspaceObjects | undefined, kind: string, pod: PodView): IndexedObject[] {
  if (!workspace) return [];
  const ns = podNamespace(pod);
  return workspace
    .ofKind(kind)
    .filter((o) => (o.namespace ?? DEFAULT_NAMESPACE) === ns)
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/** A resource list (`{cpu: "1", memory: "1Gi"}`) of a policy body, as plain JSON. */
export function plainRecord(value: unknown): Record<string, unknown> {
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}
