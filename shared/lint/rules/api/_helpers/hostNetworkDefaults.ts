/**
 * Whether SetDefaults_Pod fills unset hostPorts in from the containerPort (a Pod, not a template, with
 * `hostNetwork: true`): validation then sees those host ports, and so do the port rules.
 */
import type { PodView } from '../../../../model';

/** A Pod (not a template) with `hostNetwork: true`: SetDefaults_Pod fills every unset hostPort in. */
export function defaultsHostPorts(pod: PodView): boolean {
  return pod.workload === 'Pod' && pod.hostNetwork.kind === 'value' && pod.hostNetwork.value === true;
}
