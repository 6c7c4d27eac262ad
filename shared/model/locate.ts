/**
 * Position <-> field path inside one manifest document. `pathAt` answers "what is the cursor on" for hover and
 * completion, and stays useful on half-typed lines (no colon yet, an empty `- `, a blank indented line), which
 * is the normal state of a document being edited: the current line is read for its indentation and list dashes
 * only, and everything structural comes from the AST of the surrounding document.
 */
import { isMap, isScalar, isSeq, type Node, type Pair, type Scalar, type YAMLMap, type YAMLSeq } from 'yaml';
import type { FieldPath, Position, Range } from '../util/range';
import type { ManifestDocument } from './document';
import type { DocContext } from './nodes';

export interface Location {
  /** For a key or its value, the key's path; for a list item, the item's path; for a key being typed, the
   * owning map's path plus the typed text (possibly ''). */
  path: FieldPath;
  on: 'key' | 'value';
  /** Text of the key or value before the cursor, on the cursor's line. */
  prefix: string;
  /** The token a completion replaces: the key or value on this line, or an empty range at the cursor. */
  range: Range;
  /** Column at which the owning map's keys start. */
  indent: number;
  /** Keys already present in the owning map, except the one under the cursor (`on: 'key'` only). */
  siblings: string[];
  /** The key is followed by a colon already (an existing field, not one being typed). */
  existing: boolean;
  /** The key starts a list item: after `- ` on this line, or on an item line still missing its `- `. */
  item?: 'dash' | 'needsDash';
  /** A plain word alone on its line with no colon: a value, or the first key of a map being typed. */
  bareWord?: boolean;
}

interface Cursor {
  ctx: DocContext;
  offset: number;
  pos: Position;
  line: string;
  /** Columns of the `- ` markers that open this line. */
  dashes: number[];
  /** Column where the line's content (or, on a blank line, the cursor) starts. */
  column: number;
}

const startOf = (c: Cursor, n: Node | Pair['key']) => c.ctx.lines.positionAt((n as Node).range?.[0] ?? 0);
const lineOf = (c: Cursor, n: Node | Pair['key']) => startOf(c, n).line;
const keyText = (k: unknown) => (isScalar(k) ? String(k.value) : '');

function readCursor(doc: ManifestDocument, pos: Position): Cursor {
  const line = doc.ctx.lines.lineText(pos.line);
  const dashes: number[] = [];
  let i = 0;
  for (;;) {
    while (line[i] === ' ') i++;
    if (line[i] !== '-' || (i + 1 < line.length && line[i + 1] !== ' ')) break;
    dashes.push(i);
    i++;
  }
  const blank = line.slice(i).trim() === '';
  const afterDash = (dashes.at(-1) ?? -2) + 2;
  const column = !blank ? i : dashes.length ? Math.min(i, Math.max(pos.character, afterDash)) : pos.character;
  return { ctx: doc.ctx, offset: doc.ctx.lines.offsetAt(pos), pos, line, dashes, column };
}

/** Marks a cursor inside a comment that follows a value: there is nothing to hover or complete there. */
const IN_COMMENT = 'comment';

/** The field under a position, or undefined inside a comment, a flow collection's punctuation or an alias. */
export function pathAt(doc: ManifestDocument, pos: Position): Location | undefined {
  const c = readCursor(doc, pos);
  if (c.line.slice(c.column).startsWith('#') && pos.character > c.column) return undefined;
  const root = doc.ast.contents as Node | null;
  const hit = root ? onToken(c, root, []) : undefined;
  if (hit === IN_COMMENT) return undefined;
  if (hit) return hit;
  if (c.pos.character < c.line.length && c.line.slice(c.pos.character).trim() !== '') return undefined;
  return inMap(c, isMap(root) ? root : undefined, []);
}

function range(c: Cursor, from: number, to: number): Range {
  const start = c.ctx.lines.positionAt(from);
  const end = c.ctx.lines.positionAt(to);
  // A token that runs on to later lines (a key merged with the next line) is replaced on its first line only. That
  // line is not always the cursor's: the cursor can sit on a later line of a multi-line plain value.
  if (end.line === start.line) return { start, end };
  return { start, end: { line: start.line, character: c.ctx.lines.lineText(start.line).length } };
}

function prefixOf(c: Cursor, from: number): string {
  const start = c.ctx.lines.positionAt(from);
  return start.line === c.pos.line ? c.line.slice(start.character, c.pos.character) : '';
}

function hasColonAfter(c: Cursor, end: number): boolean {
  const text = c.ctx.lines.text;
  let i = end;
  while (text[i] === ' ' || text[i] === '\t') i++;
  return text[i] === ':';
}

type Hit = Location | typeof IN_COMMENT | undefined;

/** Phase one: the cursor is on a key, a scalar value or a list item the AST knows about. */
function onToken(c: Cursor, node: Node, path: FieldPath): Hit {
  if (isMap(node)) return onMapToken(c, node, path);
  if (isSeq(node)) {
    for (const [i, item] of node.items.entries()) {
      const n = item as Node | null;
      if (!n?.range || c.offset < n.range[0] || c.offset > n.range[1]) continue;
      if (!isScalar(n)) return onToken(c, n, [...path, i]);
      const bare = !node.flow && n.type === 'PLAIN' && lineOf(c, n) === c.pos.line && !String(n.value).includes('\n');
      return valueAt(c, n, [...path, i], bare);
    }
  }
  return undefined;
}

function onMapToken(c: Cursor, map: YAMLMap, path: FieldPath): Hit {
  for (const pair of map.items) {
    const key = pair.key as Node | null;
    const value = pair.value as Node | null;
    if (!key?.range) continue;
    const name = keyText(key);
    if (c.offset >= key.range[0] && c.offset <= key.range[1]) {
      if (lineOf(c, key) !== c.pos.line) continue;
      const oneLine = c.ctx.lines.positionAt(key.range[1]).line === c.pos.line;
      const existing = oneLine && hasColonAfter(c, key.range[1]);
      const typed = existing ? name : firstLineOf(c, key);
      return {
        path: [...path, typed],
        on: 'key',
        prefix: prefixOf(c, key.range[0]),
        range: range(c, key.range[0], key.range[1]),
        indent: startOf(c, key).character,
        siblings: siblingsOf(c, map, pair),
        existing,
      };
    }
    if (!value?.range) {
      if (lineOf(c, key) === c.pos.line && c.offset > key.range[1]) return valueAt(c, undefined, [...path, name]);
      continue;
    }
    if (!isScalar(value)) {
      if (c.offset >= value.range[0] && c.offset <= value.range[1]) {
        const inner = onToken(c, value, [...path, name]);
        if (inner) return inner;
      }
      if (lineOf(c, key) === c.pos.line && c.offset > key.range[1] && c.offset < value.range[0]) {
        return valueAt(c, undefined, [...path, name]);
      }
      continue;
    }
    const keyLine = lineOf(c, key);
    // The node's third offset runs to the end of its trailing comment.
    if (value.comment && c.offset > value.range[1] && c.offset <= value.range[2] && lineOf(c, value) === c.pos.line) {
      return IN_COMMENT;
    }
    const inBlock = value.type === 'BLOCK_LITERAL' || value.type === 'BLOCK_FOLDED';
    const within = c.offset >= value.range[0] && c.offset <= value.range[1];
    if (within && inBlock && c.pos.line > keyLine && c.column <= startOf(c, key).character) continue;
    if (within || (keyLine === c.pos.line && c.offset > key.range[1] && c.offset < value.range[0])) {
      const onValueLine = within && lineOf(c, value) === c.pos.line;
      // A word on the line below `key:` reads as the key's value, but it is usually a child key being typed.
      const bare = onValueLine && keyLine !== c.pos.line && value.type === 'PLAIN';
      return valueAt(c, within ? value : undefined, [...path, name], bare);
    }
  }
  return undefined;
}

function firstLineOf(c: Cursor, key: Node): string {
  return prefixOf(c, key.range?.[0] ?? 0) + c.line.slice(c.pos.character).trimEnd();
}

function valueAt(c: Cursor, value: Scalar | undefined, path: FieldPath, bare = false): Location {
  const quoted = value?.type === 'QUOTE_DOUBLE' || value?.type === 'QUOTE_SINGLE';
  const from = value?.range ? value.range[0] + (quoted ? 1 : 0) : c.offset;
  const to = value?.range ? Math.max(from, value.range[1] - (quoted ? 1 : 0)) : c.offset;
  const tokenStart = Math.min(from, c.offset);
  return {
    path,
    on: 'value',
    prefix: value ? prefixOf(c, tokenStart) : '',
    range: value ? range(c, tokenStart, to) : range(c, c.offset, c.offset),
    indent: value?.range ? startOf(c, value).character : c.column,
    siblings: [],
    existing: true,
    ...(bare && { bareWord: true }),
  };
}

/** Keys of a map, minus the one under the cursor; a key merged with the line after the cursor's keeps its tail. */
function siblingsOf(c: Cursor, map: YAMLMap, skip?: Pair): string[] {
  const out: string[] = [];
  for (const pair of map.items) {
    const key = pair.key as Node | null;
    if (!key?.range || !isScalar(key)) continue;
    const start = startOf(c, key);
    const end = c.ctx.lines.positionAt(key.range[1]);
    if (pair !== skip && start.line !== c.pos.line) out.push(String(key.value));
    else if (end.line > c.pos.line) out.push(c.ctx.lines.lineText(end.line).slice(0, end.character).trim());
  }
  return out;
}

function keySlot(c: Cursor, path: FieldPath, siblings: string[], item?: Location['item']): Location {
  const word = trailingWord(c.line.slice(c.column, Math.max(c.column, c.pos.character)));
  const start = { line: c.pos.line, character: c.pos.character - word.length };
  return {
    path: [...path, word],
    on: 'key',
    prefix: word,
    range: { start, end: { line: c.pos.line, character: c.pos.character } },
    indent: c.column,
    siblings,
    existing: false,
    ...(item && { item }),
  };
}

const lineIndent = (c: Cursor) => c.dashes[0] ?? c.column;

/** Phase two: a blank or half-typed line. Its owner is found by indentation, descending from the root. */
function inMap(c: Cursor, map: YAMLMap | undefined, path: FieldPath): Location {
  const first = map?.items[0]?.key as Node | undefined;
  if (!map || !first?.range || map.flow) return keySlot(c, path, map && !map.flow ? siblingsOf(c, map) : []);
  const column = startOf(c, first).character;
  const before = map.items.filter((p) => (p.key as Node | null)?.range && lineOf(c, p.key) < c.pos.line).at(-1);
  if (!before || lineIndent(c) < column) return keySlot(c, path, siblingsOf(c, map));
  if (lineIndent(c) === column && c.dashes.length === 0) return keySlot(c, path, siblingsOf(c, map));
  const key = keyText(before.key);
  const value = before.value as Node | null;
  if (isSeq(value) && !value.flow && lineIndent(c) >= startOf(c, value).character) {
    return inSeq(c, value, [...path, key]);
  }
  if (isMap(value) && !value.flow && lineIndent(c) > column) return inMap(c, value, [...path, key]);
  if (!value || (isScalar(value) && value.source === '')) {
    return c.dashes.length > 0 ? keySlot(c, [...path, key, 0], [], 'dash') : keySlot(c, [...path, key], []);
  }
  return keySlot(c, path, siblingsOf(c, map));
}

function inSeq(c: Cursor, seq: YAMLSeq, path: FieldPath): Location {
  const column = startOf(c, seq).character;
  const items = seq.items as (Node | null)[];
  const before = items.filter((n) => n?.range && lineOf(c, n) < c.pos.line).length;
  const dashed = c.dashes[0] === column;
  if (dashed || lineIndent(c) === column) {
    const onLine = items.findIndex((n) => n?.range && lineOf(c, n) === c.pos.line);
    const index = onLine === -1 ? before : onLine;
    return keySlot(c, [...path, index], [], dashed ? 'dash' : 'needsDash');
  }
  const last = items[before - 1];
  if (isMap(last) && !last.flow) return inMap(c, last, [...path, before - 1]);
  if (isSeq(last) && !last.flow) return inSeq(c, last, [...path, before - 1]);
  return keySlot(c, [...path, Math.max(0, before - 1)], []);
}

/** Ranges of the node at a path: its key (for a map entry) and its value (the key's end when the value is empty). */
export function nodeAtPath(doc: ManifestDocument, path: FieldPath): { keyRange?: Range; range: Range } | undefined {
  const ctx = doc.ctx;
  let node: Node | undefined = doc.ast.contents ?? undefined;
  let keyRange: Range | undefined;
  for (const seg of path) {
    keyRange = undefined;
    if (typeof seg === 'number') {
      node = ctx.asSeq(node)?.items[seg] as Node | undefined;
      continue;
    }
    const pair = ctx.pair(ctx.asMap(node), seg);
    if (!pair) return undefined;
    keyRange = ctx.range(pair.key as Node);
    node = ctx.deref(pair.value);
  }
  // `key:` with no value at all: the value's place is right after the key.
  if (!node && keyRange) return { keyRange, range: { start: keyRange.end, end: keyRange.end } };
  const range = ctx.range(node);
  return range ? { ...(keyRange && { keyRange }), range } : undefined;
}

const WORD_CHAR = /[\w./-]/;

/**
 * The key-like word that ends `text`. A backwards scan, not `/[\w./-]*$/`: that regex retries from every start
 * position and is quadratic, which a single long line (minified JSON, a pasted blob) turns into a hang.
 */
export function trailingWord(text: string): string {
  let i = text.length;
  while (i > 0 && WORD_CHAR.test(text[i - 1] as string)) i--;
  return text.slice(i);
}
