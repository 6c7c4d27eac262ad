/**
 * Where a probe timing finding points: the written field, or the probe's key when the value is the API default.
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
