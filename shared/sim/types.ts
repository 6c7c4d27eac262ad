/**
 * The simulator's data: the resolved pod spec it runs, the explicit mutable-by-copy state (pod, containers,
 * back-off entries, probe workers), the events on the queue, and the API-shaped snapshots it publishes.
 */
import type { RestartPolicy } from '../k8s/defaults';
import type { ContainerRole, ContainerView, ProbeKind } from '../model/types';
import type { Range } from '../util/range';
import type { KubeletBehaviour } from './kubelet/version';

export type { RestartPolicy };
export type PodPhase = 'Pending' | 'Running' | 'Succeeded' | 'Failed';
export type ProbeType = 'startup' | 'liveness' | 'readiness';
export type ProbeResult = 'success' | 'failure';

export const PROBE_TYPES: readonly ProbeType[] = ['startup', 'liveness', 'readiness'];
export const PROBE_FIELD: Record<ProbeType, ProbeKind> = {
  startup: 'startupProbe',
  liveness: 'livenessProbe',
  readiness: 'readinessProbe',
};

/** How a probe answers, as a function of the instance's age (seconds since its process started). */
export type ProbeBehaviour =
  | { always: ProbeResult; responseSeconds?: number }
  | { healthyWhileAgeBelow: number; responseSeconds?: number }
  | { successFromAge: number; responseSeconds?: number };

/** One container instance's fate: the last entry of a container's `runs` repeats forever. */
export type RunBehaviour =
  | { forever: true }
  | { exitCode: number; afterSeconds: number }
  | { oom: true; afterSeconds: number }
  | { memory: string; afterSeconds: number; exitCode?: number };

export interface HookBehaviour {
  result: 'success' | 'failure';
  durationSeconds: number;
}

export type SigtermBehaviour = { exitCode: number; afterSeconds: number } | 'ignore';

export interface ProbeSpec {
  type: ProbeType;
  initialDelaySeconds: number;
  periodSeconds: number;
  timeoutSeconds: number;
  successThreshold: number;
  failureThreshold: number;
  /** probe-level terminationGracePeriodSeconds (liveness/startup kills). */
  terminationGracePeriodSeconds?: number;
  /** `httpGet` / `exec` / ...: picks the failure message wording. */
  handler: string;
  /** What the handler targets, for messages: `:8080/healthz`, `:5432`, or the exec command. */
  target: string;
  behaviour: ProbeBehaviour;
  range: Range;
}

/** A missing ConfigMap/Secret the container's env/envFrom needs: CreateContainerConfigError. */
export interface ConfigError {
  message: string;
  range: Range;
}

/** Everything the engine needs about one container, resolved from the manifest and the scenario. */
export interface ContainerSpec {
  key: number;
  name: string;
  role: ContainerRole;
  /** The container's own restartPolicy (ContainerRestartRules), when it sets one and is not a sidecar. */
  restartPolicy?: RestartPolicy;
  view: ContainerView;
  image: string;
  /** Set when the reference does not parse: the kubelet reports InvalidImageName. */
  imageError?: string;
  pullPolicy: 'Always' | 'IfNotPresent' | 'Never';
  probes: Partial<Record<ProbeType, ProbeSpec>>;
  postStart?: HookBehaviour;
  preStop?: HookBehaviour;
  /** Memory limit in bytes, for `memory` runs. */
  memoryLimit?: number;
  configError?: ConfigError;
  runs: RunBehaviour[];
  startError?: string;
  onSigterm: SigtermBehaviour;
}

export interface ImageFacts {
  present: boolean;
  pullable: boolean;
  pullSeconds: number;
}

export interface PodSpecResolved {
  name: string;
  namespace: string;
  nodeName: string;
  /** spec.nodeName set by hand: no scheduler, kubelet admission instead. */
  boundByHand: boolean;
  restartPolicy: RestartPolicy;
  gracePeriod: number;
  activeDeadlineSeconds?: number;
  /** Init containers (spec order) then regular containers (spec order); `key` indexes this list. */
  containers: ContainerSpec[];
  images: Record<string, ImageFacts>;
  /** Images whose pull time the scenario states: it applies even to a re-pull of a present image. */
  explicitPulls: string[];
  /**
   * Set when the pod is not scheduled: the FailedScheduling message (reason Unschedulable), or the API
   * server's SchedulingGated condition, for which the scheduler records no event.
   */
  unschedulable?: { message: string; ranges: Range[]; reason?: 'Unschedulable' | 'SchedulingGated' };
  /** Set when the kubelet's admission rejects a hand-bound pod (OutOfcpu...): status and event texts. */
  rejected?: { reason: string; message: string; event: string; ranges: Range[] };
  /** Set when a volume source is missing: FailedMount, the pod never gets a sandbox. */
  failedMount?: { message: string; ranges: Range[] };
  deleteAt?: { atSeconds: number; gracePeriodSeconds?: number };
  podRange: Range;
  /** What the target version's kubelet does differently (kubelet/version.ts). */
  kubelet: KubeletBehaviour;
}

/** The runtime's view of one container instance. */
export interface Instance {
  startedAt: number;
  /** When the start finished (postStart returned): the API shows Running from here. */
  runningAt: number | null;
  finishedAt: number | null;
  exitCode: number | null;
  reason: string | null;
  message: string | null;
  restartCount: number;
  started: boolean;
  /** The readiness result published for this instance (its worker's, mirrored here because the API shows it). */
  ready: boolean;
  /** The exit was not caused by a kubelet kill: the kubelet reacts to it in the next sync. */
  crashLike: boolean;
  /** Killed by the kubelet because of a probe: the restart happens in the killing sync. */
  probeKilled: boolean;
}

export interface Terminated {
  exitCode: number;
  reason: string;
  message: string | null;
  startedAt: number;
  finishedAt: number;
}

export interface ProbeWorker {
  lastResult: ProbeResult | null;
  run: number;
  /** The published result for the current instance: liveness starts success, readiness failure. */
  published: ProbeResult | 'unknown';
  onHold: boolean;
  stopped: boolean;
  /** Bumped on every reschedule so stale ticks are ignored. */
  gen: number;
  /** The first tick skipped as an unobservable success, if any: it still resets the failure run. */
  skippedFrom: number | null;
}

export type KillCause = 'delete' | 'liveness' | 'startup' | 'postStart' | 'podStop';

export interface KillState {
  cause: KillCause;
  /** Remaining grace (whole seconds), updated after preStop and the turn wait. */
  grace: number;
  stage: 'preStop' | 'turn' | 'signalled';
  /** Sidecars wait for regular containers and later sidecars before SIGTERM. */
  ordered: boolean;
  stageStartedAt: number;
}

export interface CrashBackoff {
  delay: number;
  lastUpdate: number;
}

export interface ContainerState {
  instance: Instance | null;
  /** The termination of the instance before `instance` (the API's lastState while `instance` lives). */
  previous: Terminated | null;
  /** The reason cache: the error of the last start attempt, shown while the container waits. */
  cached: { reason: string; message: string | null } | null;
  pullingUntil: number | null;
  /** Failed for a reason that no retry can fix in this scenario (missing ConfigMap, ErrImageNeverPull...). */
  stuck: boolean;
  backoff: CrashBackoff | null;
  /** A restart or pull retry is scheduled at this time. */
  retryAt: number | null;
  /** Which `runs` entry the next instance follows. */
  runIndex: number;
  killing: KillState | null;
  /** Bumped whenever the instance changes so its stale events are ignored. */
  gen: number;
  /** The back-off window for which a BackOff event was already recorded (one per window). */
  backoffEventFor: number | null;
}

export interface ImageBackoff {
  delay: number;
  lastUpdate: number;
}

export interface PodState {
  created: boolean;
  scheduled: boolean;
  /** The kubelet has synced the pod once: container statuses exist. */
  synced: boolean;
  sandbox: 'none' | 'ready' | 'torndown';
  initialized: boolean;
  /** Sticky once published: a phase never leaves Succeeded or Failed. */
  terminalPhase: 'Succeeded' | 'Failed' | null;
  reason: string | null;
  message: string | null;
  deletion: { at: number; grace: number } | null;
  /**
   * The pod worker is inside a blocking call (an image pull, a postStart hook, a probe-triggered kill) for
   * this container: the kubelet starts nothing else until it returns (kuberuntime SyncPod is sequential).
   */
  busyWith: number | null;
  /** The kubelet is stopping every container (deletion, terminal pod, init failure under Never). */
  stopping: boolean;
  gone: boolean;
}

export type ProbeWorkers = Record<ProbeType, ProbeWorker>;

export interface SimState {
  t: number;
  /** `at`: reactions to exits at exactly `t` are held back; `after`: the state right after `t`. */
  mode: 'at' | 'after';
  pod: PodState;
  containers: ContainerState[];
  /** Probe workers per container, apart from the container state: a tick that publishes nothing changes only these. */
  workers: ProbeWorkers[];
  presentImages: Record<string, true>;
  imageBackoff: Record<string, ImageBackoff>;
}

export type SimEvent =
  | { type: 'PodCreated' }
  | { type: 'DeleteRequested'; gracePeriodSeconds?: number }
  | { type: 'DeadlineExceeded' }
  | { type: 'PullFinished'; c: number; gen: number }
  | { type: 'PostStartFinished'; c: number; gen: number }
  | { type: 'ProcessExited'; c: number; gen: number; exitCode: number; reason: string; signal?: 'SIGTERM' | 'SIGKILL' }
  | { type: 'ProbeTick'; c: number; probe: ProbeType; gen: number; pgen: number; manual?: boolean }
  | { type: 'RetryDue'; c: number; gen: number }
  | { type: 'KillStage'; c: number; gen: number; stage: 'preStop' | 'turn' }
  | { type: 'Settle' };

export interface ScheduledEvent {
  at: number;
  event: SimEvent;
}

/** A `kubectl describe` event. */
export interface PodEvent {
  type: 'Normal' | 'Warning';
  reason: string;
  /** `pod`, or the container's field path such as `spec.containers{app}`. */
  object: string;
  from: 'default-scheduler' | 'kubelet';
  message: string;
}

/** An event plus the manifest ranges it concerns. */
export interface TraceEntry {
  event: PodEvent;
  ranges: Range[];
}

export type ContainerType = 'init' | 'sidecar' | 'regular';

export interface ContainerSnapshot {
  name: string;
  type: ContainerType;
  /** null: no status reported yet (the kubelet has not synced the pod). */
  state: 'waiting' | 'running' | 'terminated' | null;
  reason: string | null;
  message: string | null;
  exitCode: number | null;
  restartCount: number;
  ready: boolean;
  started: boolean;
  lastState: { exitCode: number; reason: string; finishedAt: number } | null;
}

export interface ConditionSnapshot {
  status: boolean;
  reason?: string;
  message?: string;
}

export type ConditionType = 'PodScheduled' | 'PodReadyToStartContainers' | 'Initialized' | 'ContainersReady' | 'Ready';

export interface Snapshot {
  exists: boolean;
  phase: PodPhase;
  /** status.reason: OutOfcpu, DeadlineExceeded... */
  reason: string | null;
  /** status.message, explaining `reason`. */
  message: string | null;
  terminating: boolean;
  conditions: Partial<Record<ConditionType, ConditionSnapshot>>;
  initContainers: ContainerSnapshot[];
  /** In API order: sorted by name, as the kubelet publishes them. */
  containers: ContainerSnapshot[];
  kubectl: { STATUS: string; READY: string; RESTARTS: string };
}

export interface Step {
  t: number;
  /** The state right after `t`: the kubelet's reaction to an exit or failed pull at exactly `t`. */
  after: boolean;
  events: PodEvent[];
  snapshot: Snapshot;
  ranges: Range[];
}
