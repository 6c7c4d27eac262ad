/**
 * `host-network-host-port` (validatePodHostNetworkDeps): with hostNetwork a hostPort must equal its containerPort.
 */
import type { Rule } from '../../types';
import { invalid, reportPodSpec } from './_helpers/util';

export const hostNetworkHostPortRule: Rule = {
  meta: {
    id: 'host-network-host-port',
    family: 'api-validation',
    severity: 'error',
    summary: 'With hostNetwork: true, a hostPort must equal its containerPort.',
  },
  check(ctx) {
    const pod = ctx.pod;
    if (pod?.hostNetwork.kind !== 'value' || !pod.hostNetwork.value) return;
    // Only spec.containers: validatePodHostNetworkDeps does not look at init containers. An unset hostPort is
    // defaulted to the containerPort in Pods and allowed as 0 in templates.
    for (const c of pod.containers) {
      for (const p of c.ports) {
        const host = p.hostPort;
        const container = p.containerPort;
        if (host.kind !== 'value' || host.value === 0 || container.kind !== 'value' || host.value === container.value)
          continue;
        const path = [...p.path, 'hostPort'];
        reportPodSpec(ctx, {
          path,
          range: host.range,
          message: invalid(path, host.value, 'must match `containerPort` when `hostNetwork` is true'),
          fixes: [
            { title: `Change to ${container.value}`, edits: [{ range: host.range, newText: String(container.value) }] },
          ],
        });
      }
    }
  },
};
