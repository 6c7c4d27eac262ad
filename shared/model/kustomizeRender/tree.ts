/**
 * The object tree a kustomize render works on: plain YAML values where every node remembers the text that
 * produced it (file and range), so findings on the rendered object can be reported where the user wrote the value.
 */
import { isMap, isScalar, isSeq, type Node, parseAllDocuments } from 'yaml';
import type { Position, Range } from '../../util/range';
import { LineIndex } from '../../yaml/lineIndex';

/** Where a rendered value comes from: a range in a file the resolver gave (path as the resolver spells it). */
export interface Origin {
  path: string;
  range: Range;
}

export type RNode = RMap | RSeq | RScalar;
export interface REntry {
  key: string;
  keyOrigin: Origin;
  value: RNode;
}
export interface RMap {
  kind: 'map';
  entries: REntry[];
  origin: Origin;
}
export interface RSeq {
  kind: 'seq';
  items: RNode[];
  origin: Origin;
}
export interface RScalar {
  kind: 'scalar';
  value: string | number | boolean | null;
  origin: Origin;
}

/** Offset in a parsed text -> position in the file that holds it (an inline patch sits inside kustomization.yaml). */
export type PositionOf = (offset: number) => Position;

export function positionsOf(text: string): PositionOf {
  const index = new LineIndex(text);
  return (offset) => index.positionAt(offset);
}

function originOf(node: Node, path: string, pos: PositionOf): Origin {
  const [start, end] = node.range ?? [0, 0];
  return { path, range: { start: pos(start), end: pos(end) } };
}

function scalarOf(value: unknown): RScalar['value'] {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  return String(value);
}

/** Converts one parsed YAML node; aliases and tags are read as their plain values. */
export function fromYaml(node: unknown, path: string, pos: PositionOf, fallback: Origin): RNode {
  if (isMap(node)) {
    const entries: REntry[] = [];
    for (const pair of node.items) {
      const key = isScalar(pair.key) ? String(pair.key.value) : undefined;
      if (key === undefined || entries.some((e) => e.key === key)) continue;
      const keyOrigin = originOf(pair.key as Node, path, pos);
      const value = fromYaml(pair.value, path, pos, keyOrigin);
      entries.push({ key, keyOrigin, value });
    }
    return { kind: 'map', entries, origin: originOf(node, path, pos) };
  }
  if (isSeq(node)) {
    const origin = originOf(node, path, pos);
    return { kind: 'seq', items: node.items.map((i) => fromYaml(i, path, pos, origin)), origin };
  }
  if (isScalar(node)) return { kind: 'scalar', value: scalarOf(node.value), origin: originOf(node, path, pos) };
  return { kind: 'scalar', value: null, origin: fallback };
}

/**
 * Every document of a text as trees; empty documents are skipped, and so are documents with syntax errors, for
 * which `onBroken` is called (kustomize fails the build on them).
 */
export function parseTrees(
  text: string,
  path: string,
  pos: PositionOf = positionsOf(text),
  onBroken: () => void = () => undefined,
): RNode[] {
  let docs: ReturnType<typeof parseAllDocuments>;
  try {
    docs = parseAllDocuments(text, { prettyErrors: false, uniqueKeys: false });
  } catch {
    // `yaml` throws only on input nested deep enough to exhaust the stack: such a file renders nothing.
    onBroken();
    return [];
  }
  if (!Array.isArray(docs)) return [];
  const none: Origin = { path, range: { start: pos(0), end: pos(0) } };
  if (docs.some((d) => d.errors.length > 0)) onBroken();
  return docs
    .filter((d) => d.errors.length === 0 && d.contents !== null)
    .map((d) => fromYaml(d.contents, path, pos, none));
}

export function get(node: RNode | undefined, key: string): RNode | undefined {
  return node?.kind === 'map' ? node.entries.find((e) => e.key === key)?.value : undefined;
}

export function getIn(node: RNode | undefined, keys: readonly string[]): RNode | undefined {
  return keys.reduce<RNode | undefined>((n, k) => get(n, k), node);
}

export function str(node: RNode | undefined): string | undefined {
  return node?.kind === 'scalar' && node.value !== null ? String(node.value) : undefined;
}

/** Sets `key` in a map, keeping the key's place (and its origin) when it exists. */
export function put(map: RMap, key: string, value: RNode, keyOrigin: Origin = value.origin): void {
  const entry = map.entries.find((e) => e.key === key);
  if (entry) entry.value = value;
  else map.entries.push({ key, keyOrigin, value });
}

/** The map at `keys` under `node`, created (with `origin`) where missing; undefined when a non-map is in the way. */
export function ensureMap(node: RNode, keys: readonly string[], origin: Origin): RMap | undefined {
  let at: RNode = node;
  for (const key of keys) {
    if (at.kind !== 'map') return undefined;
    let next = get(at, key);
    if (next === undefined || (next.kind === 'scalar' && next.value === null)) {
      next = { kind: 'map', entries: [], origin };
      put(at, key, next, origin);
    }
    at = next;
  }
  return at.kind === 'map' ? at : undefined;
}

export function clone(node: RNode): RNode {
  if (node.kind === 'map') return { ...node, entries: node.entries.map((e) => ({ ...e, value: clone(e.value) })) };
  if (node.kind === 'seq') return { ...node, items: node.items.map(clone) };
  return { ...node };
}
