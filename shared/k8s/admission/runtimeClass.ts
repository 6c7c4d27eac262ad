/**
 * The RuntimeClass admission plug-in (plugin/pkg/admission/runtimeclass/admission.go, v1.36): a pod naming a
 * RuntimeClass gets its `overhead.podFixed` as spec.overhead (which the scheduler adds to the pod's requests) and
 * its `scheduling.nodeSelector` and `tolerations` merged into its own; a nodeSelector key set to another value, or
 * a RuntimeClass that does not exist, rejects the pod.
 */
import type { IndexedObject, WorkspaceObjects } from '../../analysis/workspace/types';
import type { SchedulingView, TolerationView } from '../../model/schedulingView';
import type { PodView } from '../../model/types';
import type { Range } from '../../util/range';
import { forbidden } from './forbidden';
import { plainRecord } from './namespace';
import { type ResourceList, readResourceList } from './resourceList';

export interface RuntimeClassAdmission {
  /** The RuntimeClass the pod names, when the workspace has it. */
  runtimeClass?: IndexedObject;
  /** overhead.podFixed, added to the pod's requests by the scheduler. */
  overhead: ResourceList;
  /** The pod as admitted: nodeSelector and tolerations merged. */
  pod: PodView;
  rejection?: { message: string; ranges: Range[] };
  /** Set when the pod names a RuntimeClass the (incomplete) workspace does not define. */
  assumedExists?: string;
}

function readTolerations(value: unknown): TolerationView[] {
  if (!Array.isArray(value)) return [];
  return value.map((raw) => {
    const t = plainRecord(raw);
    const text = (k: string) => (typeof t[k] === 'string' ? (t[k] as string) : '');
    return { key: text('key'), operator: text('operator'), value: text('value'), effect: text('effect') };
  });
}

const sameToleration = (a: TolerationView, b: TolerationView) =>
  a.key === b.key && a.operator === b.operator && a.value === b.value && a.effect === b.effect;

/** tolerations.MergeTolerations keeps each distinct toleration once (pkg/util/tolerations, v1.36). */
function mergeTolerations(own: readonly TolerationView[], extra: readonly TolerationView[]): TolerationView[] {
  const out = [...own];
  for (const t of extra) if (!out.some((o) => sameToleration(o, t))) out.push(t);
  return out;
}

const EMPTY_SCHEDULING: SchedulingView = { schedulingGates: [], nodeSelector: new Map(), tolerations: [] };

/**
 * @example admitRuntimeClass(pod, workspace).overhead.get('cpu')?.text // '250m' for a gVisor class with that overhead
 */
export function admitRuntimeClass(pod: PodView, workspace: WorkspaceObjects | undefined): RuntimeClassAdmission {
  const field = pod.runtimeClassName;
  if (field.kind !== 'value' || !workspace) return { overhead: new Map(), pod };
  const name = field.value;
  const runtimeClass = workspace.find('RuntimeClass', name)[0];
  if (!runtimeClass) {
    if (!workspace.complete) return { overhead: new Map(), pod, assumedExists: name };
    const message = forbidden(pod, [`pod rejected: RuntimeClass "${name}" not found`]);
    return { overhead: new Map(), pod, rejection: { message, ranges: [field.range] } };
  }
  const body = plainRecord(runtimeClass.body);
  const overhead = readResourceList(plainRecord(body.overhead).podFixed);
  const scheduling = plainRecord(body.scheduling);
  const own = pod.scheduling ?? EMPTY_SCHEDULING;
  const nodeSelector = new Map(own.nodeSelector);
  for (const key of Object.keys(plainRecord(scheduling.nodeSelector)).sort()) {
    const value = String(plainRecord(scheduling.nodeSelector)[key]);
    const podValue = own.nodeSelector.get(key);
    if (podValue !== undefined && podValue !== value) {
      const conflict = `conflict: runtimeClass.scheduling.nodeSelector[${key}] = ${value}; pod.spec.nodeSelector[${key}] = ${podValue}`;
      const ranges = [own.nodeSelectorRange ?? field.range];
      return { runtimeClass, overhead, pod, rejection: { message: forbidden(pod, [conflict]), ranges } };
    }
    nodeSelector.set(key, value);
  }
  const tolerations = mergeTolerations(own.tolerations, readTolerations(scheduling.tolerations));
  if (nodeSelector.size === own.nodeSelector.size && tolerations.length === own.tolerations.length)
    return { runtimeClass, overhead, pod };
  const merged: SchedulingView = {
    ...own,
    nodeSelector,
    tolerations,
    ...(nodeSelector.size > own.nodeSelector.size ? { nodeSelectorRange: own.nodeSelectorRange ?? field.range } : {}),
    ...(tolerations.length > own.tolerations.length ? { tolerationsRange: own.tolerationsRange ?? field.range } : {}),
  };
  return { runtimeClass, overhead, pod: { ...pod, scheduling: merged } };
}
