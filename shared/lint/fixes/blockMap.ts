/**
 * Edits that add entries to a block map in the user's own layout: new keys go at the column of the map's
 * existing keys, nested keys one indentation unit deeper (the unit the document already uses, 2 or 4 spaces),
 * and the new lines go after the last line of the previous entry, so trailing comments stay on their lines.
 * Flow maps (`{a: 1}`), maps reached through an alias, and anything that cannot be placed safely get no edit:
 * no fix is better than a fix that breaks the YAML.
 */
import { isAlias, isMap, isScalar, isSeq, type Node, type Pair, visit, type YAMLMap } from 'yaml';
import type { DocContext } from '../../model';
import type { FieldPath } from '../../util/range';
import type { TextEdit } from '../types';
import { eolOf } from './text';

/** Entries to insert: a scalar is YAML text written as is (the caller quotes it); a nested object is a block map. */
export interface YamlBlock {
  [key: string]: string | YamlBlock;
}

const DEFAULT_UNIT = 2;
const units = new WeakMap<object, number>();

/** The indentation step of the document: the first nested block map's key offset from its parent key. */
export function indentUnit(ctx: DocContext): number {
  const cached = units.get(ctx.doc);
  if (cached !== undefined) return cached;
  let unit = DEFAULT_UNIT;
  visit(ctx.doc, {
    Pair(_, pair) {
      const value = pair.value;
      if (!isMap(value) || value.flow || !isScalar(pair.key)) return undefined;
      const child = value.items[0]?.key;
      if (!isScalar(child) || !pair.key.range || !child.range) return undefined;
      const parentCol = ctx.lines.positionAt(pair.key.range[0]).character;
      const childCol = ctx.lines.positionAt(child.range[0]).character;
      if (childCol > parentCol) {
        unit = childCol - parentCol;
        return visit.BREAK;
      }
      return undefined;
    },
  });
  units.set(ctx.doc, unit);
  return unit;
}

/**
 * The block map at `path` (keys and list indices), following no aliases: editing an anchored map would change
 * every place that uses it.
 */
export function blockMapAt(ctx: DocContext, path: FieldPath): YAMLMap | undefined {
  let cur: unknown = ctx.doc.contents;
  for (const seg of path) {
    if (isAlias(cur)) return undefined;
    if (typeof seg === 'number') {
      cur = isSeq(cur) ? cur.items[seg] : undefined;
    } else {
      cur = isMap(cur) ? ctx.pair(cur, seg)?.value : undefined;
    }
    if (cur === undefined || cur === null) return undefined;
  }
  return isMap(cur) && !cur.flow ? cur : undefined;
}

/** Renders entries as block lines starting at `column`. */
export function renderBlock(entries: YamlBlock, column: number, unit: number): string[] {
  const pad = ' '.repeat(column);
  const out: string[] = [];
  for (const [key, value] of Object.entries(entries)) {
    if (typeof value === 'string') {
      out.push(`${pad}${key}: ${value}`);
    } else {
      out.push(`${pad}${key}:`);
      out.push(...renderBlock(value, column + unit, unit));
    }
  }
  return out;
}

/** The deepest last node of a value: where its text ends. */
function lastLeaf(node: unknown): unknown {
  let cur = node;
  for (;;) {
    if (isMap(cur) || isSeq(cur)) {
      if (cur.flow || cur.items.length === 0) return cur;
      const last = cur.items[cur.items.length - 1] as unknown;
      cur = isMap(cur) ? ((last as Pair).value ?? (last as Pair).key) : last;
    } else {
      return cur;
    }
  }
}

/**
 * File line holding the last character of a pair's text, or undefined when new lines cannot follow it
 * without changing a value (a keep-chomped block scalar whose trailing blank lines belong to it).
 */
function lastLineOf(ctx: DocContext, pair: Pair): number | undefined {
  const leaf = lastLeaf(pair.value ?? pair.key);
  if (
    isScalar(leaf) &&
    (leaf.type === 'BLOCK_LITERAL' || leaf.type === 'BLOCK_FOLDED') &&
    String(leaf.value).endsWith('\n\n')
  ) {
    return undefined;
  }
  const node = (pair.value ?? pair.key) as Node | null;
  const end = node?.range?.[1];
  if (end === undefined) return undefined;
  const text = ctx.lines.text;
  let i = end;
  while (i > 0 && /\s/.test(text[i - 1] as string)) i--;
  return ctx.lines.positionAt(Math.max(0, i - 1)).line;
}

/** Column of a block map's keys. */
function keyColumn(ctx: DocContext, map: YAMLMap): number | undefined {
  const key = map.items[0]?.key as Node | undefined;
  const start = key?.range?.[0];
  return start === undefined ? undefined : ctx.lines.positionAt(start).character;
}

/** An edit inserting `entries` as new lines right after `after` (a pair of `map`), at the map's key column. */
export function insertAfterPair(ctx: DocContext, map: YAMLMap, after: Pair, entries: YamlBlock): TextEdit | undefined {
  if (map.flow) return undefined;
  const column = keyColumn(ctx, map);
  const line = lastLineOf(ctx, after);
  if (column === undefined || line === undefined) return undefined;
  const eol = eolOf(ctx.lines);
  const at = { line, character: ctx.lines.lineText(line).length };
  const lines = renderBlock(entries, column, indentUnit(ctx));
  return { range: { start: at, end: at }, newText: eol + lines.join(eol) };
}

/** An edit appending `entries` at the end of a block map. */
export function appendToMap(ctx: DocContext, map: YAMLMap, entries: YamlBlock): TextEdit | undefined {
  const last = map.items[map.items.length - 1];
  return last ? insertAfterPair(ctx, map, last as Pair, entries) : undefined;
}

/** An edit replacing a node's text (its value only, not a trailing comment). */
export function replaceNode(ctx: DocContext, node: Node, newText: string): TextEdit | undefined {
  const range = ctx.range(node);
  return range ? { range, newText } : undefined;
}
