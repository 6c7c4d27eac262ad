/**
 * What the kustomizations around a file say about it: whether one names it as a patch (its documents are partial),
 * and what the ones that build it add (labels, selectors, namespace, images, …). The CLI asks for any path it
 * lints; the language server asks only for files inside a workspace folder, since it reads nothing outside them.
 * The same holds for the Helm chart check (./helmChart).
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  combineKustomizations,
  KUSTOMIZATION_FILES,
  type Kustomization,
  type ParseOptions,
  readKustomization,
} from '../shared/model';
import { isHelmTemplate } from './helmChart';

/** How many directories up a kustomization that builds the file is looked for. */
const MAX_LEVELS = 6;

function readIn(dir: string): { file: string; k: Kustomization } | undefined {
  for (const name of KUSTOMIZATION_FILES) {
    const file = path.join(dir, name);
    let text: string;
    try {
      text = fs.readFileSync(file, 'utf8');
    } catch {
      continue;
    }
    return { file, k: readKustomization(text) };
  }
  return undefined;
}

interface Found {
  dir: string;
  file: string;
  k: Kustomization;
}

/** The kustomization files in `dir` and up to MAX_LEVELS directories above it, nearest first, no higher than `root`. */
function* kustomizationsAbove(dir: string, inside: (dir: string) => boolean): Generator<Found> {
  for (let level = 0; level <= MAX_LEVELS && inside(dir); level++) {
    const found = readIn(dir);
    if (found) yield { dir, ...found };
    const parent = path.dirname(dir);
    if (parent === dir) return;
    dir = parent;
  }
}

const within = (root?: string) => (dir: string) =>
  root === undefined || dir === root || dir.startsWith(root + path.sep);

/**
 * The kustomization that names the file as a patch: the one beside it, or one above it (an HA base listing
 * `overlays/server.yaml` under `patches`).
 */
function patchingKustomization(file: string, root?: string) {
  const target = path.resolve(file);
  for (const found of kustomizationsAbove(path.dirname(target), within(root))) {
    if (found.k.patches.some((p) => path.resolve(found.dir, p) === target)) return found;
  }
  return undefined;
}

/** How many directories a search for the kustomization that builds a base reads at most. */
const MAX_SCANNED_DIRS = 400;
/** How far above a base, and how deep below that, the search looks. */
const CONSUMER_UP = 3;
const CONSUMER_DOWN = 3;

function subdirectories(dir: string): string[] {
  try {
    return fs
      .readdirSync(dir, { withFileTypes: true })
      .filter((e) => e.isDirectory() && !e.name.startsWith('.') && e.name !== 'node_modules')
      .map((e) => path.join(dir, e.name))
      .sort();
  } catch {
    return [];
  }
}

/**
 * A kustomization elsewhere in the tree that lists the base directory `base` (a `default/` beside `manager/`
 * listing `../manager`): kustomize builds the base through it, so its labels and namespace apply. The nearest one
 * found searching breadth-first from the base's parent, then grandparent, wins.
 */
function consumerOf(base: string, inside: (dir: string) => boolean) {
  const seen = new Set<string>([base]);
  let scanned = 0;
  let top = base;
  for (let up = 0; up < CONSUMER_UP; up++) {
    const parent = path.dirname(top);
    if (parent === top || !inside(parent)) return undefined;
    top = parent;
    let level = [top];
    for (let depth = 0; depth <= CONSUMER_DOWN && level.length > 0; depth++) {
      const next: string[] = [];
      for (const dir of level) {
        if (scanned++ >= MAX_SCANNED_DIRS) return undefined;
        if (!seen.has(dir)) {
          seen.add(dir);
          const found = readIn(dir);
          if (found?.k.resources.some((r) => path.resolve(dir, r) === base)) return { dir, ...found };
        }
        if (depth < CONSUMER_DOWN) next.push(...subdirectories(dir));
      }
      level = next;
    }
  }
  return undefined;
}

/**
 * The kustomizations that build a file, innermost first: the one that lists it in `resources` (or `bases`), then
 * the kustomization that lists the directory holding the previous one, found above it or, for a base that nothing
 * above builds, beside it (an overlay in a sibling directory). A file its nearest kustomization does not list is
 * not built by kustomize, and has no chain.
 */
function buildingChain(file: string, shown: (file: string) => string, root?: string, patchedBy?: Found) {
  const chain: { source: string; k: Kustomization }[] = [];
  const inside = within(root);
  const visited = new Set<string>();
  let target = path.resolve(file);
  for (let step = 0; step < MAX_LEVELS; step++) {
    const nearest = kustomizationsAbove(path.dirname(target), inside).next().value;
    const lists = (dir: string, k: Kustomization) => k.resources.some((r) => path.resolve(dir, r) === target);
    // A patch is merged into an object its kustomization builds: what that kustomization adds applies to it too.
    const found =
      step === 0 && patchedBy
        ? patchedBy
        : nearest && lists(nearest.dir, nearest.k)
          ? nearest
          : chain.length > 0
            ? consumerOf(target, inside)
            : undefined;
    if (!found || visited.has(found.dir)) break;
    visited.add(found.dir);
    chain.push({ source: shown(found.file), k: found.k });
    // A component's transformations apply to the resources of the kustomization that lists it.
    for (const component of found.k.components) {
      const at = path.resolve(found.dir, component);
      const c = inside(at) ? readIn(at) : undefined;
      if (c) chain.push({ source: shown(c.file), k: c.k });
    }
    target = found.dir;
  }
  return chain;
}

/**
 * Parse options for a file from the kustomizations around it (and whether it is a Helm chart template), read no higher than `root` when given; `shown` turns
 * a kustomization's path into the one messages and hovers name.
 */
export function kustomizeOptions(
  file: string,
  shown: (file: string) => string = (f) => path.relative(process.cwd(), f),
  root?: string,
): ParseOptions {
  const helmTemplate = isHelmTemplate(file);
  const patchedBy = patchingKustomization(file, root);
  const kustomize = combineKustomizations(buildingChain(file, shown, root, patchedBy));
  if (patchedBy) return { kustomizePatch: true, helmTemplate, ...(kustomize && { kustomize }) };
  return kustomize ? { kustomize, helmTemplate } : { helmTemplate };
}

/**
 * The path of a `file:` URI, or undefined for other schemes and for file URIs with no local path: a UNC host
 * (`file://server/share/...`) or an encoded `/`, on which fileURLToPath throws and the document could not be linted.
 */
function filePath(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}

/** The server's per-document answer, computed once per open document. */
export class Kustomizations {
  private readonly known = new Map<string, ParseOptions>();

  constructor(private readonly folders: () => readonly string[]) {}

  optionsFor(uri: string): ParseOptions {
    let answer = this.known.get(uri);
    if (answer === undefined) {
      const file = filePath(uri);
      const folder = file === undefined ? undefined : this.folders().find((f) => file.startsWith(f + path.sep));
      // Only kustomizations inside the workspace folder are read, shown relative to it.
      answer = file && folder ? kustomizeOptions(file, (k) => path.relative(folder, k), folder) : {};
      this.known.set(uri, answer);
    }
    return answer;
  }

  forget(uri: string): void {
    this.known.delete(uri);
  }
}
