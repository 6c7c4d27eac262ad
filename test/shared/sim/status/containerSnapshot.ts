// The ContainerSnapshot factory the status tests share: the production blank status (emptyContainerSnapshot)
// with a default state and the fields a case sets.
import { emptyContainerSnapshot } from '../../../../shared/sim/status/snapshot';
import type { ContainerSnapshot, ContainerType } from '../../../../shared/sim/types';

export type ContainerOverrides = Partial<ContainerSnapshot>;

/** A container status: waiting (unless `over` says otherwise), no reason, no restarts, not ready or started. */
export function container(name: string, type: ContainerType, over: ContainerOverrides = {}): ContainerSnapshot {
  return { ...emptyContainerSnapshot(name, type), state: 'waiting', ...over };
}
