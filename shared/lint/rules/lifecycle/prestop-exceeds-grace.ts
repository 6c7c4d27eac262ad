/**
 * prestop-exceeds-grace: a preStop hook longer than the grace period. On deletion the kubelet waits for preStop at
 * most the grace period (30 s when unset), then sends SIGTERM and SIGKILLs after the remaining grace, never less
 * than 2 s (the Kubernetes v1.36 kubelet).
 */
import { type ContainerView, type HandlerView, type PodView, resolvePod } from '../../../model';
import { NEVER_RETURNS } from '../../../sim';
import type { Rule } from '../../types';
import { describeContainer } from './_helpers/containers';
import { lintPrediction } from './_helpers/prediction';

/** The grace period the kubelet uses, or undefined when the field cannot be read (a template, a wrong type). */
function gracePeriod(pod: PodView): number | undefined {
  const grace = resolvePod(pod).gracePeriod;
  return grace.source === 'assumed' ? undefined : grace.seconds;
}

interface HookWait {
  seconds: number;
  what: string;
  range: HandlerView['range'];
  path: HandlerView['path'];
}

/** How long a preStop handler keeps the kubelet waiting, when that can be known from the manifest. */
function hookWait(pod: PodView, c: ContainerView, h: HandlerView): HookWait | undefined {
  if (h.type === 'sleep' && h.seconds.kind === 'value') {
    return {
      seconds: h.seconds.value,
      what: 'the sleep action',
      range: h.seconds.range,
      path: [...h.path, 'seconds'],
    };
  }
  if (h.type !== 'exec' || h.command.kind !== 'value' || c.lifecycle.preStop?.handlers[0] !== h) return undefined;
  // The simulator's own prediction of the hook: the same machine that runs the container's command.
  const hook = lintPrediction(pod, c)?.preStop;
  if (hook?.certainty !== 'inferred' || hook.behaviour.durationSeconds >= NEVER_RETURNS) return undefined;
  return {
    seconds: hook.behaviour.durationSeconds,
    what: hook.because,
    range: h.command.range,
    path: [...h.path, 'command'],
  };
}

export const prestopExceedsGraceRule: Rule = {
  meta: {
    id: 'prestop-exceeds-grace',
    family: 'lifecycle',
    severity: 'warning',
    summary: 'A preStop hook waits as long as or longer than the grace period: SIGKILL comes 2 s after SIGTERM.',
  },
  check(ctx) {
    const pod = ctx.pod;
    const grace = pod ? gracePeriod(pod) : undefined;
    // With grace 0 the kubelet skips preStop entirely; grace-period-zero-or-negative says so.
    if (!pod || grace === undefined || grace === 0) return;
    const graceField = pod.terminationGracePeriodSeconds;
    const graceText =
      graceField.kind === 'value'
        ? `terminationGracePeriodSeconds is ${grace}`
        : `the grace period is ${grace} s (the default)`;
    for (const c of resolvePod(pod).longRunning) {
      for (const h of c.lifecycle.preStop?.handlers ?? []) {
        const wait = hookWait(pod, c, h);
        // A sleep action longer than the grace period is an API error (validateSleepAction), not ours.
        if (!wait || wait.seconds < grace || (h.type === 'sleep' && wait.seconds > grace)) continue;
        ctx.report({
          path: wait.path,
          range: wait.range,
          needsWholeObject: true,
          message: `preStop waits ${wait.seconds} s, longer than the ${grace} s grace period: the app gets 2 s after SIGTERM`,
          detail:
            `The preStop hook of ${describeContainer(c)} waits ${wait.seconds} s (${wait.what}) but ${graceText}: ` +
            `the kubelet gives up on the hook at ${grace} s, sends SIGTERM then and SIGKILL 2 s later, so the app ` +
            'gets only the 2 s minimum to shut down. Make terminationGracePeriodSeconds longer than the hook ' +
            'plus the time the app needs after SIGTERM.',
          related:
            graceField.kind === 'value'
              ? [{ range: graceField.range, message: `terminationGracePeriodSeconds: ${graceField.value}` }]
              : undefined,
        });
      }
    }
  },
};
