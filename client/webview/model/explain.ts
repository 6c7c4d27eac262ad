/**
 * What each lane colour means, in words: the legend labels and the tooltip text of a span. Kept as data so
 * the legend, the tooltips and the tests read the same table.
 */

export type SpanKind =
  | 'pulling'
  | 'waiting'
  | 'backoff'
  | 'error'
  | 'running'
  | 'notReady'
  | 'ready'
  | 'stopping'
  | 'completed'
  | 'failed';

export const SPAN_LEGEND: { kind: SpanKind; label: string }[] = [
  { kind: 'pulling', label: 'pulling' },
  { kind: 'waiting', label: 'waiting' },
  { kind: 'backoff', label: 'back-off' },
  { kind: 'error', label: 'cannot start' },
  { kind: 'running', label: 'running (init)' },
  { kind: 'notReady', label: 'running, not ready' },
  { kind: 'ready', label: 'ready' },
  { kind: 'stopping', label: 'stopping' },
  { kind: 'completed', label: 'exited 0' },
  { kind: 'failed', label: 'exited with error' },
];

const WAITING_REASONS: Record<string, string> = {
  ContainerCreating: 'The kubelet is creating the container (sandbox, volumes, image).',
  PodInitializing: 'Waiting for the init containers to finish.',
  CrashLoopBackOff:
    'Crash-loop back-off: the kubelet waits before restarting the failed container (10 s, doubling up to 5 min; reset after 10 min of running).',
  ImagePullBackOff: 'Image pull back-off: the kubelet waits before retrying the pull (10 s, doubling up to 5 min).',
  ErrImagePull: 'The image pull failed; the kubelet retries after a back-off.',
  ErrImageNeverPull: 'imagePullPolicy is Never and the image is not on the node: the container never starts.',
  InvalidImageName: 'The image reference does not parse: the container never starts.',
  CreateContainerConfigError:
    'A ConfigMap or Secret the container needs is missing: the kubelet retries until it exists.',
  CreateContainerError: 'The runtime could not create the container.',
  RunContainerError: 'The runtime could not start the container.',
};

const KIND_TEXT: Record<SpanKind, string> = {
  pulling: 'Pulling the image (see the image facts under Assumptions).',
  waiting: 'Waiting.',
  backoff: 'Back-off before the next attempt.',
  error: 'The container cannot start.',
  running: 'Running: an init container must exit 0 before the next one starts.',
  notReady: 'Running but not ready: not counted in READY and gets no Service traffic until its readiness probe passes.',
  ready: 'Running and ready: counted in READY, receives Service traffic.',
  stopping: 'Stopping: preStop hook, then SIGTERM; SIGKILL when the grace period runs out.',
  completed: 'Terminated with exit code 0.',
  failed: 'Terminated with an error.',
};

/** The sentence under a span's title: the waiting reason's meaning when known, else the colour's. */
export function explainSpan(kind: SpanKind, reason: string): string {
  return (
    (kind === 'waiting' || kind === 'backoff' || kind === 'error' ? WAITING_REASONS[reason] : undefined) ??
    KIND_TEXT[kind]
  );
}

const BACKOFF = new Set(['CrashLoopBackOff', 'ImagePullBackOff']);
const CANNOT_START = new Set([
  'ErrImagePull',
  'ErrImageNeverPull',
  'InvalidImageName',
  'CreateContainerConfigError',
  'CreateContainerError',
  'RunContainerError',
  'StartError',
]);

/** The colour of a waiting container, from its reason. */
export function waitingKind(reason: string | null): SpanKind {
  if (reason && BACKOFF.has(reason)) return 'backoff';
  if (reason && CANNOT_START.has(reason)) return 'error';
  return 'waiting';
}
