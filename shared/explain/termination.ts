/**
 * The termination sequence (the Kubernetes v1.36 kubelet): preStop, then SIGTERM, then SIGKILL at the
 * grace deadline, with the kubelet's 2 s minimum stop window after a preStop that used the whole grace.
 * postStart is explained here too, since both hooks share handlers.
 */
import { effectiveHandler } from '../k8s';
import { type ContainerView, type HandlerView, type HookView, type PodView, resolvePod } from '../model';
import { handlerLine, portLine } from './probes';
import { containerRoleLine } from './restart';
import { code, joinAnd, secs } from './text';

/** kuberuntime_manager.go minimumGracePeriodInSeconds. */
const MIN_STOP_WINDOW = 2;

/**
 * How long a preStop handler takes when the manifest says so: a `sleep` action, or an exec of `sleep N`
 * (directly or as the whole `sh -c` script). Anything else is unknown.
 */
export function hookSeconds(h: HandlerView): number | undefined {
  if (h.type === 'sleep') return h.seconds.kind === 'value' ? h.seconds.value : undefined;
  if (h.type !== 'exec' || h.command.kind !== 'value') return undefined;
  const argv = h.command.value;
  const script =
    argv.length === 3 && /(^|\/)(ba)?sh$/.test(argv[0] ?? '') && argv[1] === '-c' ? argv[2] : argv.join(' ');
  const m = /^\s*(?:\/bin\/)?sleep\s+(\d+)s?\s*$/.exec(script ?? '');
  return m ? Number(m[1]) : undefined;
}

function sequence(grace: number, c: ContainerView): string {
  const hook = c.lifecycle.preStop?.handlers[0];
  if (grace === 0) {
    return `Grace 0: no preStop; SIGTERM, then SIGKILL after the ${secs(MIN_STOP_WINDOW)} minimum stop window.`;
  }
  if (!hook) return `SIGTERM at 0 s; SIGKILL at ${secs(grace)} if the process is still running (exit 137).`;
  const h = hookSeconds(hook);
  if (h === undefined) {
    return `preStop runs first (the kubelet waits for it at most ${secs(grace)}), then SIGTERM; SIGKILL at ${secs(grace)}, up to ${secs(grace + MIN_STOP_WINDOW)} when preStop takes the whole grace period. A preStop that runs longer is cut off at ${secs(grace)}.`;
  }
  if (h >= grace) {
    return `**preStop (${secs(h)}) outlives the ${secs(grace)} grace period**: the kubelet stops waiting at ${secs(grace)}, sends SIGTERM then, and SIGKILL at ${secs(grace + MIN_STOP_WINDOW)} (the ${secs(MIN_STOP_WINDOW)} minimum stop window).`;
  }
  const kill = Math.max(grace, h + MIN_STOP_WINDOW);
  return `preStop for ${secs(h)}, SIGTERM at ${secs(h)}, SIGKILL at ${secs(kill)} if still running.`;
}

const nameOf = (c: ContainerView) => code(c.name.kind === 'value' ? c.name.value : `#${c.index}`);

/** The sequence for the whole pod (`terminationGracePeriodSeconds`) or one container (its hooks). */
export function explainTermination(pod: PodView, only?: ContainerView): string[] {
  const resolved = resolvePod(pod);
  const { seconds: grace, defaulted, note } = resolved.gracePeriod;
  const lines = [
    `On deletion each container gets ${secs(grace)}${defaulted ? ' (the default)' : ''}${note ? ` (${note})` : ''}: preStop, then SIGTERM, then SIGKILL at the deadline.`,
  ];
  const { sidecars } = resolved;
  // The kubelet stops the regular containers first, the sidecars after them.
  const targets = only ? [only] : [...pod.containers, ...sidecars];
  for (const c of targets) lines.push(`${nameOf(c)}: ${sequence(grace, c)}`);
  if (sidecars.length && !only) {
    lines.push(
      `Sidecars ${joinAnd(sidecars.map(nameOf))} stop after the regular containers, in reverse order, out of the same grace.`,
    );
  }
  lines.push('A PID 1 without a SIGTERM handler ignores it and is killed at the deadline.');
  return lines;
}

/** A lifecycle hook: when it runs, what it runs, and (preStop) the termination sequence it starts. */
export function explainHook(pod: PodView, c: ContainerView, hook: HookView): string[] {
  const lines: string[] = [];
  for (const h of hook.handlers) {
    if (h.type === 'tcpSocket') lines.push('tcpSocket is not supported in hooks: the hook fails at runtime.');
    else lines.push(handlerLine(c, effectiveHandler(h).handler, h));
    const port = h.type === 'httpGet' && h.port.kind === 'value' ? portLine(c, h.port.value) : undefined;
    if (port) lines.push(port);
  }
  if (hook.kind === 'postStart') {
    lines.push(
      'Runs right after the container starts, alongside its entrypoint; the container shows Waiting until the hook returns. ' +
        'If it fails the container is killed (FailedPostStartHook) and restarted per the restart policy.',
    );
    lines.push(containerRoleLine(pod, c));
    return lines;
  }
  lines.push(
    'Runs before SIGTERM whenever the kubelet stops the container: deletion, a failed liveness or startup probe, a spec change.',
  );
  return [...lines, ...explainTermination(pod, c)];
}
