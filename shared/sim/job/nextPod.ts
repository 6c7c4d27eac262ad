/**
 * The scenario of a later pod of the same Job: the images the first pod pulled are on the node now, and
 * each container goes on with its `runs` where the previous pods left off (the last entry repeats).
 */
import type { Assumptions } from '../infer/scenario';
import type { Scenario } from '../scenario';

/**
 * @example nextPodScenario({}, assumptions, { main: 1 }).containers?.main?.runs // runs from the second on
 */
export function nextPodScenario(
  base: Scenario,
  assumptions: Assumptions,
  offsets: Readonly<Record<string, number>>,
): Scenario {
  const images: NonNullable<Scenario['images']> = {};
  for (const [image, facts] of Object.entries(assumptions.images)) images[image] = { ...facts, present: true };
  const containers: NonNullable<Scenario['containers']> = { ...base.containers };
  for (const [name, effective] of Object.entries(assumptions.containers)) {
    const skip = Math.min(offsets[name] ?? 0, effective.runs.length - 1);
    containers[name] = { ...base.containers?.[name], runs: effective.runs.slice(skip) };
  }
  return { ...base, images, containers };
}
