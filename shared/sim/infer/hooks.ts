/**
 * Predicts a postStart/preStop hook from its handler: exec commands through the run inference, `sleep`
 * handlers exactly, HTTP, TCP and gRPC handlers as instant successes.
 */
import { effectiveHandler } from '../../k8s/defaults';
import type { HookView } from '../../model/types';
import { assertNever } from '../../util/assertNever';
import type { HookBehaviour } from '../types';
import { inferArgv } from './run';

/** A hook that never returns is modelled with this duration: far beyond any grace period or horizon. */
export const NEVER_RETURNS = 1e9;

type Inferred = { behaviour: HookBehaviour; because: string };

const instant = (because: string): Inferred => ({ behaviour: { result: 'success', durationSeconds: 0 }, because });

function execHook(command: readonly string[]): Inferred {
  const p = inferArgv(command);
  switch (p.kind) {
    case 'exits': {
      const result = p.exitCode === 0 ? 'success' : 'failure';
      return { behaviour: { result, durationSeconds: p.afterSeconds }, because: p.because };
    }
    case 'startError':
      // The runtime cannot exec it: the hook fails at once (the kubelet reports FailedPostStartHook/FailedPreStopHook).
      return { behaviour: { result: 'failure', durationSeconds: 0 }, because: `${p.because} (${p.message})` };
    case 'forever':
      return {
        behaviour: { result: 'success', durationSeconds: NEVER_RETURNS },
        because: `${p.because}: never returns`,
      };
    case 'unknown':
      return instant(`${p.because}: assumed to succeed at once`);
    default:
      return assertNever(p, 'process inference');
  }
}

/**
 * @example inferHook(preStopSleep10) // { behaviour: { result: 'success', durationSeconds: 10 }, because: '...' }
 */
export function inferHook(hook: HookView): Inferred {
  const view = hook.handlers[0];
  if (!view) return instant('no handler: nothing runs');
  const handler = effectiveHandler(view).handler;
  switch (handler.type) {
    case 'sleep': {
      const seconds = handler.seconds ?? 0;
      return { behaviour: { result: 'success', durationSeconds: seconds }, because: `sleeps ${seconds} s` };
    }
    case 'exec':
      return execHook(handler.command ?? []);
    case 'httpGet':
    case 'tcpSocket':
    case 'grpc':
      return instant(`${handler.type} handler: assumed to answer at once`);
    default:
      return assertNever(handler.type, 'handler type');
  }
}
