/**
 * crashloop-predicted: a container the simulator's own prediction (`predictContainer` from ../../../sim) sees exit
 * again and again, combined with the kubelet's restart rules (pkg/kubelet/kuberuntime/kuberuntime_manager.go
 * computePodActions), so lint and the lifecycle preview always agree.
 */
import { type ContainerView, resolvePod } from '../../../model';
import type { Rule, RuleContext } from '../../types';
import { capitalize, describeContainer, podRestartPolicy } from './_helpers/containers';
import { after, BACKOFF_SCHEDULE, commandSite } from './_helpers/exitSites';
import { type Outcome, predictedOutcome } from './_helpers/prediction';

/** An exit later than this after the last restart resets the back-off (the Kubernetes v1.36 kubelet): no crash loop. */
const BACKOFF_RESET_SECONDS = 600;

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

function exitsSoon(run: Outcome): run is Extract<Outcome, { kind: 'exits' }> {
  return run.kind === 'exits' && run.afterSeconds < BACKOFF_RESET_SECONDS;
}

export const crashloopPredictedRule: Rule = {
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
    for (const c of resolvePod(pod).longRunning) {
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
