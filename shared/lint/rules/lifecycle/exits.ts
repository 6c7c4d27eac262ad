/**
 * crashloop-predicted and init-never-succeeds: what the container's command does, read with the simulator's
 * own shell model (`inferRun` from ../../../sim) so lint and the lifecycle preview always agree, combined with
 * the restart rules of k8s-semantics §7 and §8.
 */
import type { ContainerView } from '../../../model';
import { inferRun, type RunInference } from '../../../sim';
import type { Range } from '../../../util/range';
import type { Rule, RuleContext } from '../../types';
import { capitalize, describeContainer, podRestartPolicy } from './containers';

/** An exit later than this after the last restart resets the back-off (k8s-semantics §7.2): no crash loop. */
const BACKOFF_RESET_SECONDS = 600;

/** The default crash-loop schedule (k8s-semantics §7.2), in the words the messages use. */
const BACKOFF_SCHEDULE =
  'the first restart is immediate, then the kubelet waits 10 s, 20 s, 40 s, 80 s, 160 s and from then on 300 s ' +
  'after each exit';

interface CommandSite {
  range: Range;
  path: (string | number)[];
  /** `command` is written; else `args` run as the command (the simulator's no-ENTRYPOINT assumption). */
  explicit: boolean;
}

/**
 * Where the command that decides the outcome is written: `command`, else `args` that read as a command.
 * Args starting with `-` are flags for the image's entrypoint, which the manifest does not show.
 */
function commandSite(c: ContainerView): CommandSite | undefined {
  if (c.command.kind === 'value' && c.command.value.length > 0) {
    return { range: c.command.range, path: [...c.path, 'command'], explicit: true };
  }
  if (c.args.kind === 'value' && c.args.value.length > 0 && !(c.args.value[0] as string).startsWith('-')) {
    return { range: c.args.range, path: [...c.path, 'args'], explicit: false };
  }
  return undefined;
}

/**
 * The restart policy that applies to a regular container: its own `restartPolicy` (ContainerRestartRules,
 * beta in 1.35) or the pod's; undefined when `restartPolicyRules` decide by exit code, which this rule leaves
 * to the simulator.
 */
function containerPolicy(doc: RuleContext['doc'], c: ContainerView, podPolicy: string): string | undefined {
  if (doc.ast.getIn([...c.path, 'restartPolicyRules']) !== undefined) return undefined;
  if (c.role === 'regular' && c.restartPolicy.kind === 'value' && c.restartPolicy.value) return c.restartPolicy.value;
  return podPolicy;
}

/** ` after 5 s`, or nothing for an exit at once. */
const after = (seconds: number) => (seconds > 0 ? ` after ${seconds} s` : ' at once');

function exitsSoon(run: RunInference): run is Extract<RunInference, { kind: 'exits' }> {
  return run.kind === 'exits' && run.afterSeconds < BACKOFF_RESET_SECONDS;
}

export const crashloopPredicted: Rule = {
  meta: {
    id: 'crashloop-predicted',
    family: 'lifecycle',
    severity: 'warning',
    summary: 'The command exits on its own, and the restart policy restarts it: CrashLoopBackOff.',
  },
  check(ctx) {
    const pod = ctx.pod;
    const podPolicy = pod ? podRestartPolicy(pod) : undefined;
    if (!pod || !podPolicy) return;
    const sidecars = pod.initContainers.filter((c) => c.role === 'sidecar');
    for (const c of [...sidecars, ...pod.containers]) {
      const site = commandSite(c);
      const run = site ? inferRun(c) : undefined;
      const policy = containerPolicy(ctx.doc, c, podPolicy);
      if (!site || !run || !exitsSoon(run) || !policy) continue;
      // Sidecars are restarted whatever the pod's policy (k8s-semantics §8.2).
      const restarts = c.role === 'sidecar' || policy === 'Always' || (policy === 'OnFailure' && run.exitCode !== 0);
      if (!restarts) continue;
      const why =
        c.role === 'sidecar'
          ? 'a sidecar is restarted whenever it exits, whatever the pod’s restartPolicy'
          : policy === 'Always'
            ? 'under restartPolicy Always every exit is restarted, exit code 0 included'
            : `under restartPolicy OnFailure the non-zero exit (${run.exitCode}) is restarted`;
      const remedy =
        pod.workload === 'Pod' && c.role === 'regular'
          ? ' For a one-off task use restartPolicy: Never or OnFailure (or a Job); for a service, run it in the foreground.'
          : c.role === 'regular' && policy === 'Always'
            ? ' For a one-off task use a Job; for a service, keep the process in the foreground.'
            : '';
      ctx.report({
        range: site.range,
        path: site.path,
        needsWholeObject: true,
        message: `CrashLoopBackOff predicted: the command exits ${run.exitCode}${after(run.afterSeconds)} and is restarted`,
        detail:
          `CrashLoopBackOff predicted for ${describeContainer(c)}: ${run.because}, and ${why}. ${capitalize(BACKOFF_SCHEDULE)}; ` +
          `kubectl shows CrashLoopBackOff from the second exit on and RESTARTS keeps growing.${remedy}`,
      });
    }
  },
};

export const initNeverSucceeds: Rule = {
  meta: {
    id: 'init-never-succeeds',
    family: 'lifecycle',
    severity: 'warning',
    summary: 'An init container exits non-zero (or never exits): the app containers never start.',
  },
  check(ctx) {
    const pod = ctx.pod;
    const policy = pod ? podRestartPolicy(pod) : undefined;
    if (!pod || !policy) return;
    for (const c of pod.initContainers) {
      if (c.role !== 'init') continue;
      const site = commandSite(c);
      const run = site ? inferRun(c) : undefined;
      if (!site || !run || run.kind === 'unknown' || (run.kind === 'exits' && run.exitCode === 0)) continue;
      // "Runs forever" from args alone rests on an assumption about the image; only a written command is sure.
      if (run.kind === 'forever' && !site.explicit) continue;
      const outcome =
        run.kind === 'forever'
          ? `it never exits, so the pod stays Pending (kubectl: Init:${c.index}/${pod.initContainers.length}) and the app containers never start`
          : policy === 'Never'
            ? 'under restartPolicy Never the pod fails at once (phase Failed, kubectl: Init:Error) and the app containers never start'
            : `under restartPolicy ${policy} the kubelet retries it forever with the crash-loop back-off (${BACKOFF_SCHEDULE}): ` +
              'the pod stays Pending, kubectl shows Init:Error and then Init:CrashLoopBackOff, and the app containers never start';
      ctx.report({
        range: site.range,
        path: site.path,
        needsWholeObject: true,
        message:
          run.kind === 'forever'
            ? 'Init container never exits: the app containers never start'
            : `Init container exits ${run.exitCode}${after(run.afterSeconds)}: the app containers never start`,
        detail: `${capitalize(describeContainer(c))} can never succeed: ${run.because}; ${outcome}.`,
      });
    }
  },
};
