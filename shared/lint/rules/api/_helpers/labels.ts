/**
 * Labels and annotations (ValidateLabels, ValidateAnnotations, ValidatePodSpecificAnnotations). `invalid-label`:
 * keys are qualified names (upper case allowed in the name part), values at most 63 characters of the label
 * alphabet (empty is fine), in metadata.labels, the template's labels, spec.nodeSelector and a selector's
 * matchLabels; the API reports them on the map path (`metadata.labels: Invalid value: "bad key": …`).
 * `invalid-annotation`: keys are qualified names after lower-casing, all keys and values together at most 256 KiB,
 * and `controller.kubernetes.io/pod-deletion-cost` a 32-bit integer.
 */
import type { MetadataView } from '../../../../model';
import type { FieldPath, Range } from '../../../../util/range';

export interface StringMap {
  path: FieldPath;
  entries: { key: string; keyRange: Range; value?: string; valueRange?: Range }[];
}

export function fromMetadata(meta: MetadataView, key: 'labels' | 'annotations'): StringMap {
  const entries: StringMap['entries'] = [];
  for (const [k, v] of meta[key]) {
    entries.push({
      key: k,
      keyRange: v.keyRange,
      ...(v.value.kind === 'value' && { value: v.value.value, valueRange: v.value.range }),
    });
  }
  return { path: [...meta.path, key], entries };
}
