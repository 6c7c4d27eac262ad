/**
 * Probe timing and handlers as the kubelet runs them (the Kubernetes v1.36 kubelet): defaults applied, the
 * handler that will run, the port it reaches (named ports resolved against the container), and the window in
 * which a never-passing probe acts. Ticks are `periodSeconds` apart with a phase the kubelet picks, so a
 * failing probe that first counts at `D` kills between `D + (F-1)P` and `D + F·P`.
 */
import { type EffectiveHandler, effectiveProbe } from '../k8s';
import { type ContainerView, type HandlerView, type PodView, type ProbeView, resolvePod } from '../model';
import { backoffSummary, willRestart } from './restart';
import { code, plural, secs } from './text';

/** A named or numbered port of a handler, resolved against the container's ports. */
export function portLine(c: ContainerView, port: number | string | undefined): string | undefined {
  if (port === undefined) return undefined;
  if (typeof port === 'number') {
    const named = c.ports.find((p) => p.containerPort.kind === 'value' && p.containerPort.value === port);
    const name = named?.name.kind === 'value' ? ` (declared as ${code(named.name.value)})` : '';
    return `Port ${code(port)}${name}`;
  }
  const match = c.ports.find((p) => p.name.kind === 'value' && p.name.value === port);
  if (match?.containerPort.kind === 'value') return `Port ${code(port)} resolves to ${code(match.containerPort.value)}`;
  return `Port ${code(port)}: **no port with that name** in this container, so every check fails`;
}

/** The number a handler's port reaches: named ports resolve against the container's ports. */
function resolvePort(c: ContainerView, port: number | string | undefined): number | string {
  if (typeof port !== 'string') return port ?? '?';
  const match = c.ports.find((p) => p.name.kind === 'value' && p.name.value === port);
  return match?.containerPort.kind === 'value' ? match.containerPort.value : port;
}

const shellWord = (w: string) => (/^[\w@%+=:,./-]+$/.test(w) ? w : JSON.stringify(w));

/** What one handler does, in a sentence: shared by probes and lifecycle hooks. */
export function handlerLine(c: ContainerView, h: EffectiveHandler, view: HandlerView): string {
  switch (h.type) {
    case 'exec':
      return `Runs ${code((h.command ?? []).map(shellWord).join(' ') || '(no command)')} in the container (exit 0 passes)`;
    case 'httpGet': {
      const url = `${(h.scheme ?? 'HTTP').toLowerCase()}://${h.host ?? '<pod IP>'}:${resolvePort(c, h.port)}${h.path ?? '/'}`;
      return `HTTP GET ${code(url)} (status 200–399 passes)`;
    }
    case 'tcpSocket':
      return `Opens a TCP connection to port ${code(h.port ?? '?')} (connecting passes)`;
    case 'grpc':
      return `Calls the gRPC health service on port ${code(h.port ?? '?')} (SERVING passes)`;
    case 'sleep':
      return `Sleeps ${secs(h.seconds ?? 0)}`;
  }
  return `Handler ${code(view.type)}`;
}

function timeline(kind: ProbeView['kind'], d: number, p: number, f: number, afterStartup: boolean): string {
  const start = afterStartup ? 'the startup probe passes' : 'start';
  const first =
    d > 0
      ? `First check at ${secs(d)}`
      : kind === 'readinessProbe'
        ? `First check as soon as ${afterStartup ? 'the startup probe passes' : 'the container has started'}`
        : `First check within ${secs(p)} of ${start}`;
  const window = `between ${secs(d + (f - 1) * p)} and ${secs(d + f * p)} after ${start}`;
  const ticks = `${plural(f, 'failure')} ${secs(p)} apart; the exact tick phase is up to the kubelet`;
  if (kind === 'readinessProbe') {
    return `${first}; while it fails the container is not ready (out of Service endpoints), and a ready container turns unready after ${ticks}. Readiness never restarts it.`;
  }
  return `${first}; if it never passes, killed and restarted ${window}: ${ticks}.`;
}

/** The probe under the cursor, with its container's context. */
export function explainProbe(pod: PodView, c: ContainerView, probe: ProbeView): string[] {
  const eff = effectiveProbe(probe);
  const lines: string[] = [];
  const view = probe.handlers[0];
  if (eff.handler && view) {
    lines.push(handlerLine(c, eff.handler, view));
    const port = portLine(c, eff.handler.port);
    if (port) lines.push(port);
  } else
    lines.push('No handler: the API server rejects a probe without exactly one of exec, httpGet, tcpSocket, grpc.');
  if (probe.handlers.length > 1) lines.push(`${probe.handlers.length} handlers: the API server rejects more than one.`);
  const d = eff.initialDelaySeconds;
  const p = eff.periodSeconds;
  const f = eff.failureThreshold;
  const defaulted = eff.defaulted.filter((x) => !x.includes('.'));
  lines.push(
    `Every ${secs(p)} with a ${secs(eff.timeoutSeconds)} timeout; ${plural(f, 'consecutive failure')} ${f === 1 ? 'fails' : 'fail'} it, ` +
      `${plural(eff.successThreshold, 'success', 'successes')} ${eff.successThreshold === 1 ? 'passes' : 'pass'} it` +
      (defaulted.length ? ` (defaulted: ${defaulted.join(', ')})` : ''),
  );
  const afterStartup = probe.kind !== 'startupProbe' && c.startupProbe !== undefined;
  lines.push(timeline(probe.kind, d, p, f, afterStartup));
  if (probe.kind === 'startupProbe') {
    lines.push(`Liveness and readiness wait for it: the container gets at most ${secs(d + f * p)} to start.`);
  }
  if (probe.kind !== 'readinessProbe') {
    const resolved = resolvePod(pod);
    const grace = eff.terminationGracePeriodSeconds ?? resolved.gracePeriod.seconds;
    const restart = willRestart(pod, c, 1)
      ? `then restarted: ${backoffSummary}`
      : `not restarted (restartPolicy ${resolved.restartPolicy.policy})`;
    lines.push(`The kill uses a ${secs(grace)} grace period (preStop, SIGTERM, SIGKILL); ${restart}.`);
  }
  return lines;
}
