/**
 * The volume half of a "volume + mount" snippet: an edit that adds an emptyDir volume to the pod spec, placed
 * where it cannot overlap the mount being inserted at the cursor: after the last existing volume, or, with no
 * `volumes` yet, just above the container list key that holds the cursor.
 */
import type { TextEdit } from 'vscode-languageserver';
import { nodeAtPath } from '../../../shared/model';
import type { KeySlot } from './slot';

/** A volume name no volume of the pod uses yet: `data`, then `data-2`, ... */
function freeName(taken: Set<string>): string {
  if (!taken.has('data')) return 'data';
  let i = 2;
  while (taken.has(`data-${i}`)) i++;
  return `data-${i}`;
}

export function volumeEdit(slot: KeySlot): { name: string; edit: TextEdit } | undefined {
  const doc = slot.doc;
  const pod = doc?.pod;
  if (!doc || !pod) return undefined;
  const list = slot.owner[pod.specPath.length];
  const listKey =
    list === 'initContainers' ? pod.initContainersKeyRange : list === 'containers' ? pod.containersKeyRange : undefined;
  if (!listKey) return undefined;
  const name = freeName(new Set(pod.volumes.flatMap((v) => (v.name.kind === 'value' ? [v.name.value] : []))));
  const volumes = nodeAtPath(doc, [...pod.specPath, 'volumes']);
  if (!volumes) {
    const ind = ' '.repeat(listKey.start.character);
    const text = `${ind}volumes:\n${ind}  - name: ${name}\n${ind}    emptyDir: {}\n`;
    const at = { line: listKey.start.line, character: 0 };
    return { name, edit: { range: { start: at, end: at }, newText: text } };
  }
  // Only a block list of volumes can take another item; `volumes: []` or `volumes:` alone is left alone.
  if (pod.volumes.length === 0 || volumes.range.start.line === volumes.keyRange?.start.line) return undefined;
  const ind = ' '.repeat(volumes.range.start.character);
  const item = `${ind}- name: ${name}\n${ind}  emptyDir: {}`;
  const end = volumes.range.end;
  if (end.character === 0) return { name, edit: { range: { start: end, end }, newText: `${item}\n` } };
  return { name, edit: { range: { start: end, end }, newText: `\n${item}` } };
}
