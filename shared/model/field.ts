/**
 * A field read from a manifest: absent, a value, a Helm/Go-template placeholder, or invalid (wrong type),
 * each with the ranges a diagnostic or a reveal needs. Readers never throw.
 */
import { isMap, isScalar, isSeq, type Node, type Pair, type YAMLMap } from 'yaml';
import type { Range } from '../util/range';
import { describeScalar, resolveScalar } from '../yaml/scalar';
import type { DocContext } from './nodes';

export type Field<T> =
  | { kind: 'absent' }
  | { kind: 'template'; range: Range; keyRange: Range; raw: string }
  | { kind: 'invalid'; range: Range; keyRange: Range; expected: string; got: string }
  | { kind: 'value'; value: T; range: Range; keyRange: Range };

export const ABSENT: Field<never> = { kind: 'absent' };

export function fieldValue<T>(f: Field<T>): T | undefined {
  return f.kind === 'value' ? f.value : undefined;
}

export function isPresent<T>(f: Field<T>): f is Exclude<Field<T>, { kind: 'absent' }> {
  return f.kind !== 'absent';
}

/** Range of the value if the field is present, else undefined. */
export function rangeOf(f: Field<unknown>): Range | undefined {
  return f.kind === 'absent' ? undefined : f.range;
}

export function hasTemplate(text: string): boolean {
  return text.includes('{{');
}

function describeNode(node: Node | undefined): string {
  if (!node) return 'nothing';
  if (isMap(node)) return 'a map';
  if (isSeq(node)) return 'a list';
  if (isScalar(node)) return describeScalar(resolveScalar(node));
  return 'an alias';
}

type Conv<T> = (node: Node, ctx: DocContext) => { ok: true; value: T } | { ok: false; expected: string };

function read<T>(ctx: DocContext, map: YAMLMap | undefined, key: string, conv: Conv<T>): Field<T> {
  const pair = ctx.pair(map, key);
  if (!pair) return ABSENT;
  return readPair(ctx, pair, conv);
}

/**
 * Where a present field sits. Ranges are computed on first use: a big file reads hundreds of thousands of fields
 * and only the few a diagnostic, hover or reveal needs are ever located.
 */
class Located {
  readonly #ctx: DocContext;
  readonly #keyNode: Node;
  readonly #valueNode: Node | null;
  #keyRange: Range | undefined;
  #range: Range | undefined;

  constructor(ctx: DocContext, keyNode: Node, valueNode: Node | null) {
    this.#ctx = ctx;
    this.#keyNode = keyNode;
    this.#valueNode = valueNode;
  }

  get keyRange(): Range {
    this.#keyRange ??= this.#ctx.range(this.#keyNode) as Range;
    return this.#keyRange;
  }

  /** The value's range; for `key:` with nothing after it, the empty range at the key's end. */
  get range(): Range {
    this.#range ??= this.#ctx.range(this.#valueNode ?? undefined) ?? {
      start: this.keyRange.end,
      end: this.keyRange.end,
    };
    return this.#range;
  }
}

class ValueField<T> extends Located {
  readonly kind = 'value';
  constructor(
    ctx: DocContext,
    keyNode: Node,
    valueNode: Node | null,
    readonly value: T,
  ) {
    super(ctx, keyNode, valueNode);
  }
}

class TemplateField extends Located {
  readonly kind = 'template';
  constructor(
    ctx: DocContext,
    keyNode: Node,
    valueNode: Node | null,
    readonly raw: string,
  ) {
    super(ctx, keyNode, valueNode);
  }
}

class InvalidField extends Located {
  readonly kind = 'invalid';
  constructor(
    ctx: DocContext,
    keyNode: Node,
    valueNode: Node | null,
    readonly expected: string,
    readonly got: string,
  ) {
    super(ctx, keyNode, valueNode);
  }
}

export function readPair<T>(ctx: DocContext, pair: Pair, conv: Conv<T>): Field<T> {
  const keyNode = pair.key as Node;
  const raw = pair.value as Node | null;
  const node = ctx.deref(raw);
  // `key:` with nothing after it reads as null: the API server treats it as unset.
  if (!node || (isScalar(node) && resolveScalar(node).type === 'null')) return ABSENT;
  if (isScalar(node) && typeof node.value === 'string' && hasTemplate(node.value)) {
    return new TemplateField(ctx, keyNode, raw, node.value);
  }
  const r = conv(node, ctx);
  if (r.ok) return new ValueField(ctx, keyNode, raw, r.value);
  return new InvalidField(ctx, keyNode, raw, r.expected, describeNode(node));
}

const str: Conv<string> = (node) => {
  if (!isScalar(node)) return { ok: false, expected: 'a string' };
  const s = resolveScalar(node);
  return s.type === 'string' ? { ok: true, value: s.value } : { ok: false, expected: 'a string' };
};

const int: Conv<number> = (node) => {
  if (!isScalar(node)) return { ok: false, expected: 'an integer' };
  const s = resolveScalar(node);
  if (s.type === 'int') return { ok: true, value: s.value };
  // JSON has no int/float split: 80.0 decodes into an int32 field; 80.5 does not.
  if (s.type === 'float' && Number.isInteger(s.value)) return { ok: true, value: s.value };
  return { ok: false, expected: 'an integer' };
};

const bool: Conv<boolean> = (node) => {
  if (!isScalar(node)) return { ok: false, expected: 'a boolean' };
  const s = resolveScalar(node);
  return s.type === 'bool' ? { ok: true, value: s.value } : { ok: false, expected: 'a boolean' };
};

/** IntOrString (ports in probes and hooks): an integer or a string. */
const intOrString: Conv<number | string> = (node) => {
  if (!isScalar(node)) return { ok: false, expected: 'an integer or a string' };
  const s = resolveScalar(node);
  if (s.type === 'int' || s.type === 'string') return { ok: true, value: s.value };
  return { ok: false, expected: 'an integer or a string' };
};

/** Quantity: a string or a number; the exact source text is kept so parsing stays exact (`1e3`, `0.5`). */
const quantityText: Conv<string> = (node) => {
  if (!isScalar(node)) return { ok: false, expected: 'a quantity (string or number)' };
  const s = resolveScalar(node);
  if (s.type === 'string') return { ok: true, value: s.value };
  if (s.type === 'int' || s.type === 'float') return { ok: true, value: String(node.source ?? node.value) };
  return { ok: false, expected: 'a quantity (string or number)' };
};

const strList: Conv<string[]> = (node, ctx) => {
  const seq = ctx.asSeq(node);
  if (!seq) return { ok: false, expected: 'a list of strings' };
  const out: string[] = [];
  for (const item of seq.items) {
    const n = ctx.deref(item);
    if (!isScalar(n)) return { ok: false, expected: 'a list of strings' };
    const s = resolveScalar(n);
    if (s.type !== 'string') return { ok: false, expected: 'a list of strings' };
    out.push(s.value);
  }
  return { ok: true, value: out };
};

export const readers = {
  string: (ctx: DocContext, map: YAMLMap | undefined, key: string) => read(ctx, map, key, str),
  int: (ctx: DocContext, map: YAMLMap | undefined, key: string) => read(ctx, map, key, int),
  bool: (ctx: DocContext, map: YAMLMap | undefined, key: string) => read(ctx, map, key, bool),
  intOrString: (ctx: DocContext, map: YAMLMap | undefined, key: string) => read(ctx, map, key, intOrString),
  quantity: (ctx: DocContext, map: YAMLMap | undefined, key: string) => read(ctx, map, key, quantityText),
  stringList: (ctx: DocContext, map: YAMLMap | undefined, key: string) => read(ctx, map, key, strList),
};

export const converters = { str, int, bool, intOrString, quantityText, strList };
