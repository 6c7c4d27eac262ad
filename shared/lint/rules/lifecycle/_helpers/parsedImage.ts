/**
 * A container's image parsed with the kubelet's own reference parser (../../../../k8s/imageRef); unparsable ones are
 * left to api-validation, so the image rules skip them.
 */
import { type ImageRef, parseImageRef } from '../../../../k8s';
import type { ContainerView } from '../../../../model';
import type { Range } from '../../../../util/range';

export function imageOf(c: ContainerView): { text: string; ref: ImageRef; range: Range } | undefined {
  if (c.image.kind !== 'value') return undefined;
  const parsed = parseImageRef(c.image.value);
  return parsed.ok ? { text: c.image.value, ref: parsed.ref, range: c.image.range } : undefined;
}
