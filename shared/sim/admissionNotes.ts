/**
 * What the namespace's policy objects changed in the prediction, as assumption notes: the LimitRange defaults
 * the containers run with (their QoS class, what the scheduler places, the memory limit the kernel enforces), the
 * RuntimeClass overhead and scheduling, and quotas the pod alone exceeds. Each names the object and its file.
 */
import type { IndexedObject } from '../analysis/workspace/types';
import type { Admission } from '../k8s/admission';
import type { LimitRangeDefault } from '../k8s/admission/limitRanger';
import { qosClass } from '../k8s/qos';
import { serializeQuantity } from '../k8s/quantity';
import type { ContainerView } from '../model/types';
import { formatPath } from '../util/range';

const from = (o: IndexedObject) => `${o.kind} ${o.name} (${o.location.uri})`;

const containerKey = (c: ContainerView) =>
  formatPath(['containers', c.name.kind === 'value' ? c.name.value : formatPath([c.list, c.index])]);

function listText(defaults: readonly LimitRangeDefault[], list: 'requests' | 'limits'): string | undefined {
  const own = defaults.filter((d) => d.list === list);
  if (own.length === 0) return undefined;
  const values = `${list} ${own.map((d) => `${d.resource} ${serializeQuantity(d.value)}`).join(', ')}`;
  return list === 'requests' ? `${values} (what the scheduler places)` : values;
}

function limitRangeNotes(admission: Admission, notes: Record<string, string>): void {
  const defaults = admission.limitRanger.defaults;
  if (defaults.length === 0) return;
  const byContainer = new Map<string, LimitRangeDefault[]>();
  for (const d of defaults)
    byContainer.set(containerKey(d.container), [...(byContainer.get(containerKey(d.container)) ?? []), d]);
  for (const [key, own] of byContainer) {
    const sources = [...new Set(own.map((d) => from(d.limitRange)))].join(', ');
    const lists = [listText(own, 'requests'), listText(own, 'limits')].filter(Boolean).join('; ');
    const memory = own.find((d) => d.list === 'limits' && d.resource === 'memory');
    const oom = memory ? `; the kernel OOM-kills it above ${serializeQuantity(memory.value)}` : '';
    notes[`${key}.resources`] = `inferred: from ${sources}: ${lists}${oom}`;
  }
  const { qos, reason } = qosClass(admission.pod);
  const names = [...new Set(defaults.map((d) => `LimitRange ${d.limitRange.name}`))].join(', ');
  notes.qosClass = `inferred: ${qos} with the defaults from ${names} (${reason})`;
}

function runtimeClassNotes(admission: Admission, notes: Record<string, string>): void {
  const rc = admission.runtimeClass;
  if (rc.assumedExists) {
    notes.runtimeClass = `assumed: RuntimeClass ${rc.assumedExists} exists (not in the workspace); no overhead or scheduling from it`;
    return;
  }
  if (!rc.runtimeClass) return;
  const overhead = [...rc.overhead].map(([k, q]) => `${k} ${serializeQuantity(q)}`);
  const parts = [
    overhead.length > 0 ? `overhead ${overhead.join(', ')} added to the pod's requests` : 'no overhead',
    ...(rc.pod.scheduling !== admission.limitRanger.pod.scheduling ? ['its nodeSelector and tolerations merged'] : []),
  ];
  notes.runtimeClass = `inferred: ${from(rc.runtimeClass)}: ${parts.join('; ')}`;
}

/** Adds the notes to the prediction's assumptions. */
export function admissionNotes(admission: Admission, notes: Record<string, string>): void {
  limitRangeNotes(admission, notes);
  runtimeClassNotes(admission, notes);
  if (admission.quotas.length > 0) {
    const texts = admission.quotas.map((q) => `${q.message} (${from(q.quota)})`);
    notes.resourceQuotas = `inferred: ${texts.join('; ')}; compared with this pod alone, as the usage of the namespace's other pods is unknown`;
  }
}
