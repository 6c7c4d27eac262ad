/**
 * The repeats in a list, as validation finds them: the first item with a key is fine, every later one with the same
 * key is a duplicate of it. Rules report the repeat and point at the first (`related`), as the API server reports
 * the later entry.
 */
import type { Field } from '../../model';

/** A key compared by its text: a string, or a field's value with the range a finding points at. */
type Key = string | { value: string };

export interface Repeat<T, K extends Key> {
  /** The earlier item with the same key. */
  first: T;
  /** This item's key and the first item's. */
  key: K;
  firstKey: K;
}

const textOf = (k: Key) => (typeof k === 'string' ? k : k.value);

/**
 * Every item whose key an earlier item already had, with that first item, in list order. Items without a key
 * (`keyOf` answers undefined: unset, empty or invalid values) are never duplicates and never count as a first.
 */
export function duplicates<T, K extends Key>(
  items: Iterable<T>,
  keyOf: (item: T) => K | undefined,
): Map<T, Repeat<T, K>> {
  const firsts = new Map<string, { item: T; key: K }>();
  const repeats = new Map<T, Repeat<T, K>>();
  for (const item of items) {
    const key = keyOf(item);
    if (key === undefined) continue;
    const earlier = firsts.get(textOf(key));
    if (earlier === undefined) firsts.set(textOf(key), { item, key });
    else repeats.set(item, { first: earlier.item, key, firstKey: earlier.key });
  }
  return repeats;
}

/** A string field that holds a non-empty value (the key most duplicate checks compare), else undefined. */
export function nonEmptyValue(f: Field<string>): Extract<Field<string>, { kind: 'value' }> | undefined {
  return f.kind === 'value' && f.value !== '' ? f : undefined;
}
