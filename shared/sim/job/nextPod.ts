/**
 * The scenario of another pod of the same Job: each container goes on with its `runs` where the previous
 * pods left off (the last entry repeats); a pod created after the first one finds its images on the node.
 */
import type { Assumptions } from '../infer/scenario';
import type { Scenario } from '../scenario';

/**
 * @example nextPodScenario({}, assumptions, { main: 1 }, true).containers?.main?.runs // runs from the second on
 */
export function nextPodScenario(
  base: Scenario,
  assumptions: Assumptions,
  offsets: Readonly<Record<string, number>>,
  pulled: boolean,
): Scenario {
  const images: NonNullable<Scenario['images']> = {};
  for (const [image, facts] of Object.entries(assumptions.images))
    images[image] = { ...facts, present: facts.present || pulled };
  const containers: NonNullable<Scenario['containers']> = { ...base.containers };
  for (const [name, effective] of Object.entries(assumptions.containers)) {
    const skip = Math.min(offsets[name] ?? 0, effective.runs.length - 1);
    containers[name] = { ...base.containers?.[name], runs: effective.runs.slice(skip) };
  }
  return { ...base, images, containers };
}
