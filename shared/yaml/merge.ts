/**
 * YAML 1.1 merge keys as kubectl reads them. go-yaml v2 (kubectl's decoder) replaces `<<: *base` (or
 * `<<: [*a, *b]`) by the pairs of the referenced maps, keys written in the map itself winning, then earlier
 * sources over later ones. The `yaml` package keeps `<<` as an ordinary key under the failsafe schema, so every
 * reader would see a field named `<<` and miss the merged ones. This rewrites each map once, after composing:
 * the `<<` pair is replaced by the merged pairs (the same nodes, so their ranges stay at the anchor).
 */
import { type Document, isAlias, isMap, isScalar, isSeq, type Node, type Pair, visit, type YAMLMap } from 'yaml';

/** How deep merges of merges are followed; anchors of anchors in real files are a level or two. */
const MAX_DEPTH = 8;

function keyOf(pair: Pair): string | undefined {
  return isScalar(pair.key) ? String(pair.key.value) : undefined;
}

function isMergePair(pair: Pair): boolean {
  return isScalar(pair.key) && pair.key.value === '<<' && pair.key.type === 'PLAIN';
}

/** Alias targets in document order: the last node anchored with the name before the alias. */
function aliasTargets(doc: Document.Parsed): Map<Node, Node | undefined> {
  const targets = new Map<Node, Node | undefined>();
  const anchors = new Map<string, Node>();
  visit(doc, {
    Node(_, node) {
      if (isAlias(node)) targets.set(node, anchors.get(node.source));
      else if (node.anchor) anchors.set(node.anchor, node);
    },
  });
  return targets;
}

/**
 * Expands every merge key of a document in place. Merge values that are not maps (or aliases of maps) are left
 * as written: go-yaml rejects them, and the schema checks report the odd key.
 * @example expandMergeKeys(parseDocument('a: &a {x: 1}\nb: {<<: *a, y: 2}\n')) // b has x and y
 */
export function expandMergeKeys(doc: Document.Parsed): void {
  const targets = aliasTargets(doc);
  const deref = (node: unknown): Node | undefined => (isAlias(node) ? targets.get(node) : (node as Node | undefined));
  const done = new Set<YAMLMap>();

  const expand = (map: YAMLMap, depth: number): void => {
    if (done.has(map) || depth > MAX_DEPTH) return;
    done.add(map);
    if (!map.items.some(isMergePair)) return;
    const sourcesOf = (pair: Pair): YAMLMap[] | undefined => {
      const value = deref(pair.value);
      const list = isSeq(value) ? value.items.map(deref) : [value];
      return list.every(isMap) ? (list as YAMLMap[]) : undefined;
    };
    if (map.items.some((p) => isMergePair(p) && !sourcesOf(p))) return;
    const present = new Set(map.items.filter((p) => !isMergePair(p)).map(keyOf));
    const items: Pair[] = [];
    for (const pair of map.items) {
      if (!isMergePair(pair)) {
        items.push(pair);
        continue;
      }
      for (const source of sourcesOf(pair) ?? []) {
        expand(source, depth + 1);
        for (const merged of source.items) {
          const key = keyOf(merged);
          if (present.has(key)) continue;
          present.add(key);
          items.push(merged);
        }
      }
    }
    map.items = items;
  };

  visit(doc, {
    Map(_, node) {
      expand(node, 0);
    },
  });
}
