/**
 * Restart policy, exits and crash-loop back-off (the Kubernetes v1.36 kubelet): which exits restart a
 * container, the kubelet's back-off schedule, and what the policy does to init containers and sidecars.
 */
import { ALLOWED_RESTART_POLICIES } from '../k8s';
import { type ContainerView, type PodView, resolvePod, WORKLOAD_KINDS } from '../model';
import { code, joinAnd } from './text';

/** §7.2: the first restart is immediate; the e2e schedule is 0, 10, 20, 40, 80, 160, then 300 s. */
export const backoffSummary =
  'the first restart is immediate, later ones wait 10 s, 20 s, 40 s … capped at 300 s (CrashLoopBackOff), and the delay resets after 10 minutes of running';

const SEED_NOTE =
  "The often-quoted '10, 20, 40' schedule starting at the first exit is one step off: the kubelet restarts the first exit at once.";

const EXITS = {
  Always: 'every exit restarts the container, exit code 0 included',
  OnFailure: 'a non-zero exit restarts the container; exit 0 completes it',
  Never: 'no container is restarted; the pod ends Succeeded (all exit 0) or Failed',
} as const;

type Policy = keyof typeof EXITS;
/** Controllers whose pod templates accept only restartPolicy Always. */
export const CONTROLLERS: ReadonlySet<string> = new Set(
  WORKLOAD_KINDS.filter((k) => ALLOWED_RESTART_POLICIES[k].join() === 'Always'),
);

/** §7.1 and §8.2: does an exit with `code` restart this container? Sidecars always restart. */
export function willRestart(pod: PodView, c: ContainerView, exitCode: number): boolean {
  if (c.role === 'sidecar') return true;
  // ContainerRestartRules (beta in 1.35): a regular container's own policy overrides the pod's.
  const own = c.role === 'regular' && c.restartPolicy.kind === 'value' ? c.restartPolicy.value : undefined;
  const policy = own ?? resolvePod(pod).restartPolicy.policy;
  return policy === 'Always' || (policy === 'OnFailure' && exitCode !== 0);
}

const names = (cs: readonly ContainerView[]) =>
  joinAnd(cs.map((c) => code(c.name.kind === 'value' ? c.name.value : `#${c.index}`)));

function initLine(pod: PodView, policy: Policy): string {
  const inits = pod.initContainers.filter((c) => c.role === 'init');
  const these = inits.length
    ? `Init containers ${names(inits)} run one at a time and must each exit 0. `
    : 'Init containers: ';
  return policy === 'Never'
    ? `${these}A failing init container fails the whole pod (phase Failed, ${code('Init:Error')}); nothing is retried.`
    : `${these}A failing init container is restarted with the same back-off while the pod stays Pending (${code('Init:CrashLoopBackOff')}).`;
}

/** Pod `restartPolicy`: exits, back-off, init containers, sidecars, and what the owning controller allows. */
export function explainRestartPolicy(pod: PodView): string[] {
  const resolved = resolvePod(pod);
  const { policy, defaulted, note, allowed } = resolved.restartPolicy;
  const explicit = !defaulted;
  const written = pod.restartPolicy.kind === 'value' ? pod.restartPolicy.value : undefined;
  // An unsupported or unknown value: the API rejects it or podlens cannot read it, so there is nothing to describe.
  if (note && explicit && written !== policy) return [`${written === undefined ? '' : `${code(written)}: `}${note}.`];
  const lines = [`**${policy}**${explicit ? '' : ' (default)'}: ${EXITS[policy]}.`];
  if (policy !== 'Never') lines.push(`Restarts: ${backoffSummary}. ${SEED_NOTE}`);
  lines.push(initLine(pod, policy));
  const { sidecars } = resolved;
  if (sidecars.length)
    lines.push(`Native sidecars ${names(sidecars)} restart on every exit whatever this policy says.`);
  if (allowed.includes(policy)) return lines;
  if (CONTROLLERS.has(pod.workload)) {
    lines.push(`A ${pod.workload} accepts only ${code('Always')}: the API server rejects this template.`);
  } else {
    lines.push(
      `A Job needs ${code('OnFailure')} (restart in place) or ${code('Never')} (a new Pod per failure); the API server rejects ${explicit ? code('Always') : 'the default Always'}.`,
    );
  }
  return lines;
}

/** One line on a container's role and exits, for the hover of its `name` and its container-level restartPolicy. */
export function containerRoleLine(pod: PodView, c: ContainerView): string {
  if (c.role === 'sidecar') {
    return 'Native sidecar (init container with restartPolicy Always): starts in order before the next init container, keeps running next to the containers, restarts on every exit, and stops after them.';
  }
  const { policy } = resolvePod(pod).restartPolicy;
  if (c.role === 'regular' && c.restartPolicy.kind === 'value') {
    return `Container restartPolicy ${code(c.restartPolicy.value)} overrides the pod's ${policy} for this container (ContainerRestartRules, beta in 1.35).`;
  }
  if (c.role === 'init') {
    return `Init container ${c.index + 1} of ${pod.initContainers.length}: runs to completion before the next one; under ${policy}, ${policy === 'Never' ? 'a failure fails the pod' : 'a failure is retried with back-off'}.`;
  }
  return `Container under restartPolicy ${policy}: ${EXITS[policy]}.`;
}
