/**
 * What the LimitRanges of the pod's namespace do to its resources, for the hover: the requests and limits the
 * LimitRanger plug-in fills in (plugin/pkg/admission/limitranger/admission.go, v1.36), each with the LimitRange and
 * file it comes from, and its refusal when the pod breaks one. The totals and QoS class after these lines are
 * computed with the defaults in place.
 */
import { defaultsOf, type LimitRangerResult } from '../k8s/admission/limitRanger';
import { serializeQuantity } from '../k8s/quantity';
import type { ContainerView } from '../model';
import { code } from './text';

/** One line per filled-in value (of one container, or of every container), then the refusal if any. */
export function limitRangeLines(result: LimitRangerResult, c?: ContainerView): string[] {
  const defaults = c ? defaultsOf(result, c) : result.defaults;
  const lines = defaults.map((d) => {
    const who = c
      ? ''
      : ` in ${d.container.name.kind === 'value' ? `container "${d.container.name.value}"` : 'a container'}`;
    return (
      `${code(`${d.list}.${d.resource}`)} not set${who}: from LimitRange ${code(d.limitRange.name)} ` +
      `(${d.limitRange.location.uri}), ${code(serializeQuantity(d.value))}`
    );
  });
  if (lines.length > 0) lines.push('The totals and QoS class below include these LimitRange defaults.');
  if (result.rejection)
    lines.push(`LimitRange ${code(result.rejection.limitRange.name)} refuses this pod: ${result.rejection.message}`);
  return lines;
}
