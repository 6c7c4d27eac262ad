/**
 * Runs the shared simulation for the previewed pod with the user's what-if overrides. This is the only
 * module that calls `simulate` (once per change), so the panel sees one result shape and one error wording.
 */

import type { WorkspaceObjects } from '../../../shared/analysis/workspace/types';
import { DEFAULT_TARGET, type KubernetesTarget } from '../../../shared/k8s/version/target';
import type { PodView } from '../../../shared/model';
import {
  type Assumptions,
  type FileObjects,
  inferAssumptions,
  referencedObjects,
  type ScenarioInput,
  type SimulationResult,
  simulate,
} from '../../../shared/sim';
import { type Overrides, pruneOverrides } from './overrides';

export interface Simulation {
  result: SimulationResult;
  /**
   * Image facts as inferred without the user's edits, and every ConfigMap, Secret and Service the pod
   * depends on: the editor lists each one whether it exists or not.
   */
  inferred: Pick<Assumptions, 'images' | 'configMaps' | 'secrets' | 'services'>;
}

const SET_VALUED = ['images', 'configMaps', 'secrets', 'services'] as const;

/**
 * In a scenario, an image without an entry counts as cached and pullable; an edit of one image must not
 * silently change the others, so every image the user did not touch keeps its inferred facts.
 */
function mergeImages(scenario: ScenarioInput, inferred: Assumptions['images']): ScenarioInput {
  const edited = scenario.images ?? {};
  const images: NonNullable<ScenarioInput['images']> = {};
  for (const [image, facts] of Object.entries(inferred)) images[image] = { ...facts, ...edited[image] };
  return { ...scenario, images };
}

/**
 * The workspace, when the language server sent its facts, decides what exists beyond the file, as in the CodeLens.
 *
 * @example runSimulation(pod, {}, 900).result.steps[0]?.snapshot.kubectl.STATUS // 'Pending'
 */
export function runSimulation(
  pod: PodView,
  overrides: Overrides,
  until: number,
  objects?: FileObjects,
  target: KubernetesTarget = DEFAULT_TARGET,
  workspace?: WorkspaceObjects,
): Simulation {
  let scenario = pruneOverrides(overrides, pod);
  if (scenario.images && Object.keys(scenario.images).length === 0) delete scenario.images;
  // The horizon from the settings applies unless the user set one as a what-if.
  const options = {
    ...(scenario.until === undefined ? { until } : {}),
    ...(objects ? { objects } : {}),
    target,
    ...(workspace ? { workspace } : {}),
  };
  const needsBase = SET_VALUED.some((k) => scenario[k] !== undefined);
  let images: Assumptions['images'] | undefined;
  if (needsBase) {
    const base: ScenarioInput = { ...scenario };
    for (const k of SET_VALUED) delete base[k];
    images = inferAssumptions(pod, base, {
      ...(objects ? { objects } : {}),
      target,
      ...(workspace ? { workspace } : {}),
    })?.images;
    if (images && scenario.images) scenario = mergeImages(scenario, images);
  }
  const result = simulate(pod, scenario, options);
  return {
    result,
    inferred: { images: images ?? result.assumptions?.images ?? {}, ...referencedObjects(pod) },
  };
}

/** One line for the errors of a rejected simulation. */
export function describeErrors(result: SimulationResult): string {
  return result.errors.map((e) => `${e.field}: ${e.message}`).join('; ');
}
