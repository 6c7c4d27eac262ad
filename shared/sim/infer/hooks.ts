/**
 * Predicts a postStart/preStop hook from its handler: exec commands through the same machine as the
 * container's process (postStart sees the files at start, preStop those at the end), `sleep` handlers
 * exactly, HTTP and TCP handlers by whether the container serves the port (handlers.ts).
 */
import { effectiveHandler } from '../../k8s/defaults';
import type { ContainerView, HookView, PodView } from '../../model/types';
import { assertNever } from '../../util/assertNever';
import type { HookBehaviour } from '../types';
import { execGuess, networkGuess } from './handlers';
import type { ProcessPrediction } from './process';

/** A hook that never returns is modelled with this duration: far beyond any grace period or horizon. */
export const NEVER_RETURNS = 1e9;

export type InferredHook = { behaviour: HookBehaviour; because: string; certainty: 'inferred' | 'assumed' };

/**
 * @example inferHook(preStopSleep10, pod, c, owner) // { behaviour: { result: 'success', durationSeconds: 10 }, ... }
 */
export function inferHook(hook: HookView, pod: PodView, c: ContainerView, owner: ProcessPrediction): InferredHook {
  const view = hook.handlers[0];
  if (!view)
    return {
      behaviour: { result: 'success', durationSeconds: 0 },
      because: 'no handler: nothing runs',
      certainty: 'inferred',
    };
  const handler = effectiveHandler(view).handler;
  switch (handler.type) {
    case 'sleep': {
      const seconds = handler.seconds ?? 0;
      return {
        behaviour: { result: 'success', durationSeconds: seconds },
        because: `sleeps ${seconds} s`,
        certainty: 'inferred',
      };
    }
    case 'exec': {
      const age = hook.kind === 'postStart' ? 0 : Number.POSITIVE_INFINITY;
      const g = execGuess(handler.command ?? [], owner, age, NEVER_RETURNS);
      return {
        behaviour: { result: g.never ? 'success' : g.result, durationSeconds: g.never ? NEVER_RETURNS : g.seconds },
        because: g.never ? `${g.because}: never returns` : g.because,
        certainty: g.certainty,
      };
    }
    case 'httpGet':
    case 'tcpSocket':
    case 'grpc': {
      const g = networkGuess(handler, pod, c, owner);
      return { behaviour: { result: g.result, durationSeconds: 0 }, because: g.because, certainty: g.certainty };
    }
    default:
      return assertNever(handler.type, 'handler type');
  }
}
