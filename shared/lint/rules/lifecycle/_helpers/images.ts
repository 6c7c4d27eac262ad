/**
 * latest-tag, pull-policy-never and private-registry-no-pull-secret: how the kubelet will get the image
 * (the Kubernetes v1.36 kubelet pull-policy defaulting, §6 the pull decision table and image back-off). Image references
 * are read with the kubelet's own parser (../../../k8s/imageRef); unparsable ones are api-validation's.
 */
import { type ImageRef, parseImageRef } from '../../../../k8s';
import type { ContainerView } from '../../../../model';
import type { Range } from '../../../../util/range';

export function imageOf(c: ContainerView): { text: string; ref: ImageRef; range: Range } | undefined {
  if (c.image.kind !== 'value') return undefined;
  const parsed = parseImageRef(c.image.value);
  return parsed.ok ? { text: c.image.value, ref: parsed.ref, range: c.image.range } : undefined;
}
