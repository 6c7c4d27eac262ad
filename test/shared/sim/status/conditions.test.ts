// Pod conditions as pkg/kubelet/status/generate.go writes them (semantics §12).
import { describe, expect, it } from 'vitest';
import { podConditions } from '../../../../shared/sim/status/conditions';
import type { ContainerSnapshot, ContainerType } from '../../../../shared/sim/types';
import { container } from './containerSnapshot';

const c = (name: string, type: ContainerType, over: Partial<ContainerSnapshot>): ContainerSnapshot =>
  container(name, type, { state: 'running', ...over });

const synced = { scheduled: true, kubeletSynced: true, sandboxReady: true, readyToStartCondition: true } as const;

describe('podConditions', () => {
  it('an unschedulable pod has only PodScheduled=False', () => {
    expect(
      podConditions({
        ...synced,
        scheduled: false,
        unschedulableMessage: 'm',
        phase: 'Pending',
        inits: [],
        regular: [],
      }),
    ).toEqual({
      PodScheduled: { status: false, reason: 'Unschedulable', message: 'm' },
    });
  });

  it('lists unready sidecars before regular containers, each in spec order (Go list format)', () => {
    const r = podConditions({
      ...synced,
      phase: 'Running',
      inits: [
        c('init', 'init', { state: 'terminated', exitCode: 0, ready: true }),
        c('proxy', 'sidecar', { started: true }),
      ],
      regular: [c('b', 'regular', { ready: true }), c('a', 'regular', {}), c('c', 'regular', {})],
    });
    expect(r.ContainersReady).toEqual({
      status: false,
      reason: 'ContainersNotReady',
      message: 'containers with unready status: [proxy a c]',
    });
    expect(r.Ready).toEqual(r.ContainersReady);
    expect(r.Initialized).toEqual({ status: true });
  });

  it('reports unknown and unready containers in one message', () => {
    const r = podConditions({
      ...synced,
      phase: 'Pending',
      inits: [],
      regular: [c('a', 'regular', { state: null }), c('b', 'regular', {})],
    });
    expect(r.ContainersReady?.message).toBe('containers with unknown status: [a], containers with unready status: [b]');
  });

  it('Initialized lists incomplete init containers until a regular container has started', () => {
    const inits = [
      c('i1', 'init', { state: 'terminated', exitCode: 0, ready: true }),
      c('i2', 'init', {}),
      c('s', 'sidecar', {}),
    ];
    const before = podConditions({
      ...synced,
      phase: 'Pending',
      inits,
      regular: [c('app', 'regular', { state: 'waiting' })],
    });
    expect(before.Initialized).toEqual({
      status: false,
      reason: 'ContainersNotInitialized',
      message: 'containers with incomplete status: [i2 s]',
    });
    const after = podConditions({
      ...synced,
      phase: 'Running',
      inits,
      regular: [c('app', 'regular', { ready: true })],
    });
    expect(after.Initialized).toEqual({ status: true });
  });

  it('terminal phases: PodCompleted and PodFailed', () => {
    const done = [c('a', 'regular', { state: 'terminated', exitCode: 0 })];
    const ok = podConditions({ ...synced, sandboxReady: false, phase: 'Succeeded', inits: [], regular: done });
    expect(ok.ContainersReady).toEqual({ status: false, reason: 'PodCompleted' });
    expect(ok.Initialized).toEqual({ status: true, reason: 'PodCompleted' });
    expect(ok.PodReadyToStartContainers).toEqual({ status: false });
    const bad = podConditions({ ...synced, phase: 'Failed', inits: [], regular: done });
    expect(bad.Ready).toEqual({ status: false, reason: 'PodFailed' });
  });

  it('all ready: every condition True', () => {
    const r = podConditions({ ...synced, phase: 'Running', inits: [], regular: [c('a', 'regular', { ready: true })] });
    expect(Object.values(r).every((x) => x.status)).toBe(true);
    expect(Object.keys(r).sort()).toEqual([
      'ContainersReady',
      'Initialized',
      'PodReadyToStartContainers',
      'PodScheduled',
      'Ready',
    ]);
  });
});
