/**
 * The last steps of a build (makeCustomizedResMap in api/internal/target/kusttarget.go): generated objects get
 * their name hash (addHashesToNames), then every reference a pod spec makes to a ConfigMap, Secret,
 * ServiceAccount, PersistentVolumeClaim or PriorityClass is set to the final name of the object it named under
 * any of its earlier names (FixBackReferences; api/filters/nameref/nameref.go with the field specs of
 * api/internal/konfig/builtinpluginconsts/namereference.go). A reference keeps the origin of the text that wrote it.
 */
import { nameHash } from './hash';
import type { Item } from './patches';
import { podSpecs } from './transformers';
import { clone, get, getIn, type RNode, str } from './tree';

/** Reference fields under a pod spec, by the kind they name (`*` steps into every item of a list). */
const REFERENCES: readonly { kind: string; path: readonly string[] }[] = [
  { kind: 'ConfigMap', path: ['volumes', '*', 'configMap', 'name'] },
  { kind: 'ConfigMap', path: ['volumes', '*', 'projected', 'sources', '*', 'configMap', 'name'] },
  { kind: 'ConfigMap', path: ['containers', '*', 'env', '*', 'valueFrom', 'configMapKeyRef', 'name'] },
  { kind: 'ConfigMap', path: ['initContainers', '*', 'env', '*', 'valueFrom', 'configMapKeyRef', 'name'] },
  { kind: 'ConfigMap', path: ['containers', '*', 'envFrom', '*', 'configMapRef', 'name'] },
  { kind: 'ConfigMap', path: ['initContainers', '*', 'envFrom', '*', 'configMapRef', 'name'] },
  { kind: 'Secret', path: ['volumes', '*', 'secret', 'secretName'] },
  { kind: 'Secret', path: ['volumes', '*', 'projected', 'sources', '*', 'secret', 'name'] },
  { kind: 'Secret', path: ['containers', '*', 'env', '*', 'valueFrom', 'secretKeyRef', 'name'] },
  { kind: 'Secret', path: ['initContainers', '*', 'env', '*', 'valueFrom', 'secretKeyRef', 'name'] },
  { kind: 'Secret', path: ['containers', '*', 'envFrom', '*', 'secretRef', 'name'] },
  { kind: 'Secret', path: ['initContainers', '*', 'envFrom', '*', 'secretRef', 'name'] },
  { kind: 'Secret', path: ['imagePullSecrets', '*', 'name'] },
  { kind: 'ServiceAccount', path: ['serviceAccountName'] },
  { kind: 'PersistentVolumeClaim', path: ['volumes', '*', 'persistentVolumeClaim', 'claimName'] },
  { kind: 'PriorityClass', path: ['priorityClassName'] },
];

/** addHashesToNames: `name-<hash>` for every generated object that did not disable the suffix. */
export function addHashes(items: Item[]): Item[] {
  return items.map((item) => {
    const name = getIn(item.object, ['metadata', 'name']);
    if (!item.hash || name?.kind !== 'scalar') return item;
    const hashed = `${str(name)}-${nameHash(item.object)}`;
    name.value = hashed;
    return { ...item, names: [...item.names, hashed] };
  });
}

/** The scalar nodes at `path` under `node`. */
function scalarsAt(node: RNode | undefined, path: readonly string[]): RNode[] {
  if (node === undefined) return [];
  if (path.length === 0) return node.kind === 'scalar' ? [node] : [];
  const [head, ...rest] = path;
  if (head === '*') return node.kind === 'seq' ? node.items.flatMap((i) => scalarsAt(i, rest)) : [];
  return scalarsAt(get(node, head as string), rest);
}

const kindOf = (object: RNode) => str(get(object, 'kind'));
/** EffectiveNamespace in api/resid: no namespace is `default`. */
const namespaceOf = (object: RNode) => str(getIn(object, ['metadata', 'namespace'])) || 'default';
const CLUSTER_SCOPED = new Set(['PriorityClass']);

/**
 * selectReferral in nameref.go: the objects of the kind that ever had the name, in the referrer's namespace; one
 * of them (or several now sharing a name) is the referral, several with different names are an error.
 */
export function fixReferences(built: readonly Item[], problem: (message: string) => void): Item[] {
  // Patches may share one node among several objects: references are set on copies of the referrers.
  const items = built.map((i) => (podSpecs(i.object).length > 0 ? { ...i, object: clone(i.object) } : i));
  // Every object under each name it ever had, so a reference costs one lookup however big the build.
  const byName = new Map<string, Item[]>();
  for (const item of items) {
    for (const name of new Set(item.names)) {
      const key = `${kindOf(item.object)}/${name}`;
      const list = byName.get(key);
      if (list) list.push(item);
      else byName.set(key, [item]);
    }
  }
  for (const referrer of items) {
    for (const spec of podSpecs(referrer.object)) {
      for (const { kind, path } of REFERENCES) {
        for (const ref of scalarsAt(spec, path)) {
          const old = str(ref);
          if (old === undefined || ref.kind !== 'scalar') continue;
          const candidates = (byName.get(`${kind}/${old}`) ?? []).filter(
            (c) => CLUSTER_SCOPED.has(kind) || namespaceOf(c.object) === namespaceOf(referrer.object),
          );
          const names = [...new Set(candidates.map((c) => str(getIn(c.object, ['metadata', 'name']))))];
          if (names.length > 1)
            problem(
              `found multiple possible referrals for ${kind} ${old} in ${kindOf(referrer.object)} ${referrer.names[0]}`,
            );
          else if (names[0] !== undefined) ref.value = names[0];
        }
      }
    }
  }
  return items;
}
