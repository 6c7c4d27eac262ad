/**
 * The transaction a step runs in: the resolved spec, a private copy of the state it may change, and the
 * effects it collects (events to schedule, `kubectl describe` events to record). Nothing else is touched.
 */
import type { Range } from '../../util/range';
import type {
  ContainerSpec,
  ContainerState,
  PodEvent,
  PodSpecResolved,
  ProbeType,
  ProbeWorker,
  ProbeWorkers,
  ScheduledEvent,
  SimEvent,
  SimState,
  TraceEntry,
} from '../types';

export interface Tx {
  readonly spec: PodSpecResolved;
  readonly s: SimState;
  readonly schedule: ScheduledEvent[];
  readonly trace: TraceEntry[];
  /** Containers already copied into `s` by this step (copy on first write). */
  readonly copied: boolean[];
  /** Per container, a bit per probe worker (WORKER_BIT) already copied by this step. */
  readonly copiedWorkers: number[];
}

export function at(tx: Tx, delay: number, event: SimEvent): void {
  tx.schedule.push({ at: tx.s.t + delay, event });
}

/** The `involvedObject.fieldPath` kubectl prints for container events. */
function objectOf(c: ContainerSpec): string {
  return `spec.${c.role === 'regular' ? 'containers' : 'initContainers'}{${c.name}}`;
}

export function record(
  tx: Tx,
  c: ContainerSpec | null,
  type: PodEvent['type'],
  reason: string,
  message: string,
  ranges: Range[] = c ? [c.view.range] : [],
): void {
  const from = reason === 'Scheduled' || reason === 'FailedScheduling' ? 'default-scheduler' : 'kubelet';
  tx.trace.push({ event: { type, reason, object: c ? objectOf(c) : 'pod', from, message }, ranges });
}

export function cspec(tx: Tx, key: number): ContainerSpec {
  return tx.spec.containers[key] as ContainerSpec;
}

/** A container's state for reading only: the step's input may still share it. */
export function cread(tx: Tx, key: number): Readonly<ContainerState> {
  return tx.s.containers[key] as ContainerState;
}

/** A container's state for writing: copied into this step's state the first time it is asked for. */
export function cstate(tx: Tx, key: number): ContainerState {
  if (tx.copied[key]) return tx.s.containers[key] as ContainerState;
  if (tx.copied.length === 0) tx.s.containers = [...tx.s.containers];
  const cs = tx.s.containers[key] as ContainerState;
  const copy: ContainerState = {
    ...cs,
    instance: cs.instance && { ...cs.instance },
    cached: cs.cached && { ...cs.cached },
    backoff: cs.backoff && { ...cs.backoff },
    killing: cs.killing && { ...cs.killing },
  };
  tx.s.containers[key] = copy;
  tx.copied[key] = true;
  return copy;
}

/** A container's probe workers for reading only. */
export function wread(tx: Tx, key: number): Readonly<ProbeWorkers> {
  return tx.s.workers[key] as ProbeWorkers;
}

const WORKER_BIT: Record<ProbeType, number> = { startup: 1, liveness: 2, readiness: 4 };

/**
 * One probe worker for writing, copied on its first write of the step. Only that worker is copied: a
 * probe tick, the most frequent event, changes one worker, and copying all three showed in profiles.
 */
export function wstate(tx: Tx, key: number, type: ProbeType): ProbeWorker {
  const copied = tx.copiedWorkers[key] ?? 0;
  if (copied === 0) {
    if (tx.copiedWorkers.length === 0) tx.s.workers = [...tx.s.workers];
    tx.s.workers[key] = { ...(tx.s.workers[key] as ProbeWorkers) };
  }
  const ws = tx.s.workers[key] as ProbeWorkers;
  const bit = WORKER_BIT[type];
  if (copied & bit) return ws[type];
  const copy = { ...ws[type] };
  ws[type] = copy;
  tx.copiedWorkers[key] = copied | bit;
  return copy;
}

/** `name_namespace`, as format.Pod prints a pod in kubelet messages (the UID is not simulated). */
export function podRef(tx: Tx): string {
  return `${tx.spec.name}_${tx.spec.namespace}`;
}
