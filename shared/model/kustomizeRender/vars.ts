/**
 * `vars` (deprecated in kustomize v5, still applied): after names are final, each var takes the value of one
 * field of the object its `objref` names (ResolveVars in api/internal/accumulator/resaccumulator.go), and
 * `$(NAME)` in container command, args, env values and volume mount paths becomes that value, by the Kubernetes
 * expansion that api/filters/refvar/expand.go forks (`$$` escapes, unknown names stay), on the fields of
 * api/internal/konfig/builtinpluginconsts/varreference.go. The preview substitutes in pod specs only:
 * varreference.go also lists a few fields of other kinds (Ingress hosts, for one), which no pod reads.
 */
import { expand } from '../../util/expand';
import { nodesAt, splitPath } from './fieldPath';
import type { Item } from './patches';
import { podSpecs } from './transformers';
import { clone, get, type RNode, type RScalar, str } from './tree';

type Value = NonNullable<RScalar['value']>;

/** A kustomization's `vars` entries. */
export function varsOf(kustomization: RNode): RNode[] {
  const node = get(kustomization, 'vars');
  return node?.kind === 'seq' ? node.items.filter((v) => v.kind === 'map') : [];
}

/** Fields under each container that varreference.go lists for every pod-bearing kind. */
const FIELDS: readonly (readonly string[])[] = [
  ['command', '*'],
  ['args', '*'],
  ['env', '*', 'value'],
  ['volumeMounts', '*', 'mountPath'],
];

function matchesRef(ref: RNode | undefined, item: Item): boolean {
  const kind = str(get(ref, 'kind'));
  const name = str(get(ref, 'name'));
  const apiVersion = str(get(ref, 'apiVersion'));
  return (
    (!kind || str(get(item.object, 'kind')) === kind) &&
    (!name || item.names.includes(name)) &&
    (!apiVersion || str(get(item.object, 'apiVersion')) === apiVersion)
  );
}

/** Each var's value, from the one object its objref names; a var kustomize would fail on is a problem. */
function values(items: readonly Item[], vars: readonly RNode[], problem: (m: string) => void): Map<string, Value> {
  const out = new Map<string, Value>();
  for (const v of vars) {
    const name = str(get(v, 'name'));
    if (!name) continue;
    if (out.has(name)) {
      problem(`var '${name}' already encountered`);
      continue;
    }
    const matches = items.filter((i) => matchesRef(get(v, 'objref'), i));
    if (matches.length !== 1) {
      problem(`var '${name}' cannot be mapped to a field in the set of known resources`);
      continue;
    }
    const fieldPath = (str(get(get(v, 'fieldref'), 'fieldPath')) ?? 'metadata.name').replace(/\[(\d+)\]/g, '.$1');
    const value = nodesAt((matches[0] as Item).object, splitPath(fieldPath))[0];
    if (value?.kind !== 'scalar' || value.value === null) {
      problem(`var '${name}': field ${fieldPath} is not a value of ${str(get(get(v, 'objref'), 'name'))}`);
      continue;
    }
    out.set(name, value.value);
  }
  return out;
}

/** Substitutes the vars in the pod specs of copies of the objects. */
export function resolveVars(built: Item[], vars: readonly RNode[], problem: (m: string) => void): Item[] {
  if (vars.length === 0) return built;
  const known = values(built, vars, problem);
  const texts = new Map([...known].map(([name, value]): [string, string] => [name, String(value)]));
  const items = built.map((i) => ({ ...i, object: clone(i.object) }));
  for (const item of items) {
    for (const spec of podSpecs(item.object)) {
      for (const list of ['containers', 'initContainers']) {
        for (const path of FIELDS) {
          for (const node of nodesAt(spec, [list, '*', ...path])) {
            if (node.kind !== 'scalar' || typeof node.value !== 'string') continue;
            // A field that is one var takes the var's value with its type (a port stays a number).
            const whole = /^\$\(([^)]*)\)$/.exec(node.value);
            const typed = whole ? known.get(whole[1] as string) : undefined;
            node.value = typed ?? expand(node.value, texts);
          }
        }
      }
    }
  }
  return items;
}
