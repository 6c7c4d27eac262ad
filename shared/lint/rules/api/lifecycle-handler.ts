/**
 * `lifecycle-handler` (validateLifecycle, validateHandler, validateSleepAction): postStart/preStop need exactly one
 * of exec/httpGet/tcpSocket/sleep, and `sleep.seconds` in 0..terminationGracePeriodSeconds
 * (PodLifecycleSleepActionAllowZero is GA in v1.34, so 0 is valid).
 */
import { type PodView, readers, resolvePod } from '../../../model';
import type { Rule, RuleContext } from '../../types';
import { handlerCount } from './_helpers/handlerCount';
import { invalid, mapAt, reportPodSpec } from './_helpers/util';

const HOOK_HANDLERS = ['exec', 'httpGet', 'tcpSocket', 'sleep'];

/** Hooks the API validates: on regular containers and sidecars (plain init containers are init-container-probes). */
function hooks(ctx: RuleContext) {
  if (!ctx.pod) return [];
  return resolvePod(ctx.pod)
    .views.filter((c) => c.role !== 'init')
    .flatMap((c) => [c.lifecycle.postStart, c.lifecycle.preStop].filter((h) => h !== undefined));
}

/**
 * The grace period validateSleepAction compares sleep.seconds with: the written value, negative included (the
 * resolved view's effective value treats a negative one as 1, which validation does not), else the default.
 */
function validatedGracePeriod(pod: PodView): number {
  const f = pod.terminationGracePeriodSeconds;
  return f.kind === 'value' ? f.value : resolvePod(pod).gracePeriod.seconds;
}

export const lifecycleHandlerRule: Rule = {
  meta: {
    id: 'lifecycle-handler',
    family: 'api-validation',
    severity: 'error',
    summary:
      'A postStart/preStop hook without exactly one handler, or a sleep outside 0..terminationGracePeriodSeconds.',
  },
  check(ctx) {
    const pod = ctx.pod;
    if (!pod) return;
    const grace = validatedGracePeriod(pod);
    for (const hook of hooks(ctx)) {
      handlerCount(ctx, hook.path, hook.keyRange, HOOK_HANDLERS, `a ${hook.kind} hook`);
      const sleepPath = [...hook.path, 'sleep'];
      const seconds = readers.int(ctx.doc.ctx, mapAt(ctx.doc, sleepPath), 'seconds');
      if (seconds.kind !== 'value' || (seconds.value >= 0 && seconds.value <= grace)) continue;
      reportPodSpec(ctx, {
        path: sleepPath,
        range: seconds.range,
        message: invalid(
          sleepPath,
          seconds.value,
          `must be non-negative and less than terminationGracePeriodSeconds (${grace})`,
        ),
      });
    }
  },
};
