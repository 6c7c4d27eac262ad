/**
 * `configMapGenerator` and `secretGenerator` (api/internal/generators/configmap.go, secret.go, utils.go): each
 * entry makes a ConfigMap or Secret from its key-value sources, with the entry's `options` over the
 * kustomization's `generatorOptions` (types.MergeGlobalOptionsIntoLocal), then joins the accumulated objects as
 * its `behavior` says (appendReplaceOrMerge in api/resmap/reswrangler.go): `create` adds it, `merge` and
 * `replace` act on the one object of that kind and name already there (a base's generated one, most often).
 */
import { utf8ToBytes } from '@noble/hashes/utils.js';
import { type KvContext, type KvPair, kvPairs } from './kv';
import type { Item } from './patches';
import { get, getIn, type Origin, type REntry, type RMap, type RNode, type RScalar, str } from './tree';

const scalar = (value: RScalar['value'], origin: Origin): RScalar => ({ kind: 'scalar', value, origin });
const entry = (key: string, value: RNode, keyOrigin: Origin = value.origin): REntry => ({ key, keyOrigin, value });
const map = (entries: REntry[], origin: Origin): RMap => ({ kind: 'map', entries, origin });

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Standard base64 of the text's UTF-8 bytes, as LoadMapIntoSecretData writes a Secret's `data`. */
export function base64(text: string): string {
  const bytes = utf8ToBytes(text);
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const [a, b, c] = [bytes[i] as number, bytes[i + 1], bytes[i + 2]];
    const n = (a << 16) | ((b ?? 0) << 8) | (c ?? 0);
    out += BASE64[n >> 18] + (BASE64[(n >> 12) & 63] as string);
    out += b === undefined ? '==' : (BASE64[(n >> 6) & 63] as string) + (c === undefined ? '=' : BASE64[n & 63]);
  }
  return out;
}

interface Options {
  labels: REntry[];
  annotations: REntry[];
  hash: boolean;
  immutable?: Origin;
}

function stringPairs(node: RNode | undefined): REntry[] {
  if (node?.kind !== 'map') return [];
  return node.entries.flatMap((e) =>
    e.value.kind === 'scalar' ? [entry(e.key, scalar(str(e.value) ?? '', e.value.origin), e.keyOrigin)] : [],
  );
}

const isTrue = (node: RNode | undefined) => node?.kind === 'scalar' && str(node) === 'true';

/** The entry's options over the kustomization's generatorOptions: local labels win, either flag turns on. */
function optionsOf(local: RNode | undefined, global: RNode | undefined): Options {
  const over = (key: string) => {
    const mine = stringPairs(get(local, key));
    return [...mine, ...stringPairs(get(global, key)).filter((g) => !mine.some((m) => m.key === g.key))];
  };
  const immutable = [local, global].map((o) => get(o, 'immutable')).find(isTrue);
  return {
    labels: over('labels'),
    annotations: over('annotations'),
    hash: ![local, global].some((o) => isTrue(get(o, 'disableNameSuffixHash'))),
    ...(immutable && { immutable: immutable.origin }),
  };
}

/** The generated object, its fields in the order `kustomize build` prints them. */
function makeObject(kind: 'ConfigMap' | 'Secret', args: RNode, name: RNode, pairs: KvPair[], options: Options): RNode {
  const origin = args.origin;
  const sorted = [...pairs].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const encode = kind === 'Secret' ? base64 : (v: string) => v;
  const data = sorted.map((p) => entry(p.key, scalar(encode(p.value), p.valueOrigin), p.keyOrigin));
  const namespace = get(args, 'namespace');
  const metadata: REntry[] = [
    ...(options.annotations.length > 0 ? [entry('annotations', map(options.annotations, origin))] : []),
    ...(options.labels.length > 0 ? [entry('labels', map(options.labels, origin))] : []),
    entry('name', scalar(str(name) as string, name.origin)),
    ...(str(namespace) ? [entry('namespace', scalar(str(namespace) as string, (namespace as RNode).origin))] : []),
  ];
  const type = get(args, 'type');
  return map(
    [
      entry('apiVersion', scalar('v1', origin)),
      ...(data.length > 0 ? [entry('data', map(data, origin))] : []),
      ...(options.immutable ? [entry('immutable', scalar(true, options.immutable))] : []),
      entry('kind', scalar(kind, origin)),
      entry('metadata', map(metadata, origin)),
      ...(kind === 'Secret'
        ? [entry('type', scalar(str(type) || 'Opaque', str(type) ? (type as RNode).origin : origin))]
        : []),
    ],
    origin,
  );
}

/** `from`'s entries under `to`'s (mergeStringMaps(old, new)): the new object's keys win. */
function mergedMap(old: RNode | undefined, mine: RNode | undefined, origin: Origin): RMap | undefined {
  const entries = [
    ...(old?.kind === 'map' ? old.entries.filter((e) => !(mine?.kind === 'map' && get(mine, e.key))) : []),
    ...(mine?.kind === 'map' ? mine.entries : []),
  ];
  return entries.length > 0 ? map(entries, mine?.origin ?? old?.origin ?? origin) : undefined;
}

function setField(object: RMap, key: string, value: RNode | undefined): void {
  const at = object.entries.findIndex((e) => e.key === key);
  if (value === undefined) {
    if (at >= 0) object.entries.splice(at, 1);
  } else if (at >= 0) (object.entries[at] as REntry).value = value;
  else object.entries.push(entry(key, value));
}

/**
 * CopyMergeMetaDataFieldsFrom (api/resource/resource.go): the old object's name, namespace, labels and
 * annotations under the new ones'; `merge` also keeps the old data keys the new object does not set.
 */
function combine(old: RNode, mine: RMap, merge: boolean): RMap {
  const metadata = get(mine, 'metadata') as RMap;
  for (const key of ['labels', 'annotations'])
    setField(metadata, key, mergedMap(getIn(old, ['metadata', key]), get(metadata, key), metadata.origin));
  for (const key of ['name', 'namespace']) {
    const value = getIn(old, ['metadata', key]);
    setField(metadata, key, value);
  }
  if (merge)
    for (const key of ['data', 'binaryData'])
      setField(mine, key, mergedMap(get(old, key), get(mine, key), mine.origin));
  return mine;
}

function generatorEntries(kustomization: RNode, key: string): RNode[] {
  const node = get(kustomization, key);
  return node?.kind === 'seq' ? node.items.filter((i) => i.kind === 'map') : [];
}

/** Runs the kustomization's generators (ConfigMaps first, then Secrets) over the accumulated items. */
export function runGenerators(ctx: KvContext, kustomization: RNode, items: Item[]): Item[] {
  const out = new Accumulated(items);
  const global = get(kustomization, 'generatorOptions');
  for (const [field, kind] of [
    ['configMapGenerator', 'ConfigMap'],
    ['secretGenerator', 'Secret'],
  ] as const) {
    for (const args of generatorEntries(kustomization, field)) {
      const name = get(args, 'name');
      if (!str(name)) {
        ctx.problem(`a ${field} entry has no name: kustomize rejects it`);
        continue;
      }
      const options = optionsOf(get(args, 'options'), global);
      const object = makeObject(kind, args, name as RNode, kvPairs(ctx, args, str(name) as string), options);
      join(ctx, out, { object, names: [str(name) as string], hash: options.hash }, str(get(args, 'behavior')));
    }
  }
  return out.items;
}

/** The accumulated objects with an index by kind and every name each had, so a generator finds its match at once. */
class Accumulated {
  readonly items: Item[];
  private readonly byName = new Map<string, Item[]>();

  constructor(items: readonly Item[]) {
    this.items = [...items];
    for (const item of items) this.index(item);
  }
  private index(item: Item): void {
    for (const name of new Set(item.names)) {
      const key = `${str(get(item.object, 'kind'))}/${name}`;
      const list = this.byName.get(key);
      if (list) list.push(item);
      else this.byName.set(key, [item]);
    }
  }
  named(kind: string | undefined, name: string): Item[] {
    return this.byName.get(`${kind}/${name}`) ?? [];
  }
  add(item: Item): void {
    this.items.push(item);
    this.index(item);
  }
  replace(old: Item, item: Item): void {
    this.items[this.items.indexOf(old)] = item;
    for (const list of this.byName.values()) {
      const at = list.indexOf(old);
      if (at >= 0) list[at] = item;
    }
  }
}

/** appendReplaceOrMerge in reswrangler.go: the generated object joins the accumulated ones as `behavior` says. */
function join(ctx: KvContext, out: Accumulated, made: Item, behavior = 'create'): void {
  const kind = str(get(made.object, 'kind'));
  const name = made.names[0] as string;
  const namespace = str(getIn(made.object, ['metadata', 'namespace']));
  const matches = out
    .named(kind, name)
    .filter((i) => namespace === undefined || str(getIn(i.object, ['metadata', 'namespace'])) === namespace);
  const id = `${kind} ${name}`;
  if (matches.length > 1) {
    ctx.problem(`found multiple objects that could accept the merge of ${id}`);
    return;
  }
  const old = matches[0];
  if (!old) {
    if (behavior === 'merge' || behavior === 'replace') ctx.problem(`${id} does not exist; cannot merge or replace`);
    else out.add(made);
    return;
  }
  if (behavior !== 'merge' && behavior !== 'replace') {
    ctx.problem(`${id} exists; behavior must be merge or replace`);
    return;
  }
  const object = combine(old.object, made.object as RMap, behavior === 'merge');
  out.replace(old, { ...old, object, hash: made.hash });
}
