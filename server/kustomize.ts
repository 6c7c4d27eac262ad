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

export function isKustomizePatch(file: string): boolean {
  const dir = path.dirname(file);
  const found = readIn(dir);
  const target = path.resolve(file);
  return found ? found.k.patches.some((p) => path.resolve(dir, p) === target) : false;
}

/**
 * The kustomizations that build a file, innermost first: the one that lists it in `resources` (or `bases`), then
 * each kustomization above that lists the directory holding the previous one. A kustomization that does not list
 * what is below it ends the chain.
 */
function buildingChain(file: string, shown: (file: string) => string, root?: string) {
  const chain: { source: string; k: Kustomization }[] = [];
  const inside = (dir: string) => root === undefined || dir === root || dir.startsWith(root + path.sep);
  let target = path.resolve(file);
  let dir = path.dirname(target);
  for (let level = 0; level < MAX_LEVELS; level++) {
    if (!inside(dir)) break;
    const found = readIn(dir);
    if (found) {
      const here = dir;
      if (!found.k.resources.some((r) => path.resolve(here, r) === target)) break;
      chain.push({ source: shown(found.file), k: found.k });
      // A component's transformations apply to the resources of the kustomization that lists it.
      for (const component of found.k.components) {
        const at = path.resolve(here, component);
        const c = inside(at) ? readIn(at) : undefined;
        if (c) chain.push({ source: shown(c.file), k: c.k });
      }
      target = dir;
    }
    const parent = path.dirname(dir);
    if (parent === dir) break;
    dir = parent;
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
  if (isKustomizePatch(file)) return { kustomizePatch: true, helmTemplate };
  const kustomize = combineKustomizations(buildingChain(file, shown, root));
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
