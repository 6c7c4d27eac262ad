/**
 * How probe and hook handlers answer, predicted with the same machine as the container's process: exec
 * handlers run against the files the container's own script made by that moment; httpGet/tcpSocket/grpc
 * handlers succeed when the container plausibly serves the port and fail when it plainly cannot.
 */
import type { EffectiveHandler } from '../../k8s/defaults';
import { resolvePod } from '../../model/resolvedPod';
import type { ContainerView, PodView } from '../../model/types';
import { expand } from '../../util/expand';
import type { ProbeBehaviour } from '../types';
import type { ProcessPrediction } from './process';
import { execute } from './run';
import { filesAt } from './vm';

/** `inferred`: the manifest says so; `assumed`: a guess the user may need to flip. */
export interface HandlerGuess {
  result: 'success' | 'failure';
  certainty: 'inferred' | 'assumed';
  because: string;
}

/** The answer of an exec handler at one age: success, failure, or unknown (undefined). */
function execAt(argv: readonly string[], owner: ProcessPrediction, age: number, timeout: number) {
  const r = execute(argv, owner.world, { files: filesAt(owner.execution.trace, age) });
  if (r.kind === 'unknown') return { result: undefined, because: r.because, seconds: 0, never: false };
  const seconds = r.kind === 'exits' || r.kind === 'oom' ? r.afterSeconds : 0;
  const success = r.kind === 'exits' && r.exitCode === 0 && r.afterSeconds <= timeout;
  const result = success ? ('success' as const) : ('failure' as const);
  return { result, because: r.because, seconds, never: r.kind === 'forever' };
}

function declares(c: ContainerView, port: number): boolean {
  return c.ports.some((p) => p.containerPort.kind === 'value' && p.containerPort.value === port);
}

/**
 * A network handler against the container: the port resolved (a name through the container's `ports`),
 * then whether anything there listens on it.
 */
export function networkGuess(
  handler: EffectiveHandler,
  pod: PodView,
  c: ContainerView,
  owner: ProcessPrediction,
): HandlerGuess {
  const what = `${handler.type} on port ${handler.port ?? '?'}`;
  if (handler.host)
    return { result: 'success', certainty: 'assumed', because: `${what} of host ${handler.host}: assumed to answer` };
  let port = handler.port;
  if (typeof port === 'string' && !/^\d+$/.test(port)) {
    const named = c.ports.find((p) => p.name.kind === 'value' && p.name.value === port);
    if (named?.containerPort.kind !== 'value')
      return {
        result: 'failure',
        certainty: 'inferred',
        because: `${what}: the container declares no port named "${port}", so the kubelet cannot resolve it`,
      };
    port = named.containerPort.value;
  }
  const n = Number(port);
  const run = owner.execution;
  // A command this model follows (`sleep`, a shell loop, a one-shot task) opens no port unless it is a server.
  const listens = run.kind === 'unknown' || (run.kind === 'forever' && run.server === true) || owner.source === 'image';
  if (!listens)
    return {
      result: 'failure',
      certainty: 'assumed',
      because: `${what}: nothing listens, the container runs ${run.because}`,
    };
  const imagePort = owner.image?.ports.includes(n) === true;
  const everyContainer = resolvePod(pod).views;
  // Declaring ports is informational; only a pod that lists its ports but not this one plainly lacks it.
  const declared = everyContainer.some((x) => x.ports.length > 0);
  if (!imagePort && declared && !everyContainer.some((x) => declares(x, n)))
    return { result: 'failure', certainty: 'assumed', because: `${what}: no container of the pod declares port ${n}` };
  const page = handler.type === 'httpGet' ? (handler.path ?? '/') : undefined;
  const paths = owner.source === 'image' && c.volumeMounts.length === 0 ? owner.image?.paths : undefined;
  if (imagePort && page !== undefined && paths && !paths.includes(page.replace(/\?.*$/, '')))
    return {
      result: 'failure',
      certainty: 'inferred',
      because: `${what}: the image's default content has no ${page}, so it answers 404`,
    };
  if (run.kind === 'forever' && run.server === true && (imagePort || declares(c, n)))
    return { result: 'success', certainty: 'assumed', because: `${what}: the container's server listens on it` };
  return { result: 'success', certainty: 'assumed', because: `${what}: assumed to answer` };
}

/**
 * A network probe's answer over the instance's age: a server whose health page turns unhealthy after a
 * while (images.ts `healthyFor`) fails from then on; otherwise the one guess holds every time.
 */
export function networkProbe(
  handler: EffectiveHandler,
  pod: PodView,
  c: ContainerView,
  owner: ProcessPrediction,
): { behaviour: ProbeBehaviour; certainty: 'inferred' | 'assumed'; because: string } {
  const g = networkGuess(handler, pod, c, owner);
  const health = owner.source === 'image' ? owner.image?.healthyFor : undefined;
  const page = handler.type === 'httpGet' ? (handler.path ?? '/').replace(/\?.*$/, '') : undefined;
  if (g.result === 'success' && health && page === health.path && owner.image?.ports.includes(Number(handler.port)))
    return {
      behaviour: { healthyWhileAgeBelow: health.seconds },
      certainty: 'inferred',
      because: `httpGet ${page} answers 200 for the first ${health.seconds} s, then 500 (${owner.image?.source})`,
    };
  return { behaviour: { always: g.result }, certainty: g.certainty, because: g.because };
}

/** An exec handler run once, against the files at `age` (postStart: at start; preStop: at the end). */
export function execGuess(
  command: readonly string[],
  owner: ProcessPrediction,
  age: number,
  timeout: number,
): HandlerGuess & { seconds: number; never: boolean } {
  // The handler runner passes a hook's command as written (pkg/kubelet/lifecycle/handlers.go).
  const r = execAt(command, owner, age, timeout);
  if (r.result === undefined)
    return {
      result: 'success',
      certainty: 'assumed',
      because: `${r.because}: assumed to succeed`,
      seconds: 0,
      never: false,
    };
  return { result: r.result, certainty: 'inferred', because: r.because, seconds: r.seconds, never: r.never };
}

/** The instants where an exec probe's answer may change: start, and every file change of the container. */
function changePoints(owner: ProcessPrediction): number[] {
  return [...new Set([0, ...owner.execution.trace.map((e) => e.t)])].sort((a, b) => a - b);
}

/**
 * An exec probe's answer over the instance's age, in the scenario format.
 * @example execProbe(['cat', '/tmp/healthy'], owner, 1) // { behaviour: { healthyWhileAgeBelow: 30 }, ... }
 */
export function execProbe(
  command: readonly string[],
  owner: ProcessPrediction,
  timeout: number,
  staticEnv: ReadonlyMap<string, string>,
): { behaviour: ProbeBehaviour; certainty: 'inferred' | 'assumed'; because: string } {
  // The prober expands only literal env values, not valueFrom (ExpandContainerCommandOnlyStatic, prober.go).
  const argv = command.map((w) => expand(w, staticEnv));
  const answers: { age: number; result: 'success' | 'failure' }[] = [];
  for (const age of changePoints(owner)) {
    const r = execAt(argv, owner, age, timeout);
    if (r.result === undefined)
      return {
        behaviour: { always: 'success' },
        certainty: 'assumed',
        because: `${r.because}: the probe is assumed to pass`,
      };
    if (answers[answers.length - 1]?.result !== r.result) answers.push({ age, result: r.result });
  }
  const [first, second] = answers;
  const shown = `\`${argv.join(' ')}\``;
  if (!first) return { behaviour: { always: 'success' }, certainty: 'assumed', because: `${shown}: assumed to pass` };
  if (!second)
    return {
      behaviour: { always: first.result },
      certainty: 'inferred',
      because: `${shown} ${first.result === 'success' ? 'succeeds' : 'fails'} every time`,
    };
  const later = answers.length > 2 ? ' (later changes are not modelled)' : '';
  if (first.result === 'success')
    return {
      behaviour: { healthyWhileAgeBelow: second.age },
      certainty: 'inferred',
      because: `${shown} succeeds until the container's script changes its files at ${second.age} s${later}`,
    };
  return {
    behaviour: { successFromAge: second.age },
    certainty: 'inferred',
    because: `${shown} succeeds once the container's script made its files at ${second.age} s${later}`,
  };
}
