/**
 * The zero-config prediction of one container, in the scenario's terms: its runs, SIGTERM handling,
 * probe answers and hook results, each with the reason (a note) and whether the manifest says so
 * (`inferred`) or it is a guess (`assumed`). The simulation fills the gaps of a scenario with it, and the
 * lint rules that predict runtime behaviour read the very same values.
 */
import { effectiveProbe } from '../../k8s/defaults';
import { resolvePod } from '../../model/resolvedPod';
import type { ContainerView, PodView } from '../../model/types';
import { PROBE_FIELD, PROBE_TYPES, type ProbeBehaviour, type ProbeType, type RunBehaviour } from '../types';
import { staticEnv } from './env';
import { execProbe, networkProbe } from './handlers';
import { type InferredHook, inferHook } from './hooks';
import { type ProcessPrediction, predictProcess } from './process';
import type { Execution } from './run';

/** How long a command that cannot be predicted is assumed to work when the pod is meant to finish. */
export const TASK_SECONDS = 5;

export interface Guessed<T> {
  value: T;
  certainty: 'inferred' | 'assumed';
  because: string;
}

export interface ContainerPrediction {
  main: ProcessPrediction;
  runs: Guessed<RunBehaviour[]>;
  /** Set when the runtime cannot start the command at all. */
  startError?: Guessed<string>;
  /** Services the process waits for that do not exist. */
  waitsFor: string[];
  onSigterm: Guessed<'ignore' | { exitCode: number; afterSeconds: number }>;
  probes: Partial<Record<ProbeType, Guessed<ProbeBehaviour>>>;
  postStart?: InferredHook;
  preStop?: InferredHook;
}

/** Init containers, and regular containers of pods that do not restart on success, are meant to finish. */
function meantToFinish(pod: PodView, c: ContainerView): boolean {
  if (c.role === 'sidecar') return false;
  return c.role === 'init' || resolvePod(pod).restartPolicy.policy !== 'Always';
}

type Runs = Pick<ContainerPrediction, 'runs' | 'startError'>;

function runsOf(pod: PodView, c: ContainerView, p: ProcessPrediction): Runs {
  const first = singleRun(pod, c, p.execution);
  const next = p.rerun && singleRun(pod, c, p.rerun);
  if (!next) return first;
  return {
    runs: {
      value: [...first.runs.value, ...next.runs.value],
      certainty: first.runs.certainty === 'inferred' && next.runs.certainty === 'inferred' ? 'inferred' : 'assumed',
      because: `first ${first.runs.because}; then, with the files it left in its emptyDir volume, ${next.runs.because}`,
    },
  };
}

function singleRun(pod: PodView, c: ContainerView, e: Execution): Runs {
  switch (e.kind) {
    case 'exits':
      return {
        runs: {
          value: [{ exitCode: e.exitCode, afterSeconds: e.afterSeconds }],
          certainty: 'inferred',
          because: e.because,
        },
      };
    case 'oom':
      return {
        runs: { value: [{ oom: true, afterSeconds: e.afterSeconds }], certainty: 'inferred', because: e.because },
      };
    case 'forever':
      return { runs: { value: [{ forever: true }], certainty: 'inferred', because: e.because } };
    case 'startError':
      return {
        runs: { value: [{ forever: true }], certainty: 'inferred', because: e.because },
        startError: { value: e.message, certainty: 'inferred', because: e.because },
      };
    case 'unknown':
      if (meantToFinish(pod, c)) {
        const why = c.role === 'init' ? 'an init container' : `restartPolicy ${resolvePod(pod).restartPolicy.policy}`;
        return {
          runs: {
            value: [{ exitCode: 0, afterSeconds: TASK_SECONDS }],
            certainty: 'assumed',
            because: `${e.because}; ${why} is meant to finish: assumed to succeed after ${TASK_SECONDS} s`,
          },
        };
      }
      return {
        runs: {
          value: [{ forever: true }],
          certainty: 'assumed',
          because: `${e.because}; assumed to run until stopped`,
        },
      };
  }
}

function probesOf(pod: PodView, c: ContainerView, p: ProcessPrediction): ContainerPrediction['probes'] {
  const out: ContainerPrediction['probes'] = {};
  for (const type of PROBE_TYPES) {
    const view = c[PROBE_FIELD[type]];
    if (!view) continue;
    const e = effectiveProbe(view);
    const h = e.handler;
    if (!h) out[type] = { value: { always: 'success' }, certainty: 'assumed', because: 'no handler: the probe passes' };
    else if (h.type === 'exec') {
      const g = execProbe(h.command ?? [], p, e.timeoutSeconds, staticEnv(c));
      out[type] = { value: g.behaviour, certainty: g.certainty, because: g.because };
    } else {
      const g = networkProbe(h, pod, c, p);
      out[type] = { value: g.behaviour, certainty: g.certainty, because: g.because };
    }
  }
  return out;
}

/**
 * @example predictContainer(pod, c, new Set()).runs.value // [{ exitCode: 0, afterSeconds: 0 }] for `echo hi`
 */
export function predictContainer(pod: PodView, c: ContainerView, services: ReadonlySet<string>): ContainerPrediction {
  const main = predictProcess(pod, c, services);
  const onSigterm: ContainerPrediction['onSigterm'] = main.ignoresSigterm
    ? {
        value: 'ignore',
        certainty: 'inferred',
        because:
          'PID 1 has no SIGTERM handler (a shell or `sleep` ignores it as PID 1, see pid_namespaces(7)): the kill waits the grace period, then SIGKILL',
      }
    : { value: { exitCode: 143, afterSeconds: 0 }, certainty: 'assumed', because: 'exits 143 at once on SIGTERM' };
  const post = c.lifecycle.postStart;
  const pre = c.lifecycle.preStop;
  return {
    main,
    ...runsOf(pod, c, main),
    waitsFor: main.execution.kind === 'forever' ? main.execution.waitsFor : [],
    onSigterm,
    probes: probesOf(pod, c, main),
    ...(post ? { postStart: inferHook(post, pod, c, main) } : {}),
    ...(pre ? { preStop: inferHook(pre, pod, c, main) } : {}),
  };
}
