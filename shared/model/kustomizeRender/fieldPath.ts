/**
 * Field paths as kustomize's replacements write them (kyaml's SmarterPathSplitter and PathMatcher):
 * dot-separated keys, where `[name=app]` picks the list items whose `name` is `app`, `*` every item or value, and
 * a number one list item. Dots inside brackets do not split.
 */
import { get, type Origin, type RNode } from './tree';

export function splitPath(path: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let current = '';
  for (const c of path) {
    if (c === '[') depth++;
    if (c === ']') depth = Math.max(0, depth - 1);
    if (c === '.' && depth === 0) {
      out.push(current);
      current = '';
    } else current += c;
  }
  out.push(current);
  return out;
}

function matchOf(segment: string): { key: string; value: string } | undefined {
  const m = /^\[([^=\]]+)=([^\]]*)\]$/.exec(segment);
  return m ? { key: m[1] as string, value: m[2] as string } : undefined;
}

const text = (node: RNode | undefined) =>
  node?.kind === 'scalar' && node.value !== null ? String(node.value) : undefined;

/** The nodes a path reaches; with `create`, missing keys and `[k=v]` items are added along the way. */
export function nodesAt(root: RNode, segments: readonly string[], create?: Origin): RNode[] {
  let current: RNode[] = [root];
  segments.forEach((segment, i) => {
    const last = i === segments.length - 1;
    const next: RNode[] = [];
    for (const node of current) {
      const match = matchOf(segment);
      if (segment === '*') {
        if (node.kind === 'seq') next.push(...node.items);
        else if (node.kind === 'map') next.push(...node.entries.map((e) => e.value));
      } else if (match) {
        if (node.kind !== 'seq') continue;
        const found = node.items.filter((item) => text(get(item, match.key)) === match.value);
        if (found.length === 0 && create) {
          const item: RNode = {
            kind: 'map',
            entries: [
              {
                key: match.key,
                keyOrigin: create,
                value: { kind: 'scalar', value: match.value, origin: create },
              },
            ],
            origin: create,
          };
          node.items.push(item);
          found.push(item);
        }
        next.push(...found);
      } else if (node.kind === 'seq' && /^\d+$/.test(segment)) {
        const item = node.items[Number(segment)];
        if (item) next.push(item);
      } else if (node.kind === 'map') {
        const value = get(node, segment);
        if (value) next.push(value);
        else if (create) {
          const made: RNode = last
            ? { kind: 'scalar', value: null, origin: create }
            : { kind: 'map', entries: [], origin: create };
          node.entries.push({ key: segment, keyOrigin: create, value: made });
          next.push(made);
        }
      }
    }
    current = next;
  });
  return current;
}
