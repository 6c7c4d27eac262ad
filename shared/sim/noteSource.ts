/**
 * Where in the manifest an assumption comes from: the note keys of the effective scenario (`containers.app.runs`,
 * `images[busybox:1.36]`, `restartPolicy`...) mapped to the field that led to them, for `podlens simulate`'s
 * assumption list and any view that wants to reveal it.
 */
import type { Field } from '../model/field';
import { resolvePod } from '../model/resolvedPod';
import type { ContainerView, PodView } from '../model/types';
import { formatPath, type Range } from '../util/range';

const keyOf = (f: Field<unknown>): Range | undefined => (f.kind === 'absent' ? undefined : f.keyRange);

const PROBE_FIELDS: Record<string, 'livenessProbe' | 'readinessProbe' | 'startupProbe'> = {
  liveness: 'livenessProbe',
  readiness: 'readinessProbe',
  startup: 'startupProbe',
};

/** The part of a container a note about `field` (runs, probes.liveness, postStart...) is about. */
function containerRange(c: ContainerView, field: string): Range {
  const [head, sub] = field.split('.');
  if (head === 'probes' && sub) {
    const probe = c[PROBE_FIELDS[sub] ?? 'livenessProbe'];
    if (probe) return probe.keyRange;
  }
  if (head === 'postStart' || head === 'preStop') {
    const hook = c.lifecycle[head];
    if (hook) return hook.keyRange;
  }
  return keyOf(c.command) ?? keyOf(c.args) ?? keyOf(c.image) ?? c.range;
}

function podField(pod: PodView, key: string): Range | undefined {
  const s = pod.scheduling;
  switch (key) {
    case 'restartPolicy':
      return keyOf(pod.restartPolicy) ?? pod.specKeyRange;
    case 'terminationGracePeriodSeconds':
      return keyOf(pod.terminationGracePeriodSeconds) ?? pod.specKeyRange;
    case 'schedulingGates':
      return s?.schedulingGatesRange;
    case 'node.labels':
      return s?.nodeSelectorRange ?? s?.requiredNodeAffinity?.range;
    case 'node.taints':
      return s?.tolerationsRange;
    default:
      return undefined;
  }
}

/**
 * @example noteSource(pod, 'containers.app.runs') // the range of the app container's `command` key
 */
export function noteSource(pod: PodView, key: string): Range | undefined {
  for (const c of resolvePod(pod).views) {
    if (c.name.kind !== 'value') continue;
    const prefix = formatPath(['containers', c.name.value]);
    if (key === prefix) return c.range;
    if (key.startsWith(`${prefix}.`)) return containerRange(c, key.slice(prefix.length + 1));
    if (c.image.kind === 'value' && key === formatPath(['images', c.image.value])) return keyOf(c.image);
  }
  return podField(pod, key);
}
