/**
 * Renders what `kustomize build DIR` outputs, from the texts of its files (a resolver gives a file's text by
 * path; nothing here touches a file system): resources (files, and directories built by their own
 * kustomization), patches, and the built-in transformers, in the order of kustomize's configureBuiltinTransformers
 * (api/internal/target/kusttarget_configplugin.go). Every rendered value keeps the origin of the text that
 * produced it.
 * Plug-in generators and transformers, Helm charts and remote resources are not rendered: each is a problem.
 */
import { KUSTOMIZATION_FILES } from './kustomize';
import { runGenerators } from './kustomizeRender/generators';
import { addHashes, fixReferences } from './kustomizeRender/nameref';
import {
  applyJson6902Patches,
  applyPatches,
  type Item,
  type PatchContext,
  type Problem,
  type ReadFile,
} from './kustomizeRender/patches';
import { isRemote, joinPath } from './kustomizeRender/paths';
import { applyReplacements } from './kustomizeRender/replacements';
import { sortOutput } from './kustomizeRender/sortOrder';
import {
  transformLabelsAndAnnotations,
  transformNames,
  transformReplicasAndImages,
} from './kustomizeRender/transformers';
import { get, getIn, parseTrees, type RNode, str } from './kustomizeRender/tree';
import { resolveVars, varsOf } from './kustomizeRender/vars';

export type { Origin, RNode } from './kustomizeRender/tree';
export type { Problem, ReadFile };

export interface RenderResult {
  /** The rendered objects in kustomize's output order (`sortOptions`, by default its legacy order by kind). */
  objects: RNode[];
  /** Path of the kustomization file that was built, when there is one. */
  kustomization?: string;
  /** What could not be rendered (missing files, unsupported fields, failing JSON patches). */
  problems: Problem[];
}

/** Kustomization fields this renderer does not apply: they run plug-in code or Helm. */
const NOT_RENDERED = ['generators', 'transformers', 'helmCharts'];

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

function resourceItems(dir: string, rel: string, run: Run, building: string[], from: string) {
  const { read, problems } = run;
  if (isRemote(rel)) {
    problems.push({ path: from, message: `remote resource ${rel} is not rendered` });
    return [];
  }
  const path = joinPath(dir, rel);
  if (findKustomization(path, read)) return build(path, run, building);
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

/** What one render collects across the kustomizations it builds. */
interface Run {
  read: ReadFile;
  problems: Problem[];
  /** `vars` of every kustomization built, which kustomize resolves once all are (ResolveVars). */
  vars: RNode[];
}

/** errIfArgEqualOrHigher in api/internal/loader/fileloader.go: a directory being built, or one inside it. */
function cycle(dir: string, building: readonly string[]): string | undefined {
  const visited = [...building].reverse().find((b) => b === dir || b.startsWith(`${dir}/`));
  return visited === undefined
    ? undefined
    : `cycle detected: candidate root '${dir}' contains visited root '${visited}'`;
}

/** The kustomization's `kind`: kustomize reads a missing one as Kustomization. */
function kindMismatch(k: RNode, dir: string, component: boolean): string | undefined {
  const kind = str(get(k, 'kind')) ?? 'Kustomization';
  if (component && kind !== 'Component') return `expected kind 'Component' for path '${dir}' but got '${kind}'`;
  if (!component && kind === 'Component') return `expected kind != 'Component' for path '${dir}'`;
  return undefined;
}

function paths(k: RNode, keys: readonly string[]): string[] {
  return keys.flatMap((key) => {
    const seq = get(k, key);
    return seq?.kind === 'seq' ? seq.items.flatMap((i) => str(i) ?? []) : [];
  });
}

/**
 * accumulateTarget in api/internal/target/kusttarget.go: resources, generators, components, then transformers.
 * A component works on `accumulated`, the objects of the kustomization that includes it; a kustomization
 * starts from none. `building` holds the directories being built around this one.
 */
function build(dir: string, run: Run, building: string[], accumulated: Item[] = [], component = false): Item[] {
  const { read, problems } = run;
  const found = findKustomization(dir, read);
  if (!found) {
    problems.push({ path: dir, message: 'no kustomization.yaml in this directory' });
    return accumulated;
  }
  const looped = cycle(dir, building);
  if (looped) {
    problems.push({ path: found.path, message: looped });
    return accumulated;
  }
  const k = parseTrees(found.text, found.path)[0];
  if (k?.kind !== 'map') return accumulated;
  const mismatch = kindMismatch(k, dir, component);
  if (mismatch) {
    problems.push({ path: found.path, message: mismatch });
    return accumulated;
  }
  for (const field of NOT_RENDERED) {
    if (get(k, field)) problems.push({ path: found.path, message: `${field} is not rendered in the preview` });
  }
  const problem = (message: string) => problems.push({ path: found.path, message });
  const ctx: PatchContext = { dir, file: found.path, text: found.text, read, problems };
  const inner = [...building, dir];
  let items = [
    ...accumulated,
    ...paths(k, ['resources', 'bases']).flatMap((rel) => resourceItems(dir, rel, run, inner, found.path)),
  ];
  items = runGenerators({ dir, file: found.path, lines: found.text.split('\n'), read, problem }, k, items);
  for (const rel of paths(k, ['components'])) {
    if (isRemote(rel)) problem(`remote component ${rel} is not rendered`);
    else items = build(joinPath(dir, rel), run, inner, items, true);
  }
  items = transform(ctx, k, items);
  run.vars.push(...varsOf(k));
  return items;
}

/** configureBuiltinTransformers (kusttarget_configplugin.go), in its order. */
function transform(ctx: PatchContext, k: RNode, built: Item[]): Item[] {
  let items = applyPatches(ctx, k, built);
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
        ...item,
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
  return applyReplacements({ dir: ctx.dir, file: ctx.file, read: ctx.read, problem: problemIn(ctx) }, k, items);
}

const problemIn = (ctx: PatchContext) => (message: string) => ctx.problems.push({ path: ctx.file, message });

/**
 * Renders the kustomization in `dir`. Never throws; what it cannot render is listed in `problems`.
 * @example renderKustomization('/repo/overlays/prod', (p) => files[p]).objects.length // 2
 */
export function renderKustomization(dir: string, read: ReadFile): RenderResult {
  const run: Run = { read, problems: [], vars: [] };
  const built = build(dir, run, []);
  const kustomization = findKustomization(dir, read)?.path;
  const problem = (message: string) => run.problems.push({ path: kustomization ?? dir, message });
  // The steps kustomize runs once, on the whole output (makeCustomizedResMap in kusttarget.go).
  const resolved = resolveVars(fixReferences(addHashes(built), problem), run.vars, problem);
  const root = kustomization === undefined ? undefined : parseTrees(read(kustomization) ?? '', kustomization)[0];
  const items = sortOutput(resolved, root, problem);
  const { problems } = run;
  return { objects: items.map((i) => i.object), ...(kustomization && { kustomization }), problems };
}
