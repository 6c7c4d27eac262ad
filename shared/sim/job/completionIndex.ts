/**
 * The Job controller gives every container of an Indexed Job's pod the variable JOB_COMPLETION_INDEX
 * (addCompletionIndexEnvVariables in pkg/controller/job/indexed_job_utils.go, v1.36), unless the
 * container already sets it, so the inference reads the index like any literal variable.
 */
import type { ContainerView, EnvView, PodView } from '../../model/types';

const NAME = 'JOB_COMPLETION_INDEX';

function withIndex(c: ContainerView, index: number): ContainerView {
  if (c.env.some((e) => e.name.kind === 'value' && e.name.value === NAME)) return c;
  // The added entry has no text of its own: it points at the container for any range a message needs.
  const at = { range: c.range, keyRange: c.range };
  const entry: EnvView = {
    index: c.env.length,
    path: [...c.path, 'env', c.env.length],
    range: c.range,
    name: { kind: 'value', value: NAME, ...at },
    value: { kind: 'value', value: String(index), ...at },
  };
  return { ...c, env: [...c.env, entry] };
}

/**
 * @example withCompletionIndex(pod, 2).containers[0].env.at(-1)?.value // { kind: 'value', value: '2', ... }
 */
export function withCompletionIndex(pod: PodView, index: number): PodView {
  return {
    ...pod,
    initContainers: pod.initContainers.map((c) => withIndex(c, index)),
    containers: pod.containers.map((c) => withIndex(c, index)),
  };
}
