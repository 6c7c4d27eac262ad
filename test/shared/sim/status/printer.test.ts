// STATUS / READY / RESTARTS as kubectl's printPod computes them (pkg/printers/internalversion/printers.go);
// cases from printers_test.go TestPrintPod / TestPrintPodWithRestartableInitContainer and semantics §13.
import { describe, expect, it } from 'vitest';
import { type PrintInput, printPod } from '../../../../shared/sim/status/printer';
import type { ContainerSnapshot, ContainerType } from '../../../../shared/sim/types';
import { container as c } from './containerSnapshot';

const NOW = 100;

const running = (name: string, type: ContainerType = 'regular', extra: Partial<ContainerSnapshot> = {}) =>
  c(name, type, { state: 'running', ready: true, started: true, ...extra });
const terminated = (
  name: string,
  reason: string,
  exitCode: number,
  type: ContainerType = 'regular',
  extra: Partial<ContainerSnapshot> = {},
) => c(name, type, { state: 'terminated', reason, exitCode, ...extra });
const lastAt = (finishedAt: number) => ({ exitCode: 1, reason: 'Error', finishedAt });

function pod(over: Partial<PrintInput>): PrintInput {
  return {
    phase: 'Running',
    reason: null,
    terminating: false,
    conditions: {},
    initContainers: [],
    containers: [],
    specContainers: over.containers?.length ?? 1,
    specSidecars: over.initContainers?.filter((x) => x.type === 'sidecar').length ?? 0,
    ...over,
  };
}

const CASES: [string, PrintInput, { STATUS: string; READY: string; RESTARTS: string }][] = [
  [
    'running and ready',
    pod({ containers: [running('app', 'regular', { restartCount: 3, lastState: lastAt(90) })] }),
    { STATUS: 'Running', READY: '1/1', RESTARTS: '3 (10s ago)' },
  ],
  [
    'running but not ready keeps the phase string (§13)',
    pod({ containers: [running('app', 'regular', { ready: false })] }),
    { STATUS: 'Running', READY: '0/1', RESTARTS: '0' },
  ],
  [
    'a waiting reason wins over the phase',
    pod({ phase: 'Pending', containers: [c('app', 'regular', { reason: 'ContainerCreating' })] }),
    { STATUS: 'ContainerCreating', READY: '0/1', RESTARTS: '0' },
  ],
  [
    'a terminated container without a reason prints ExitCode:N',
    pod({ containers: [c('app', 'regular', { state: 'terminated', exitCode: 2 })] }),
    { STATUS: 'ExitCode:2', READY: '0/1', RESTARTS: '0' },
  ],
  [
    'the alphabetically first container wins: a Completed, b Error => Completed (§13)',
    pod({
      phase: 'Failed',
      containers: [terminated('a', 'Completed', 0), terminated('b', 'Error', 1)],
    }),
    { STATUS: 'Completed', READY: '0/2', RESTARTS: '0' },
  ],
  [
    'Completed next to a running ready container is NotReady unless Ready is True',
    pod({ containers: [terminated('a', 'Completed', 0), running('b')] }),
    { STATUS: 'NotReady', READY: '1/2', RESTARTS: '0' },
  ],
  [
    'Completed next to a running ready container is Running when Ready is True',
    pod({
      conditions: { Ready: { status: true } },
      containers: [terminated('a', 'Completed', 0), running('b')],
    }),
    { STATUS: 'Running', READY: '1/2', RESTARTS: '0' },
  ],
  [
    'Init:i/n while an init container runs; RESTARTS counts init restarts',
    pod({
      phase: 'Pending',
      initContainers: [
        terminated('i1', 'Completed', 0, 'init'),
        c('i2', 'init', { state: 'running', restartCount: 2, lastState: lastAt(95) }),
      ],
      containers: [c('app', 'regular', { reason: 'PodInitializing' })],
    }),
    { STATUS: 'Init:1/2', READY: '0/1', RESTARTS: '2 (5s ago)' },
  ],
  [
    'Init:<terminated reason> for a failed init container',
    pod({ phase: 'Failed', initContainers: [terminated('i', 'Error', 1, 'init')] }),
    { STATUS: 'Init:Error', READY: '0/1', RESTARTS: '0' },
  ],
  [
    'Init:<waiting reason>, but not for PodInitializing',
    pod({
      phase: 'Pending',
      initContainers: [c('i', 'init', { reason: 'CrashLoopBackOff', restartCount: 4, lastState: lastAt(70) })],
    }),
    { STATUS: 'Init:CrashLoopBackOff', READY: '0/1', RESTARTS: '4 (30s ago)' },
  ],
  [
    'TestPrintPodWithRestartableInitContainer: sidecar running but not started => Init:0/2',
    pod({
      phase: 'Pending',
      conditions: { Initialized: { status: false } },
      initContainers: [
        c('r1', 'sidecar', { state: 'running', restartCount: 3, lastState: lastAt(90) }),
        c('r2', 'sidecar', {}),
      ],
      containers: [c('app', 'regular', {})],
    }),
    { STATUS: 'Init:0/2', READY: '0/3', RESTARTS: '3 (10s ago)' },
  ],
  [
    'TestPrintPodWithRestartableInitContainer: two started sidecars and a running container',
    pod({
      conditions: { Initialized: { status: true } },
      initContainers: [
        c('r1', 'sidecar', { state: 'running', started: true, restartCount: 3, lastState: lastAt(90) }),
        c('r2', 'sidecar', { state: 'running', started: true }),
      ],
      containers: [running('app', 'regular', { restartCount: 4, lastState: lastAt(80) })],
    }),
    { STATUS: 'Running', READY: '1/3', RESTARTS: '7 (10s ago)' },
  ],
  [
    'TestPrintPodWithRestartableInitContainer: sidecars terminated, container completed',
    pod({
      phase: 'Succeeded',
      conditions: { Initialized: { status: true } },
      initContainers: [
        terminated('r1', 'Error', 137, 'sidecar', { restartCount: 3, lastState: lastAt(90) }),
        terminated('r2', 'Error', 137, 'sidecar'),
      ],
      containers: [terminated('app', 'Completed', 0, 'regular', { restartCount: 4, lastState: lastAt(80) })],
    }),
    { STATUS: 'Completed', READY: '0/3', RESTARTS: '7 (10s ago)' },
  ],
  [
    'a crash-looping sidecar next to a ready main container (§13)',
    pod({
      conditions: { Initialized: { status: true } },
      initContainers: [c('proxy', 'sidecar', { reason: 'CrashLoopBackOff', restartCount: 2, lastState: lastAt(98) })],
      containers: [running('app')],
    }),
    { STATUS: 'Init:CrashLoopBackOff', READY: '1/2', RESTARTS: '2 (2s ago)' },
  ],
  [
    'status.reason replaces the phase (OutOfcpu)',
    pod({ phase: 'Failed', reason: 'OutOfcpu', containers: [c('app', 'regular', { state: null })] }),
    { STATUS: 'OutOfcpu', READY: '0/1', RESTARTS: '0' },
  ],
  [
    'a deleted running pod is Terminating',
    pod({ terminating: true, containers: [running('app')] }),
    { STATUS: 'Terminating', READY: '1/1', RESTARTS: '0' },
  ],
  [
    'a deleted terminal pod shows its container reason, not Terminating (§13)',
    pod({
      phase: 'Failed',
      terminating: true,
      containers: [terminated('app', 'Error', 137)],
    }),
    { STATUS: 'Error', READY: '0/1', RESTARTS: '0' },
  ],
  [
    'no statuses yet: phase string and 0/n',
    pod({ phase: 'Pending', containers: [c('a', 'regular', { state: null }), c('b', 'regular', { state: null })] }),
    { STATUS: 'Pending', READY: '0/2', RESTARTS: '0' },
  ],
  [
    'the "ago" uses HumanDuration (2m5s)',
    pod({ containers: [running('app', 'regular', { restartCount: 1, lastState: lastAt(-25) })] }),
    { STATUS: 'Running', READY: '1/1', RESTARTS: '1 (2m5s ago)' },
  ],
];

describe('printPod', () => {
  it.each(CASES)('%s', (_name, input, expected) => {
    expect(printPod(input, NOW)).toEqual(expected);
  });
});
