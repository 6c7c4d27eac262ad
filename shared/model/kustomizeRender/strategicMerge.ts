/**
 * Strategic-merge patches as kustomize applies them (api/filters/patchstrategicmerge over kyaml/yaml/merge2):
 * maps merge key by key, a null value removes the key, lists of the pod fields with a `patchMergeKey` in the
 * Kubernetes OpenAPI merge item by item, every other list is replaced, and `$patch: delete` / `$patch: replace`
 * directives delete or replace the element they sit in. The merged tree keeps the patch's origins.
 */
import { clone, get, getIn, put, type RMap, type RNode, type RSeq, str } from './tree';

/** List fields of pod specs and their merge keys (`x-kubernetes-patch-merge-key` in the v1.36 OpenAPI). */
const MERGE_KEYS: Record<string, string> = {
  containers: 'name',
  initContainers: 'name',
  ephemeralContainers: 'name',
  volumes: 'name',
  env: 'name',
  imagePullSecrets: 'name',
  volumeMounts: 'mountPath',
  volumeDevices: 'devicePath',
  ports: 'containerPort',
  hostAliases: 'ip',
  resourceClaims: 'name',
  topologySpreadConstraints: 'topologyKey',
};

function directive(node: RNode): string | undefined {
  return str(get(node, '$patch'));
}

function withoutDirectives(node: RNode): RNode {
  if (node.kind === 'map')
    return {
      ...node,
      entries: node.entries.filter((e) => e.key !== '$patch').map((e) => ({ ...e, value: withoutDirectives(e.value) })),
    };
  if (node.kind === 'seq') return { ...node, items: node.items.map(withoutDirectives) };
  return node;
}

function mergeList(base: RSeq, patch: RSeq, mergeKey: string): RSeq {
  const items = base.items.map(clone);
  for (const item of patch.items) {
    const key = str(get(item, mergeKey));
    const at = key === undefined ? -1 : items.findIndex((i) => str(get(i, mergeKey)) === key);
    if (directive(item) === 'delete') {
      if (at >= 0) items.splice(at, 1);
    } else if (at >= 0) items[at] = mergeNode(items[at] as RNode, item, undefined);
    else items.push(withoutDirectives(item));
  }
  return { ...base, items };
}

function mergeMap(base: RMap, patch: RMap): RMap {
  const out: RMap = { ...base, entries: base.entries.map((e) => ({ ...e, value: clone(e.value) })) };
  for (const entry of patch.entries) {
    if (entry.key === '$patch') continue;
    const at = out.entries.findIndex((e) => e.key === entry.key);
    const value = entry.value;
    if (value.kind === 'scalar' && value.value === null) {
      if (at >= 0) out.entries.splice(at, 1);
      continue;
    }
    if (directive(value) === 'delete') {
      if (at >= 0) out.entries.splice(at, 1);
      continue;
    }
    const existing = at >= 0 ? out.entries[at] : undefined;
    if (existing) existing.value = mergeNode(existing.value, value, MERGE_KEYS[entry.key]);
    else out.entries.push({ ...entry, value: withoutDirectives(value) });
  }
  return out;
}

/** `patch` merged onto `base`; `mergeKey` is the merge key of the list field both sit in, if any. */
export function mergeNode(base: RNode, patch: RNode, mergeKey: string | undefined): RNode {
  if (directive(patch) === 'replace') return withoutDirectives(patch);
  // A patch repeating a value (a merge key naming its list item, above all) did not set it: the base did.
  if (base.kind === 'scalar' && patch.kind === 'scalar' && base.value === patch.value) return base;
  if (base.kind === 'map' && patch.kind === 'map') return mergeMap(base, patch);
  if (base.kind === 'seq' && patch.kind === 'seq' && mergeKey) return mergeList(base, patch, mergeKey);
  return withoutDirectives(patch);
}

/** The object after a strategic-merge patch; undefined when the patch deletes the whole object. */
export function strategicMerge(base: RNode, patch: RNode): RNode | undefined {
  if (directive(patch) === 'delete') return undefined;
  const merged = mergeNode(base, patch, undefined);
  // A patch may name the object by a name it had before an inner kustomization's prefix: the name stays.
  const name = getIn(base, ['metadata', 'name']);
  const metadata = get(merged, 'metadata');
  if (name && metadata?.kind === 'map') put(metadata, 'name', name);
  return merged;
}
