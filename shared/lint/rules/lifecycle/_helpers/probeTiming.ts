/**
 * probe-timeout-exceeds-period and liveness-kills-slow-start: the probe worker's timing (the Kubernetes v1.36 kubelet),
 * always on the numbers after API defaulting (../../../k8s/probeDefaults: 0 or missing takes the default).
 */
import type { ProbeView } from '../../../../model';
import type { Range } from '../../../../util/range';

/** A probe number's own range when it is written, else the probe key. */
export function siteOf(probe: ProbeView, field: 'timeoutSeconds' | 'periodSeconds' | 'initialDelaySeconds') {
  const f = probe[field];
  return f.kind === 'value'
    ? { range: f.range as Range, path: [...probe.path, field] }
    : { range: probe.keyRange, path: [...probe.path] };
}
