/** Public entry of the lifecycle simulation: predicts what the kubelet does with a pod manifest. */

export { DEFAULT_HORIZON_SECONDS } from './horizon';
export { type FileObjects, fileObjects, referencedObjects } from './infer/fileObjects';
export { NEVER_RETURNS } from './infer/hooks';
export { type ContainerPrediction, predictContainer } from './infer/predict';
export type { RunInference } from './infer/run';
export type { JobCondition, JobPod, JobResult } from './job/types';
export { toJson } from './json';
export { parseScenario, type Scenario, type ScenarioInput, type SimError, scenarioSchema } from './scenario';
export type { Assumptions } from './scheduling';
export { inferAssumptions, type SimulateOptions, type SimulationResult, simulate } from './simulate';
export { predictionSummary } from './summary';
export type {
  ConditionSnapshot,
  ConditionType,
  ContainerSnapshot,
  PodEvent,
  PodPhase,
  Snapshot,
  Step,
} from './types';
