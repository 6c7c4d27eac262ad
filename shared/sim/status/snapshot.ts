/**
 * The API status the kubelet would publish for a state: container statuses (convertToAPIContainerStatuses
 * with the reason cache), phase, conditions and the kubectl columns. Pure: reads the state, changes nothing.
 */
import { alive, shouldRestart } from '../kubelet/policy';
import type {
  ContainerSnapshot,
  ContainerSpec,
  ContainerType,
  PodPhase,
  PodSpecResolved,
  RestartPolicy,
  SimState,
  Snapshot,
} from '../types';
import { podConditions } from './conditions';
import { getPhase } from './phase';
import { formatColumns, type PodColumns, type PrintInput, podColumns } from './printer';

/** Per-spec facts every snapshot needs, computed once. */
interface Layout {
  /** Without a runtime instance a container waits in ContainerCreating, or PodInitializing with init containers. */
  fallback: 'ContainerCreating' | 'PodInitializing';
  initKeys: number[];
  regularKeys: number[];
  /** Positions in `regularKeys` sorted by name: the kubelet publishes containerStatuses in name order. */
  byName: number[];
  sidecars: number;
}

const layouts = new WeakMap<PodSpecResolved, Layout>();

function layoutOf(spec: PodSpecResolved): Layout {
  let l = layouts.get(spec);
  if (l) return l;
  const initKeys = spec.containers.filter((c) => c.role !== 'regular').map((c) => c.key);
  const regular = spec.containers.filter((c) => c.role === 'regular');
  const order = regular.map((_, i) => i);
  order.sort((a, b) => {
    const x = (regular[a] as ContainerSpec).name;
    const y = (regular[b] as ContainerSpec).name;
    return x < y ? -1 : x > y ? 1 : 0;
  });
  l = {
    fallback: initKeys.length > 0 ? 'PodInitializing' : 'ContainerCreating',
    initKeys,
    regularKeys: regular.map((c) => c.key),
    byName: order,
    sidecars: spec.containers.filter((c) => c.role === 'sidecar').length,
  };
  layouts.set(spec, l);
  return l;
}

/** A container's status before the kubelet has reported anything for it: no state, no restarts, not ready. */
export function emptyContainerSnapshot(name: string, type: ContainerType): ContainerSnapshot {
  return {
    name,
    type,
    state: null,
    reason: null,
    message: null,
    exitCode: null,
    restartCount: 0,
    ready: false,
    started: false,
    lastState: null,
  };
}

function containerSnapshot(spec: PodSpecResolved, s: SimState, key: number, synced: boolean, fallback: string) {
  const c = spec.containers[key] as ContainerSpec;
  const cs = s.containers[key] as SimState['containers'][number];
  const snap = emptyContainerSnapshot(c.name, c.role);
  if (!synced) return snap;
  const inst = cs.instance;
  let waiting = inst === null || (alive(cs) && inst.runningAt === null);
  if (inst) {
    snap.restartCount = inst.restartCount;
    const p = cs.previous;
    if (p) snap.lastState = { exitCode: p.exitCode, reason: p.reason, finishedAt: p.finishedAt };
    if (!waiting && alive(cs)) {
      snap.state = 'running';
      snap.started = inst.started;
      // A regular init container is only ready once it exited 0; the others follow their readiness probe.
      snap.ready = c.role !== 'init' && inst.started && (c.probes.readiness ? inst.ready : true);
      return snap;
    }
    if (!waiting && cs.cached && shouldRestart(spec, s, key)) {
      // The reason cache: an exited container that will be restarted shows the last start error.
      waiting = true;
      snap.lastState = {
        exitCode: inst.exitCode ?? 0,
        reason: inst.reason ?? 'Error',
        finishedAt: inst.finishedAt ?? inst.startedAt,
      };
    }
  }
  if (waiting) {
    snap.state = 'waiting';
    snap.reason = cs.cached?.reason ?? fallback;
    snap.message = cs.cached?.message ?? null;
    return snap;
  }
  const exitCode = inst?.exitCode ?? 0;
  snap.state = 'terminated';
  snap.reason = inst?.reason ?? null;
  snap.message = inst?.message ?? null;
  snap.exitCode = exitCode;
  snap.ready = c.role === 'init' && exitCode === 0;
  return snap;
}

/**
 * Snapshots of container states that are final (a step never changes the state it was given, and copies a
 * container before writing it), keyed by identity: an unchanged container reuses its snapshot.
 */
const settled = new WeakMap<object, { synced: boolean; stopping: boolean; snap: ContainerSnapshot }>();

/** Init containers in spec order; regular containers in spec order (conditions) and in name order (API). */
function containerSnapshots(spec: PodSpecResolved, s: SimState, reuse = false) {
  const l = layoutOf(spec);
  const synced = s.pod.synced && !spec.rejected;
  const one = (key: number) => {
    if (!reuse) return containerSnapshot(spec, s, key, synced, l.fallback);
    const cs = s.containers[key] as object;
    const hit = settled.get(cs);
    if (hit && hit.synced === synced && hit.stopping === s.pod.stopping) return hit.snap;
    const snap = containerSnapshot(spec, s, key, synced, l.fallback);
    settled.set(cs, { synced, stopping: s.pod.stopping, snap });
    return snap;
  };
  return { inits: l.initKeys.map(one), regular: l.regularKeys.map(one) };
}

/**
 * The phase a sync would publish; `podIsTerminal` when the kubelet is finishing the pod. `containers` are the
 * snapshots when the caller has them, or 'settled' for a state no step writes any more (the end of a step), whose
 * container snapshots can then be shared with the published status instead of being built again.
 */
export function currentPhase(
  spec: PodSpecResolved,
  s: SimState,
  podIsTerminal = false,
  containers?: ReturnType<typeof containerSnapshots> | 'settled',
): PodPhase {
  if (s.pod.terminalPhase) return s.pod.terminalPhase;
  if (spec.rejected && s.pod.scheduled) return 'Failed';
  if (!s.pod.synced) return 'Pending';
  const { inits, regular } =
    typeof containers === 'object' ? containers : containerSnapshots(spec, s, containers === 'settled');
  return getPhase({
    initContainers: inits,
    containers: regular,
    restartPolicy: spec.restartPolicy,
    containerPolicies: containerPolicies(spec),
    podIsTerminal,
    podHasInitialized: s.pod.initialized,
  });
}

/** The last snapshot built per spec, with the inputs it came from (states are never changed once built). */
const lastBuilt = new WeakMap<PodSpecResolved, { s: SimState; snapshot: Snapshot; columns: PodColumns }>();

/** Same container states and same pod-level facts: the published status can only differ by the clock. */
function sameVisibleState(a: SimState, b: SimState): boolean {
  const p = a.pod;
  const q = b.pod;
  if (
    p.created !== q.created ||
    p.scheduled !== q.scheduled ||
    p.synced !== q.synced ||
    p.sandbox !== q.sandbox ||
    p.initialized !== q.initialized ||
    p.terminalPhase !== q.terminalPhase ||
    p.reason !== q.reason ||
    p.message !== q.message ||
    p.stopping !== q.stopping ||
    p.gone !== q.gone ||
    (p.deletion === null) !== (q.deletion === null)
  ) {
    return false;
  }
  return a.containers.every((cs, i) => cs === b.containers[i]);
}

/**
 * The published status of a state between steps (its parts may be shared with other steps: treat them as
 * read-only).
 * @example buildSnapshot(spec, state, 12).kubectl // { STATUS: 'Init:1/2', READY: '0/1', RESTARTS: '0' }
 */
export function buildSnapshot(spec: PodSpecResolved, s: SimState, now: number): Snapshot {
  const memo = lastBuilt.get(spec);
  if (memo && sameVisibleState(memo.s, s)) {
    // Only the "(12s ago)" of RESTARTS moves with the clock.
    if (memo.columns.restarts === 0 || memo.columns.lastRestart === null) return memo.snapshot;
    return { ...memo.snapshot, kubectl: formatColumns(memo.columns, now) };
  }
  const l = layoutOf(spec);
  const lists = containerSnapshots(spec, s, true);
  const { inits, regular } = lists;
  const phase = currentPhase(spec, s, false, lists);
  const rejected = spec.rejected && s.pod.scheduled;
  const conditions = rejected
    ? {}
    : podConditions({
        scheduled: s.pod.scheduled,
        ...(spec.unschedulable && s.pod.created
          ? {
              unschedulableMessage: spec.unschedulable.message,
              unschedulableReason: spec.unschedulable.reason ?? 'Unschedulable',
            }
          : {}),
        kubeletSynced: s.pod.synced,
        sandboxReady: s.pod.sandbox === 'ready',
        readyToStartCondition: spec.kubelet.readyToStartCondition,
        phase,
        inits,
        regular,
      });
  const containers = l.byName.map((i) => regular[i] as ContainerSnapshot);
  const reason = rejected ? (spec.rejected?.reason ?? null) : s.pod.reason;
  const message = rejected ? (spec.rejected?.message ?? null) : s.pod.message;
  const terminating = s.pod.deletion !== null;
  const input: PrintInput = {
    phase,
    reason,
    terminating,
    conditions,
    initContainers: inits,
    containers,
    specContainers: regular.length,
    specSidecars: l.sidecars,
  };
  const columns = podColumns(input);
  const snapshot: Snapshot = {
    exists: !s.pod.gone,
    phase,
    reason,
    message,
    terminating,
    conditions,
    initContainers: inits,
    containers,
    kubectl: formatColumns(columns, now),
  };
  lastBuilt.set(spec, { s, snapshot, columns });
  return snapshot;
}

const policiesBySpec = new WeakMap<PodSpecResolved, Record<string, RestartPolicy>>();

/** The containers' own restart policies, once per spec (the phase is computed at every snapshot). */
function containerPolicies(spec: PodSpecResolved): Record<string, RestartPolicy> {
  const known = policiesBySpec.get(spec);
  if (known) return known;
  const own: Record<string, RestartPolicy> = {};
  for (const c of spec.containers) if (c.restartPolicy) own[c.name] = c.restartPolicy;
  policiesBySpec.set(spec, own);
  return own;
}
