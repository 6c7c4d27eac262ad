/**
 * How the API server words an admission plug-in's refusal: admission.NewForbidden over an aggregate of errors
 * (apimachinery pkg/api/errors NewForbidden, pkg/util/errors aggregate.Error, v1.36).
 */
import type { PodView } from '../../model/types';

/**
 * The name the refusal quotes: the Pod's name or generateName; a controller's pods are named from the workload
 * (`web-` stands for the generated `web-<hash>-<suffix>`).
 */
function podName(pod: PodView): string {
  const meta = pod.metadata;
  const name = meta.name.kind === 'value' ? meta.name.value : '';
  if (pod.workload !== 'Pod') return name ? `${name}-` : '';
  if (name) return name;
  return meta.generateName.kind === 'value' ? meta.generateName.value : '';
}

/** Aggregate.Error: one message alone, several deduplicated in brackets. */
export function aggregate(messages: readonly string[]): string {
  const unique = [...new Set(messages)];
  return unique.length === 1 ? (unique[0] as string) : `[${unique.join(', ')}]`;
}

/** @example forbidden(pod, ['pod rejected: RuntimeClass "gvisor" not found']) // 'pods "web" is forbidden: pod rejected: ...' */
export function forbidden(pod: PodView, messages: readonly string[]): string {
  return `pods "${podName(pod)}" is forbidden: ${aggregate(messages)}`;
}
