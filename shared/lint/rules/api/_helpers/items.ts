/**
 * List and field access for the pod-spec rules that walk nested lists (tolerations, affinity terms, sysctls, …):
 * every item of a list at a field path with its own path and range, and string/int/list reads by key. Reads follow
 * aliases and never throw; a non-map item comes back without a map so rules skip it (invalid-type reports it).
 */
import type { Node, YAMLMap } from 'yaml';
import { type Field, readers } from '../../../../model';
import type { FieldPath, Range } from '../../../../util/range';
import type { RuleContext } from '../../../types';
import { mapAt, scalarOf } from './util';

export interface ListItem {
  index: number;
  path: FieldPath;
  range: Range;
  map: YAMLMap | undefined;
  node: Node | undefined;
}

/** The items of the list under `key` in `map` (whose own path is `path`). */
export function listItems(ctx: RuleContext, map: YAMLMap | undefined, path: FieldPath, key: string): ListItem[] {
  const doc = ctx.doc.ctx;
  const seq = doc.asSeq(doc.get(map, key));
  const out: ListItem[] = [];
  seq?.items.forEach((item, index) => {
    const range = doc.range(item as Node);
    if (range) out.push({ index, path: [...path, key, index], range, map: doc.asMap(item), node: doc.deref(item) });
  });
  return out;
}

/** The items of the list at `path` (the list's own path). */
export function listAt(ctx: RuleContext, path: FieldPath): ListItem[] {
  return listItems(ctx, mapAt(ctx.doc, path.slice(0, -1)), path.slice(0, -1), String(path[path.length - 1]));
}

/** A list item's string value (`- foo`), or undefined for anything else. */
export function itemString(item: ListItem): string | undefined {
  const s = scalarOf(item.node);
  return s?.type === 'string' ? s.value : undefined;
}

export function str(ctx: RuleContext, map: YAMLMap | undefined, key: string): Field<string> {
  return readers.string(ctx.doc.ctx, map, key);
}

export function int(ctx: RuleContext, map: YAMLMap | undefined, key: string): Field<number> {
  return readers.int(ctx.doc.ctx, map, key);
}

export function bool(ctx: RuleContext, map: YAMLMap | undefined, key: string): Field<boolean> {
  return readers.bool(ctx.doc.ctx, map, key);
}

/** The string value of a field, or `fallback` when it is absent, a template or of the wrong type. */
export function valueOr<T>(f: Field<T>, fallback: T): T {
  return f.kind === 'value' ? f.value : fallback;
}

/** True when the key is present with a non-null value. */
export function isSet(ctx: RuleContext, map: YAMLMap | undefined, key: string): boolean {
  const v = ctx.doc.ctx.get(map, key);
  return v !== undefined && scalarOf(v)?.type !== 'null';
}

/** The range of `key`'s key node in `map`. */
export function keyRange(ctx: RuleContext, map: YAMLMap | undefined, key: string): Range | undefined {
  return ctx.doc.ctx.range(ctx.doc.ctx.pair(map, key)?.key as Node | undefined);
}

/** A value quoted for a one-line message, shortened so the message stays short. */
export function quote(value: string): string {
  return JSON.stringify(value.length > 40 ? `${value.slice(0, 37)}...` : value);
}
