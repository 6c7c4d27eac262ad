/** Reads a kustomization file and lists the files it names as patches (their documents are partial objects). */
import { isMap, isScalar, isSeq, parseDocument } from 'yaml';

export const KUSTOMIZATION_FILES = ['kustomization.yaml', 'kustomization.yml', 'Kustomization'];

/**
 * Relative paths of patch files named by a kustomization: `patchesStrategicMerge` entries and `path` of
 * `patches` / `patchesJson6902` entries (inline patches have no file).
 * @example kustomizationPatchPaths('patches:\n- path: ha.yaml\n') // ['ha.yaml']
 */
export function kustomizationPatchPaths(text: string): string[] {
  let doc: ReturnType<typeof parseDocument>;
  try {
    // Duplicate keys do not matter here, and `yaml`'s check for them is quadratic in a map's size.
    doc = parseDocument(text, { schema: 'failsafe', prettyErrors: false, uniqueKeys: false });
  } catch {
    // `yaml` throws only on input nested deep enough to exhaust the stack: such a file names no patches we can read.
    return [];
  }
  const root = doc.contents;
  if (!isMap(root)) return [];
  const out: string[] = [];
  for (const pair of root.items) {
    const key = isScalar(pair.key) ? String(pair.key.value) : '';
    if (!isSeq(pair.value)) continue;
    for (const item of pair.value.items) {
      if (key === 'patchesStrategicMerge' && isScalar(item) && typeof item.value === 'string') {
        // entries may also be inline YAML patches; only single-line values are file names
        if (!item.value.includes('\n')) out.push(item.value);
      } else if ((key === 'patches' || key === 'patchesJson6902') && isMap(item)) {
        const p = item.get('path');
        if (typeof p === 'string') out.push(p);
      }
    }
  }
  return out;
}
