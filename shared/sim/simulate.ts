/**
 * `simulate`: resolves the pod and the scenario (API server, admission, inference, scheduling), runs the
 * timeline of the pod, and around Jobs the controller's later pods.
 */
import type { WorkspaceObjects } from '../analysis/workspace/types';
import { admitPod } from '../k8s/admission';
import { defaultedFields } from '../k8s/defaults';
import type { KubernetesTarget } from '../k8s/version/target';
import { fieldValue } from '../model/field';
import type { JobView } from '../model/jobView';
import { resolvePod } from '../model/resolvedPod';
import type { PodView } from '../model/types';
import { admissionNotes } from './admissionNotes';
import { DEFAULT_HORIZON_SECONDS } from './horizon';
import type { FileObjects } from './infer/fileObjects';
import { resolveSimulation } from './infer/scenario';
import { withCompletionIndex } from './job/completionIndex';
import { type PodRunner, runJob } from './job/controller';
import { nextPodScenario } from './job/nextPod';
import { type PodOutcome, podOutcome } from './job/podOutcome';
import { resolveJob } from './job/spec';
import type { JobResult } from './job/types';
import { admittedPod, rejectedByApiServer } from './kubelet/admitted';
import { kubeletBehaviour } from './kubelet/version';
import { parseScenario, type Scenario, type ScenarioInput, type SimError } from './scenario';
import { type Assumptions, applyScheduling } from './scheduling';
import { type StoppedEarly, timeline, WORK_BUDGET } from './timeline';
import type { Step } from './types';

export interface SimulateOptions {
  /** Simulated seconds to cover; overrides the scenario's `until`. */
  until?: number;
  /** Instants that must appear in the timeline even when nothing changes there (`--at`). */
  at?: number[];
  /** Shorthand for a `delete` action at this time (`--delete-at`). */
  deleteAt?: number;
  /** The other objects of the pod's file (`fileObjects`): what exists when the scenario does not say. */
  objects?: FileObjects;
  /** The kubelet version and feature gates to follow; the newest supported version when omitted. */
  target?: KubernetesTarget;
  /** The workspace's objects, when indexed: they decide what exists beyond the pod's own file. */
  workspace?: WorkspaceObjects;
  /**
   * How much work (see `SimulationResult.work`) the prediction may cost before it stops early and says so;
   * `WORK_BUDGET` when omitted. A Job's pods share it.
   */
  budget?: number;
}

export interface SimulationResult {
  ok: boolean;
  /** The pod's name (metadata.name). */
  pod: string;
  steps: Step[];
  /** The effective scenario; null when the input was rejected. */
  assumptions: Assumptions | null;
  /** Fields the API server fills in, keyed by their printed path. */
  defaulted: Record<string, string | number | boolean>;
  /**
   * Invalid scenario or a pod the API server rejects: nothing was simulated. Or the prediction ran out of its
   * work budget: `stoppedEarly` says where, and the steps before it stand.
   */
  errors: SimError[];
  /** Set when the work budget ran out before the horizon: the steps are exact up to (not including) `at`. */
  stoppedEarly?: StoppedEarly;
  until: number;
  /** The pod's scheduling gates, when it has some: it stays SchedulingGated until they are removed. */
  schedulingGates?: string[];
  /** For Job and CronJob documents: the Job controller's pods one after another and the Job's conditions. */
  job?: JobResult;
  /**
   * What predicting the (first) pod's timeline cost, in container visits: one per event, plus the containers
   * of every kubelet sync pass and of every status snapshot. Deterministic, unlike a clock: the measure of the
   * simulation's own cost that tests bound.
   */
  work: number;
}

/**
 * Predicts what the kubelet does with a pod: every observable change over `until` simulated seconds.
 * Never throws on user input: an invalid scenario or a pod the API server rejects comes back in `errors`.
 * @example
 *   const pod = parseManifests(text).documents[0]?.pod;
 *   const r = simulate(pod, { containers: { app: { runs: [{ exitCode: 1, afterSeconds: 2 }] } } });
 *   r.steps.map((s) => `${s.t}${s.after ? '+' : ''} ${s.snapshot.kubectl.STATUS}`);
 *   // ['0 ContainerCreating', '2 Running', '4 Error', '4+ Running', '6 Error', '6+ CrashLoopBackOff', ...]
 */
export function simulate(pod: PodView, scenario?: ScenarioInput, options: SimulateOptions = {}): SimulationResult {
  const defaulted = defaultedFields(pod);
  const name = pod.metadata.name.kind === 'value' ? pod.metadata.name.value : 'pod';
  const parsed = parseScenario(scenario ?? {});
  const until = options.until ?? DEFAULT_HORIZON_SECONDS;
  if (!parsed.ok)
    return { ok: false, pod: name, steps: [], assumptions: null, defaulted, errors: parsed.errors, until, work: 0 };
  // An Indexed Job's first pod is index 0: its containers see JOB_COMPLETION_INDEX=0.
  const first = simulatePod(indexedPod(pod, 0), parsed.scenario, options, defaulted);
  const assumptions = first.assumptions;
  if (!pod.job || !assumptions || first.stoppedEarly) return first;
  const job = simulateJob(pod, pod.job, parsed.scenario, { ...first, assumptions }, options, defaulted);
  if (!job.stoppedEarly) return { ...first, job: job.result };
  // The first pod's steps stand; the Job's later pods were cut short, which the Job view must not hide.
  const errors = [...first.errors, { field: 'simulation', message: job.stoppedEarly.message }];
  return { ...first, ok: false, errors, job: job.result, stoppedEarly: job.stoppedEarly };
}

/** The engine's pod and the effective scenario, or why the API server or the scenario rejects them. */
/**
 * What the target version's API server keeps of the pod, then admission, inference and scheduling; a refusal by
 * the API server or an admission plug-in means no pod exists at all.
 */
function resolveAll(pod: PodView, scenario: Scenario, options: SimulateOptions) {
  const kubelet = kubeletBehaviour(options.target);
  const rejected = rejectedByApiServer(pod, kubelet);
  if (rejected.length > 0) return { errors: rejected };
  const admission = admitPod(admittedPod(pod, kubelet), options.workspace);
  if (admission.rejection) {
    const { plugin, message, object } = admission.rejection;
    const field = object ? `${plugin} (${object.kind} ${object.name}, ${object.location.uri})` : plugin;
    return { errors: [{ field, message }] };
  }
  const admitted = admission.pod;
  const overhead = admission.runtimeClass.overhead;
  const inferred = resolveSimulation(admitted, scenario, {
    ...options,
    kubelet,
    ...(overhead.size > 0 ? { overhead } : {}),
  });
  if ('errors' in inferred) return inferred;
  const scheduled = applyScheduling(admitted, scenario, inferred);
  return 'errors' in scheduled ? scheduled : { ...scheduled, admission };
}

/**
 * The effective scenario `simulate` would start from (its `assumptions`), without running the timeline;
 * null when `simulate` would reject the scenario or the pod. For callers that need the inferred facts
 * before they build the scenario they simulate (the panel keeps the images the user did not edit).
 * @example inferAssumptions(pod, {})?.images // { 'nginx:1.27': { present: false, pullable: true, pullSeconds: 2 } }
 */
export function inferAssumptions(
  pod: PodView,
  scenario?: ScenarioInput,
  options: Pick<SimulateOptions, 'objects' | 'target' | 'workspace'> = {},
): Assumptions | null {
  const parsed = parseScenario(scenario ?? {});
  if (!parsed.ok) return null;
  const resolved = resolveAll(indexedPod(pod, 0), parsed.scenario, options);
  return 'errors' in resolved ? null : resolved.assumptions;
}

function simulatePod(
  pod: PodView,
  scenario: Scenario,
  options: SimulateOptions,
  defaulted: SimulationResult['defaulted'],
): SimulationResult {
  const name = pod.metadata.name.kind === 'value' ? pod.metadata.name.value : 'pod';
  const until = options.until ?? DEFAULT_HORIZON_SECONDS;
  const resolved = resolveAll(pod, scenario, options);
  if ('errors' in resolved)
    return { ok: false, pod: name, steps: [], assumptions: null, defaulted, errors: resolved.errors, until, work: 0 };
  const { spec, assumptions, admission } = resolved;
  admissionNotes(admission, assumptions.notes);
  const { steps, errors, work, stoppedEarly } = timeline(
    spec,
    assumptions.until,
    options.at ?? [],
    options.budget ?? WORK_BUDGET,
  );
  const gates = pod.scheduling?.schedulingGates.map((g) => g.name) ?? [];
  return {
    ok: errors.length === 0,
    pod: spec.name,
    steps,
    assumptions,
    defaulted,
    errors,
    until: assumptions.until,
    ...(gates.length > 0 ? { schedulingGates: gates } : {}),
    ...(stoppedEarly ? { stoppedEarly } : {}),
    work,
  };
}

/** The Job controller around the pod: later pods are simulated from where the earlier ones left off. */
function simulateJob(
  pod: PodView,
  view: JobView,
  scenario: Scenario,
  first: SimulationResult & { assumptions: Assumptions },
  options: SimulateOptions,
  defaulted: SimulationResult['defaulted'],
): { result: JobResult; stoppedEarly?: StoppedEarly } {
  const resolved = resolvePod(pod);
  const spec = resolveJob(view, first.pod, resolved.namespace);
  const cache = new Map<string, PodOutcome>();
  // Later pods meet the same namespace policies and run on the same kubelet as the first.
  const later: SimulateOptions = {
    until: first.until,
    ...(options.workspace && { workspace: options.workspace }),
    ...(options.target && { target: options.target }),
  };
  // The Job's pods share one budget: hundreds of replacement pods must not each spend a whole one.
  let left = (options.budget ?? WORK_BUDGET) - first.work;
  let stoppedEarly: StoppedEarly | undefined;
  // Each index is inferred on its own (its JOB_COMPLETION_INDEX may change what the program does).
  const byIndex = new Map<number, Assumptions>();
  const assumptionsOf = (index: number | null): Assumptions => {
    if (!index) return first.assumptions;
    const known = byIndex.get(index);
    if (known) return known;
    // Only the inferred facts are needed here, not a timeline.
    const resolved = resolveAll(indexedPod(pod, index), scenario, later);
    const own = 'errors' in resolved ? first.assumptions : resolved.assumptions;
    if (!('errors' in resolved)) admissionNotes(resolved.admission, own.notes);
    byIndex.set(index, own);
    return own;
  };
  const runner: PodRunner = (offsets, createdAt, index) => {
    const pulled = createdAt > 0;
    const key = JSON.stringify([offsets, pulled, index]);
    const known = cache.get(key);
    if (known) return known;
    const result =
      Object.keys(offsets).length === 0 && !pulled && (index ?? 0) === 0
        ? first
        : simulatePod(
            indexedPod(pod, index ?? 0),
            nextPodScenario(scenario, assumptionsOf(index), offsets, pulled),
            { ...later, budget: Math.max(0, left) },
            defaulted,
          );
    if (result !== first) left -= result.work;
    if (result.stoppedEarly && !stoppedEarly) {
      const at = createdAt + result.stoppedEarly.at;
      stoppedEarly = {
        at,
        message: `the Job's prediction stopped early at t=${at} s (a pod created at t=${createdAt} s): the simulation's work budget ran out; the Job's pods and conditions from then on are incomplete`,
      };
    }
    const outcome = podOutcome(result.steps);
    cache.set(key, outcome);
    return outcome;
  };
  const result = runJob(spec, resolved.restartPolicy.policy, runner, options.until ?? first.until);
  return stoppedEarly ? { result, stoppedEarly } : { result };
}

/** The pod an Indexed Job creates for `index` (other pods run the template as written). */
const indexedPod = (pod: PodView, index: number) =>
  pod.job && fieldValue(pod.job.completionMode) === 'Indexed' ? withCompletionIndex(pod, index) : pod;
