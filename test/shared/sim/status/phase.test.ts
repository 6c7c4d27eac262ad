// getPhase (pkg/kubelet/kubelet_pods.go, v1.35) over published statuses; cases follow kubelet_pods_test.go
// TestPodPhaseWithRestartAlways/Never/OnFailure, *InitContainers, *RestartableInitContainers (semantics §11).
import { describe, expect, it } from 'vitest';
import { getPhase, type PhaseInput } from '../../../../shared/sim/status/phase';
import type { ContainerType, PodPhase, RestartPolicy } from '../../../../shared/sim/types';
import { container as base, type ContainerOverrides as S } from './containerSnapshot';

const running: S = { state: 'running', started: true, ready: true };
const runningNotStarted: S = { state: 'running', started: false };
const succeeded: S = { state: 'terminated', reason: 'Completed', exitCode: 0 };
const failed: S = { state: 'terminated', reason: 'Error', exitCode: 1 };
const waitingNeverRan: S = { state: 'waiting', reason: 'ContainerCreating' };
const crashLooping: S = {
  state: 'waiting',
  reason: 'CrashLoopBackOff',
  lastState: { exitCode: 1, reason: 'Error', finishedAt: 0 },
};
const unknown: S = { state: null };

function input(
  policy: RestartPolicy,
  regular: S[],
  inits: [ContainerType, S][] = [],
  extra: Partial<PhaseInput> = {},
): PhaseInput {
  return {
    initContainers: inits.map(([type, s], i) => base(`i${i}`, type, s)),
    containers: regular.map((s, i) => base(`c${i}`, 'regular', s)),
    restartPolicy: policy,
    podIsTerminal: false,
    podHasInitialized: regular.some((s) => s.state === 'running' || s.state === 'terminated'),
    ...extra,
  };
}

const CASES: [string, PhaseInput, PodPhase][] = [
  ['Always: all running', input('Always', [running, running]), 'Running'],
  ['Always: all stopped and restarting', input('Always', [crashLooping, succeeded]), 'Running'],
  ['Always: one running, one never ran', input('Always', [running, waitingNeverRan]), 'Pending'],
  ['Always: one running, one in back-off', input('Always', [running, crashLooping]), 'Running'],
  [
    'Always: all succeeded and terminal',
    input('Always', [succeeded, succeeded], [], { podIsTerminal: true }),
    'Succeeded',
  ],
  [
    'Always: succeeded and failed, terminal',
    input('Always', [succeeded, failed], [], { podIsTerminal: true }),
    'Failed',
  ],
  ['Never: all exit 0', input('Never', [succeeded, succeeded]), 'Succeeded'],
  ['Never: one failure, others done', input('Never', [succeeded, failed]), 'Failed'],
  ['Never: one running, one succeeded', input('Never', [running, succeeded]), 'Running'],
  ['Never: failed init container', input('Never', [waitingNeverRan], [['init', failed]]), 'Failed'],
  [
    'Never: init waiting after a failure',
    input(
      'Never',
      [waitingNeverRan],
      [
        [
          'init',
          { state: 'waiting', reason: 'PodInitializing', lastState: { exitCode: 2, reason: 'Error', finishedAt: 0 } },
        ],
      ],
    ),
    'Failed',
  ],
  [
    'Always: failed init container is retried (Pending)',
    input('Always', [waitingNeverRan], [['init', crashLooping]]),
    'Pending',
  ],
  ['OnFailure: all exit 0', input('OnFailure', [succeeded]), 'Succeeded'],
  ['OnFailure: a failure restarts', input('OnFailure', [succeeded, failed]), 'Running'],
  ['init running keeps the pod Pending', input('Always', [waitingNeverRan], [['init', running]]), 'Pending'],
  ['a container without status keeps the pod Pending', input('Always', [running, unknown]), 'Pending'],
  [
    'sidecar running but not started, nothing started yet',
    input('Always', [waitingNeverRan], [['sidecar', runningNotStarted]]),
    'Pending',
  ],
  [
    'sidecar restarting after the pod initialized does not send it back to Pending',
    input('Always', [running], [['sidecar', runningNotStarted]]),
    'Running',
  ],
  ['Never: main succeeded, sidecar exited non-zero', input('Never', [succeeded], [['sidecar', failed]]), 'Succeeded'],
  [
    'Never: main succeeded, sidecar crash-looping',
    input('Never', [succeeded], [['sidecar', crashLooping]]),
    'Succeeded',
  ],
  ['Never: main succeeded, sidecar still running', input('Never', [succeeded], [['sidecar', running]]), 'Running'],
];

describe('getPhase', () => {
  it.each(CASES)('%s', (_name, p, expected) => {
    expect(getPhase(p)).toBe(expected);
  });
});
