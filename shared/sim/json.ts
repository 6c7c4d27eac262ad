/**
 * The `podlens simulate --format json` contract (version 1), shared by the CLI, the webview and tests.
 * Key order is fixed here so the output is byte-stable for the same input.
 */
import type { SimulationResult } from './simulate';
import type { ConditionType, Step } from './types';

const CONDITION_ORDER: readonly ConditionType[] = [
  'PodScheduled',
  'PodReadyToStartContainers',
  'Initialized',
  'ContainersReady',
  'Ready',
];

function stepJson(step: Step) {
  const snap = step.snapshot;
  const conditions: Record<string, unknown> = {};
  for (const type of CONDITION_ORDER) {
    const c = snap.conditions[type];
    if (c) conditions[type] = { ...c };
  }
  return {
    t: step.t,
    after: step.after,
    exists: snap.exists,
    events: step.events.map((e) => ({
      type: e.type,
      reason: e.reason,
      object: e.object,
      from: e.from,
      message: e.message,
    })),
    phase: snap.phase,
    reason: snap.reason,
    message: snap.message,
    conditions,
    initContainers: snap.initContainers,
    containers: snap.containers,
    kubectl: snap.kubectl,
    ranges: step.ranges,
  };
}

/**
 * The JSON document of a simulation (not yet stringified).
 * @example JSON.stringify(toJson(simulate(pod), { document: 0 }), null, 2)
 */
export function toJson(result: SimulationResult, options: { document: number }) {
  return {
    version: 1 as const,
    pod: result.pod,
    document: options.document,
    defaulted: result.defaulted,
    assumptions: result.assumptions,
    errors: result.errors,
    steps: result.steps.map(stepJson),
  };
}
