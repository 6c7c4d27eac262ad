/**
 * Container ports (validateContainerPorts, checkHostPortConflicts, validatePodHostNetworkDeps): `invalid-port`
 * (containerPort and a non-zero hostPort in 1..65535), `invalid-port-name` (an IANA service name),
 * `duplicate-port-name` (within one container), `host-port-conflict` (the same protocol/hostIP/hostPort twice among
 * the regular containers, or within one init container: init containers run one at a time; in a Pod with hostNetwork
 * an unset hostPort counts as its containerPort, as defaulting sets it before validation) and
 * `host-network-host-port` (with hostNetwork a hostPort must equal its containerPort).
 */
import type { PodView } from '../../../../model';

/** The key AccumulateUniqueHostPorts uses: protocol (defaulted to TCP) / hostIP / hostPort. */
/** A Pod (not a template) with `hostNetwork: true`: SetDefaults_Pod fills every unset hostPort in. */
export function defaultsHostPorts(pod: PodView): boolean {
  return pod.workload === 'Pod' && pod.hostNetwork.kind === 'value' && pod.hostNetwork.value === true;
}
