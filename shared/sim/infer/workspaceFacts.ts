/**
 * The notes the prediction writes about objects outside the pod's file, and the scheduling failure of a pod whose
 * PersistentVolumeClaim a complete workspace does not hold.
 */
import type { WorkspaceObjects } from '../../analysis/workspace/types';
import type { PodView } from '../../model/types';
import type { Range } from '../../util/range';
import type { FileObjects } from './fileObjects';
import { referencedObjects } from './fileObjects';
import { type Lookup, lookup, NOT_IN_WORKSPACE, serviceTarget, workspaceObject } from './workspaceObjects';

/** How an assumed-present object is described; the headline reads it back (summary.ts). */
export const NOT_IN_FILE = 'exists, though not defined in this file';

export function assumedNote(noun: string, list: string, missing: readonly string[]): string {
  const what = missing.map((m) => `${noun} ${m}`).join(', ');
  return `assumed: ${what} ${NOT_IN_FILE} (remove it from \`${list}\` to see the pod without it)`;
}

/** The assumed objects first (the headline reads them from the start of the note), then what the workspace said. */
export function workspaceNote(noun: string, list: string, found: Lookup): string {
  const facts = found.facts.join('; ');
  if (found.assumed.length > 0) return [assumedNote(noun, list, found.assumed), ...found.facts].join('; ');
  return facts ? `inferred: ${facts}` : `inferred: every referenced ${noun} is defined in this file`;
}

/** The Services the containers poll for, looked up in the workspace (the polled host names as written). */
export function workspaceServices(pod: PodView, workspace: WorkspaceObjects, namespace: string) {
  const present: string[] = [];
  const facts: string[] = [];
  for (const host of referencedObjects(pod).services) {
    const target = serviceTarget(host, namespace);
    const found = workspaceObject(workspace, 'Service', target.name, target.namespace);
    if (found) {
      present.push(host);
      facts.push(`Service ${host} is defined in ${found.location.uri}`);
    } else if (workspace.complete) facts.push(`Service ${host} ${NOT_IN_WORKSPACE}`);
  }
  return { present, facts };
}

/**
 * The scheduler's VolumeBinding PreFilter rejects a pod whose claim does not exist
 * (pkg/scheduler/framework/plugins/volumebinding, v1.36), worded by FitError.Error with its PreFilter message.
 */
function missingClaimMessage(claim: string): string {
  return (
    `0/1 nodes are available: persistentvolumeclaim "${claim}" not found. ` +
    'preemption: 0/1 nodes are available: 1 Preemption is not helpful for scheduling..'
  );
}

/**
 * Notes what the workspace says of each claim the pod's volumes use; returns the pod's scheduling failure when a
 * complete workspace lacks one.
 */
export function claimsOf(
  pod: PodView,
  objects: FileObjects | undefined,
  workspace: WorkspaceObjects,
  namespace: string,
  notes: Record<string, string>,
): { message: string; ranges: Range[] } | undefined {
  const volumes = pod.volumes.filter((v) => v.claimName.kind === 'value');
  if (volumes.length === 0) return undefined;
  const names = volumes.map((v) => (v.claimName.kind === 'value' ? v.claimName.value : ''));
  const found = lookup('PersistentVolumeClaim', names, objects, workspace, namespace);
  const facts = [
    ...(found.assumed.length > 0
      ? [`assumed: ${found.assumed.map((n) => `PersistentVolumeClaim ${n}`).join(', ')} exists and is bound`]
      : []),
    ...found.facts,
  ];
  if (facts.length > 0)
    notes.persistentVolumeClaims = facts[0]?.startsWith('assumed') ? facts.join('; ') : `inferred: ${facts.join('; ')}`;
  const absent = volumes.find((_v, i) => !found.present.includes(names[i] as string));
  if (absent?.claimName.kind !== 'value') return undefined;
  return { message: missingClaimMessage(absent.claimName.value), ranges: [absent.claimName.range] };
}
