/**
 * Renders what `kustomize build DIR` outputs, from the texts of its files (a resolver gives a file's text by
 * path; nothing here touches a file system): resources (files, and directories built by their own
 * kustomization), patches, and the built-in transformers, in the order of kustomize's configureBuiltinTransformers
 * (api/internal/target/kusttarget_configplugin.go). Every rendered value keeps the origin of the text that
 * produced it.
 * Generators, components, replacements and remote resources are not rendered: each is reported as a problem.
 */
import { KUSTOMIZATION_FILES } from './kustomize';
import {
  applyJson6902Patches,
  applyPatches,
  type Item,
  type PatchContext,
  type Problem,
  type ReadFile,
} from './kustomizeRender/patches';
import { isRemote, joinPath } from './kustomizeRender/paths';
import {
  transformLabelsAndAnnotations,
  transformNames,
  transformReplicasAndImages,
} from './kustomizeRender/transformers';
import { get, getIn, parseTrees, type RNode, str } from './kustomizeRender/tree';

export type { Origin, RNode } from './kustomizeRender/tree';
export type { Problem, ReadFile };

export interface RenderResult {
  /** The rendered objects in kustomize's output order (resources in the order they are listed). */
  objects: RNode[];
  /** Path of the kustomization file that was built, when there is one. */
  kustomization?: string;
  /** What could not be rendered (missing files, unsupported fields, failing JSON patches). */
  problems: Problem[];
}

/** Kustomization fields this renderer does not apply: the rendered output would lack what they add. */
const NOT_RENDERED = [
  'configMapGenerator',
  'secretGenerator',
  'components',
  'replacements',
  'vars',
  'generators',
  'transformers',
  'helmCharts',
];

/** The kustomization file in `dir`, with its text. */
export function findKustomization(dir: string, read: ReadFile): { path: string; text: string } | undefined {
  for (const name of KUSTOMIZATION_FILES) {
    const path = joinPath(dir, name);
    const text = read(path);
    if (text !== undefined) return { path, text };
  }
  return undefined;
}

function isObject(node: RNode): boolean {
  return node.kind === 'map' && str(get(node, 'kind')) !== undefined;
}

function resourceItems(
  dir: string,
  rel: string,
  read: ReadFile,
  building: string[],
  problems: Problem[],
  from: string,
) {
  if (isRemote(rel)) {
    problems.push({ path: from, message: `remote resource ${rel} is not rendered` });
    return [];
  }
  const path = joinPath(dir, rel);
  if (findKustomization(path, read)) return build(path, read, building, problems);
  const text = read(path);
  if (text === undefined) {
    problems.push({ path: from, message: `resource ${rel} cannot be read` });
    return [];
  }
  const broken = () => problems.push({ path, message: 'YAML syntax errors: the broken documents are left out' });
  return parseTrees(text, path, undefined, broken)
    .filter(isObject)
    .map((object): Item => ({ object, names: [str(getIn(object, ['metadata', 'name'])) ?? ''] }));
}

/** `building` holds the directories being built around this one: kustomize rejects a cycle among them. */
function build(dir: string, read: ReadFile, building: string[], problems: Problem[]): Item[] {
  const found = findKustomization(dir, read);
  if (!found) {
    problems.push({ path: dir, message: 'no kustomization.yaml in this directory' });
    return [];
  }
  if (building.includes(dir)) {
    problems.push({ path: found.path, message: 'resources include a kustomization that includes this one' });
    return [];
  }
  const k = parseTrees(found.text, found.path)[0];
  if (k?.kind !== 'map') return [];
  for (const field of NOT_RENDERED) {
    if (get(k, field)) problems.push({ path: found.path, message: `${field} is not rendered in the preview` });
  }
  const rels = ['resources', 'bases'].flatMap((key) => {
    const seq = get(k, key);
    return seq?.kind === 'seq' ? seq.items.flatMap((i) => str(i) ?? []) : [];
  });
  const ctx: PatchContext = { dir, file: found.path, text: found.text, read, problems };
  const inner = [...building, dir];
  let items = rels.flatMap((rel) => resourceItems(dir, rel, read, inner, problems, found.path));
  items = applyPatches(ctx, k, items);
  const before = items.map((i) => i.names[i.names.length - 1]);
  const objects = items.map((i) => i.object);
  transformNames(objects, k);
  transformLabelsAndAnnotations(objects, k);
  items = applyJson6902Patches(
    ctx,
    k,
    items.map((item, i) => {
      const name = str(getIn(objects[i], ['metadata', 'name']));
      return {
        object: objects[i] as RNode,
        names: name && !item.names.includes(name) ? [...item.names, name] : item.names,
      };
    }),
  );
  transformReplicasAndImages(
    items.map((i) => i.object),
    k,
    before,
  );
  return items;
}

/**
 * Renders the kustomization in `dir`. Never throws; what it cannot render is listed in `problems`.
 * @example renderKustomization('/repo/overlays/prod', (p) => files[p]).objects.length // 2
 */
export function renderKustomization(dir: string, read: ReadFile): RenderResult {
  const problems: Problem[] = [];
  const items = build(dir, read, [], problems);
  const kustomization = findKustomization(dir, read)?.path;
  return { objects: items.map((i) => i.object), ...(kustomization && { kustomization }), problems };
}
