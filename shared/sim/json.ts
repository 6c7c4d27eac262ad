/**
 * The `podlens simulate --format json` contract (version 1), shared by the CLI, the webview and tests.
 * Key order is fixed here so the output is byte-stable for the same input.
 */
import type { JobResult } from './job/types';
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

/** The Job controller's pods in creation order and the Job's conditions; `steps` stay the first pod's. */
function jobJson(job: JobResult) {
  return {
    name: job.name,
    completionMode: job.completionMode,
    completions: job.completions,
    parallelism: job.parallelism,
    backoffLimit: job.backoffLimit,
    pods: job.pods.map((p) => ({
      name: p.name,
      index: p.index,
      createdAt: p.createdAt,
      endedAt: p.endedAt,
      phase: p.phase,
      exit: p.exit,
      action: p.action,
      restarts: p.restarts,
    })),
    conditions: job.conditions.map((c) => ({ ...c })),
    succeeded: job.succeeded,
    failed: job.failed,
    completedIndexes: job.completedIndexes,
    failedIndexes: job.failedIndexes,
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
    ...(result.job ? { job: jobJson(result.job) } : {}),
  };
}
