/**
 * Reads the patches a kustomization names (`patchesStrategicMerge`, `patches`, `patchesJson6902`), from their
 * files or inline, and applies them to the objects they target (api/filters/patchstrategicmerge,
 * api/filters/patchjson6902; targets select by kind and name, a name being a regular expression as in
 * api/resource/resource.go's selector matching).
 */
import type { Position } from '../../util/range';
import { applyJson6902, readOps } from './json6902';
import { joinPath } from './paths';
import { strategicMerge } from './strategicMerge';
import { get, getIn, type PositionOf, parseTrees, type RNode, str } from './tree';

export interface Item {
  object: RNode;
  /** Every name the object had (before this and outer kustomizations renamed it), which patches may name. */
  names: string[];
  /** A generated ConfigMap or Secret that gets kustomize's name hash suffix at the end of the build. */
  hash?: boolean;
}

export interface Problem {
  path: string;
  message: string;
}

export type ReadFile = (path: string) => string | undefined;

interface PatchContext {
  dir: string;
  /** Path and text of the kustomization file, for inline patches. */
  file: string;
  text: string;
  read: ReadFile;
  problems: Problem[];
}

/**
 * Positions of an inline patch's text inside the kustomization file: a block scalar (`patch: |-`) keeps its
 * lines, shifted by its indentation; any other scalar maps all of its text to where it starts.
 */
function inlinePositions(ctx: PatchContext, node: RNode): PositionOf {
  const start = node.origin.range.start;
  const lines = ctx.text.split('\n');
  const header = (lines[start.line] ?? '').slice(start.character);
  if (!/^[|>]/.test(header)) return () => start;
  const first = lines.slice(start.line + 1).find((l) => l.trim() !== '') ?? '';
  const indent = first.length - first.trimStart().length;
  const content = node.kind === 'scalar' ? String(node.value) : '';
  const starts = [0];
  for (let i = content.indexOf('\n'); i !== -1; i = content.indexOf('\n', i + 1)) starts.push(i + 1);
  return (offset): Position => {
    let line = starts.length - 1;
    while (line > 0 && (starts[line] as number) > offset) line--;
    return { line: start.line + 1 + line, character: indent + offset - (starts[line] as number) };
  };
}

const broken = (ctx: PatchContext, path: string) => () =>
  ctx.problems.push({ path, message: 'patch has YAML syntax errors: its broken documents are not applied' });

/** The documents of a patch: a file's (`path`) or the inline text's. */
function patchDocs(ctx: PatchContext, pathNode: RNode | undefined, inline: RNode | undefined): RNode[] {
  const rel = str(pathNode);
  if (rel !== undefined) {
    const path = joinPath(ctx.dir, rel);
    const text = ctx.read(path);
    if (text === undefined) {
      ctx.problems.push({ path: ctx.file, message: `patch ${rel} cannot be read` });
      return [];
    }
    return parseTrees(text, path, undefined, broken(ctx, path));
  }
  const text = str(inline);
  if (text === undefined || inline === undefined) return [];
  return parseTrees(text, ctx.file, inlinePositions(ctx, inline), broken(ctx, ctx.file));
}

/** A target's name test: the exact name, or the regular expression kustomize also accepts there. */
function nameTest(pattern: string | undefined): (names: readonly string[]) => boolean {
  if (pattern === undefined) return () => true;
  let re: RegExp | undefined;
  try {
    re = new RegExp(`^(?:${pattern})$`);
  } catch {
    re = undefined;
  }
  return (names) => names.includes(pattern) || (re !== undefined && names.some((n) => re.test(n)));
}

function matcher(kind: string | undefined, name: string | undefined): (item: Item) => boolean {
  const named = nameTest(name);
  return (item) => (kind === undefined || str(get(item.object, 'kind')) === kind) && named(item.names);
}

function mergeInto(items: Item[], patch: RNode, target: RNode | undefined): Item[] {
  const kind = str(get(target, 'kind')) ?? str(get(patch, 'kind'));
  const matches = matcher(kind, str(get(target, 'name')) ?? str(getIn(patch, ['metadata', 'name'])));
  return items.flatMap((item) => {
    if (!matches(item)) return [item];
    const merged = strategicMerge(item.object, patch);
    return merged ? [{ ...item, object: merged }] : [];
  });
}

function opsInto(ctx: PatchContext, items: Item[], patch: RNode, target: RNode | undefined): Item[] {
  const ops = readOps(patch);
  const matches = matcher(str(get(target, 'kind')), str(get(target, 'name')));
  return items.map((item) => {
    if (!matches(item)) return item;
    const { object, problem } = applyJson6902(item.object, ops);
    if (problem) ctx.problems.push({ path: ctx.file, message: `JSON patch on ${item.names[0]}: ${problem}` });
    return { ...item, object };
  });
}

function sequence(kustomization: RNode, key: string): RNode[] {
  const node = get(kustomization, key);
  return node?.kind === 'seq' ? node.items : [];
}

/** `patchesStrategicMerge` and `patches`: the patches kustomize applies before the name and label transformers. */
export function applyPatches(ctx: PatchContext, kustomization: RNode, items: Item[]): Item[] {
  let out = items;
  for (const entry of sequence(kustomization, 'patchesStrategicMerge')) {
    const value = str(entry);
    // A single-line entry names a file; a multi-line one is the patch itself.
    const docs = value?.includes('\n') ? patchDocs(ctx, undefined, entry) : patchDocs(ctx, entry, undefined);
    for (const doc of docs) out = mergeInto(out, doc, undefined);
  }
  for (const entry of sequence(kustomization, 'patches')) {
    const target = get(entry, 'target');
    for (const doc of patchDocs(ctx, get(entry, 'path'), get(entry, 'patch'))) {
      out = doc.kind === 'seq' ? opsInto(ctx, out, doc, target) : mergeInto(out, doc, target);
    }
  }
  return out;
}

/** `patchesJson6902`: kustomize applies them after the label and annotation transformers. */
export function applyJson6902Patches(ctx: PatchContext, kustomization: RNode, items: Item[]): Item[] {
  let out = items;
  for (const entry of sequence(kustomization, 'patchesJson6902')) {
    for (const doc of patchDocs(ctx, get(entry, 'path'), get(entry, 'patch'))) {
      out = opsInto(ctx, out, doc, get(entry, 'target'));
    }
  }
  return out;
}

export type { PatchContext };
