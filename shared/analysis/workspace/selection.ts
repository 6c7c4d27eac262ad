/** Which pod templates a Service selects, as the endpoints controller matches them: every selector entry equal. */
import { WORKLOAD_KINDS } from '../../model';
import type { IndexedObject, WorkspaceObjects } from './types';

/** A selector selects labels when it is not empty and each of its entries is among them. */
export function selects(selector: Readonly<Record<string, string>>, labels: Readonly<Record<string, string>>): boolean {
  const entries = Object.entries(selector);
  return entries.length > 0 && entries.every(([k, v]) => labels[k] === v);
}

/** The Pods and workloads whose pod template the selector selects, in the namespace when given. */
export function selectedTemplates(
  objects: WorkspaceObjects,
  selector: Readonly<Record<string, string>>,
  namespace: string | undefined,
): IndexedObject[] {
  return WORKLOAD_KINDS.flatMap((kind) =>
    objects.ofKind(kind, namespace).filter((o) => o.podTemplate && selects(selector, o.podTemplate.labels)),
  );
}

/** The Services that select a pod template with these labels, in the namespace when given. */
export function selectingServices(
  objects: WorkspaceObjects,
  labels: Readonly<Record<string, string>>,
  namespace: string | undefined,
): IndexedObject[] {
  return objects.ofKind('Service', namespace).filter((s) => s.selector && selects(s.selector, labels));
}
