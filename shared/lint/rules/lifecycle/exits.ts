/**
 * crashloop-predicted and init-never-succeeds: what the container's process does, read with the simulator's
 * own prediction (`predictContainer` from ../../../sim) so lint and the lifecycle preview always agree,
 * combined with the kubelet's restart rules (pkg/kubelet/kuberuntime/kuberuntime_manager.go computePodActions).
 */
import type { ContainerView } from '../../../model';
import type { Range } from '../../../util/range';
import type { Rule, RuleContext } from '../../types';
import { capitalize, describeContainer, podRestartPolicy } from './_helpers/containers';
import { type Outcome, predictedOutcome } from './_helpers/prediction';

/** An exit later than this after the last restart resets the back-off (the Kubernetes v1.36 kubelet): no crash loop. */
const BACKOFF_RESET_SECONDS = 600;

/** The default crash-loop schedule (the Kubernetes v1.36 kubelet), in the words the messages use. */
const BACKOFF_SCHEDULE =
  'the first restart is immediate, then the kubelet waits 10 s, 20 s, 40 s, 80 s, 160 s and from then on 300 s ' +
  'after each exit';

interface CommandSite {
  range: Range;
  path: (string | number)[];
  /** `command` is written; else `args` run as the command, or the image's known default. */
  explicit: boolean;
}

/** Where what decides the outcome is written: `command`, `args` that read as a command, or the image. */
function commandSite(c: ContainerView, outcome: Outcome): CommandSite | undefined {
  switch (outcome.source) {
    case 'command':
      return c.command.kind === 'value'
        ? { range: c.command.range, path: [...c.path, 'command'], explicit: true }
        : undefined;
    case 'args':
      return c.args.kind === 'value' ? { range: c.args.range, path: [...c.path, 'args'], explicit: false } : undefined;
    case 'image':
      return c.image.kind === 'value'
        ? { range: c.image.range, path: [...c.path, 'image'], explicit: false }
        : undefined;
  }
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

function exitsSoon(run: Outcome): run is Extract<Outcome, { kind: 'exits' }> {
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
      const run = predictedOutcome(pod, c);
      const site = run && commandSite(c, run);
      const policy = containerPolicy(ctx.doc, c, podPolicy);
      if (!site || !run || !exitsSoon(run) || !policy) continue;
      // Sidecars are restarted whatever the pod's policy (the Kubernetes v1.36 kubelet).
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
        message: run.oom
          ? `CrashLoopBackOff predicted: OOMKilled (exit 137)${after(run.afterSeconds)}, then restarted`
          : `CrashLoopBackOff predicted: the command exits ${run.exitCode}${after(run.afterSeconds)} and is restarted`,
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
      const run = predictedOutcome(pod, c);
      const site = run && commandSite(c, run);
      if (!site || !run || (run.kind === 'exits' && run.exitCode === 0)) continue;
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
