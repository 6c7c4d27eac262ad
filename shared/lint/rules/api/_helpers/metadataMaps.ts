/**
 * Labels and annotations of an object's metadata as key/value entries with their ranges, for the label and
 * annotation rules.
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
