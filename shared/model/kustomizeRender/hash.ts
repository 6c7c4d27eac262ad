/**
 * The name suffix kustomize gives a generated ConfigMap or Secret (api/hasher/hasher.go, kustomize v5): the
 * sha256 of a JSON encoding of the object's kind, data (and type, binaryData, stringData), whose first ten
 * hex digits have 0, 1, 3, a and e swapped for letters so the suffix never reads as a number or a word.
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import { get, getIn, type RNode, str } from './tree';

/** A JSON value as Go's encoding/json writes it: map keys sorted, and <, >, &, U+2028, U+2029 escaped. */
export type GoJson = string | number | boolean | null | GoJson[] | { [key: string]: GoJson };

const GO_ESCAPED = /[<>&\u2028\u2029]/g;

export function goJson(value: GoJson): string {
  if (typeof value === 'string')
    return JSON.stringify(value).replace(GO_ESCAPED, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(goJson).join(',')}]`;
  const keys = Object.keys(value).sort();
  return `{${keys.map((k) => `${goJson(k)}:${goJson(value[k] as GoJson)}`).join(',')}}`;
}

/** A tree as JSON (the `vn.MarshalJSON()` the hasher reads a map with). */
function toJson(node: RNode): GoJson {
  if (node.kind === 'scalar') return node.value;
  if (node.kind === 'seq') return node.items.map(toJson);
  return Object.fromEntries(node.entries.map((e) => [e.key, toJson(e.value)]));
}

/** getNodeValues in hasher.go: a missing field is the empty string, a map its JSON, a scalar its text. */
function field(object: RNode, keys: readonly string[]): GoJson {
  const node = getIn(object, keys);
  if (node === undefined) return '';
  return node.kind === 'scalar' ? (str(node) ?? '') : toJson(node);
}

const isMap = (v: GoJson) => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The text the hasher hashes for a ConfigMap or a Secret (encodeConfigMap, encodeSecret). */
export function hashInput(object: RNode): string {
  const kind = str(get(object, 'kind'));
  // hasher.go looks the name up as yaml.Lookup("metadata/name"): one key spelled with the slash, which no
  // object has, so the name hashes as "" (kustomize v5.5 names `literals: [MODE=fast]` api-config-7kcm455446,
  // the hash of {"data":{"MODE":"fast"},"kind":"ConfigMap","name":""}).
  const name = field(object, ['metadata/name']);
  const m: Record<string, GoJson> = {
    kind: kind === 'Secret' ? 'Secret' : 'ConfigMap',
    name,
    data: field(object, ['data']),
  };
  if (kind === 'Secret') {
    m.type = field(object, ['type']);
    const stringData = field(object, ['stringData']);
    if (isMap(stringData)) m.stringData = stringData;
  } else {
    const binaryData = field(object, ['binaryData']);
    if (isMap(binaryData)) m.binaryData = binaryData;
  }
  return goJson(m);
}

/** encode() in hasher.go: the first ten hex digits with the letters that make it unreadable as a word. */
export function encodeHash(hex: string): string {
  const swap: Record<string, string> = { '0': 'g', '1': 'h', '3': 'k', a: 'm', e: 't' };
  return [...hex.slice(0, 10)].map((c) => swap[c] ?? c).join('');
}

/** The suffix kustomize appends (after a `-`) to a generated ConfigMap's or Secret's name. */
export function nameHash(object: RNode): string {
  return encodeHash(bytesToHex(sha256(utf8ToBytes(hashInput(object)))));
}
