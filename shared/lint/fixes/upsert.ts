/**
 * Adds a nested block under a key of a block map, whatever the key holds now: nothing (the key is appended),
 * `key:` with no value or `key: {}` (the empty value is replaced by the block), or a block map (the entries
 * are appended to it). Any other shape gets no edit.
 */
import { isMap, isScalar, type Node, type Pair, type YAMLMap } from 'yaml';
import type { DocContext } from '../../model';
import type { TextEdit } from '../types';
import { appendToMap, indentUnit, renderBlock, type YamlBlock } from './blockMap';
import { eolOf } from './text';

function isEmptyValue(value: unknown): boolean {
  if (value === null || value === undefined) return true;
  if (isScalar(value)) return value.value === null || value.value === '' || value.value === '~';
  return isMap(value) && value.flow === true && value.items.length === 0;
}

/** Replaces `key: {}` / `key:` with `key:` followed by the block on the next lines. */
function fillEmpty(ctx: DocContext, pair: Pair, entries: YamlBlock): TextEdit | undefined {
  const key = pair.key as Node;
  const keyRange = key.range;
  if (!keyRange) return undefined;
  const valueEnd = (pair.value as Node | null)?.range?.[1] ?? keyRange[1] + 1;
  const between = ctx.lines.text.slice(keyRange[1], valueEnd);
  // Only `:` and the empty value itself may be replaced; anything else (a comment, a tag) stays untouched.
  if (!/^[ \t]*:[ \t]*(\{[ \t]*\}|~|null|Null|NULL)?$/.test(between)) return undefined;
  const column = ctx.lines.positionAt(keyRange[0]).character + indentUnit(ctx);
  const eol = eolOf(ctx.lines);
  return {
    range: { start: ctx.lines.positionAt(keyRange[1]), end: ctx.lines.positionAt(valueEnd) },
    newText: `:${eol}${renderBlock(entries, column, indentUnit(ctx)).join(eol)}`,
  };
}

/** An edit that puts `entries` under `key` of a block map. */
export function upsertBlock(ctx: DocContext, map: YAMLMap, key: string, entries: YamlBlock): TextEdit | undefined {
  if (map.flow) return undefined;
  const pair = ctx.pair(map, key);
  if (!pair) return appendToMap(ctx, map, { [key]: entries });
  if (isEmptyValue(pair.value)) return fillEmpty(ctx, pair, entries);
  const value = pair.value;
  return isMap(value) && !value.flow ? appendToMap(ctx, value, entries) : undefined;
}
