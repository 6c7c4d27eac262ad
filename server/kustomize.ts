/**
 * Is a file named as a patch by a kustomization in its own directory? The CLI asks for any path it lints; the
 * language server asks only for files inside a workspace folder, since it reads nothing outside them. The same
 * holds for the Helm chart check (./helmChart).
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { KUSTOMIZATION_FILES, kustomizationPatchPaths } from '../shared/model';
import { isHelmTemplate } from './helmChart';

export function isKustomizePatch(file: string): boolean {
  const dir = path.dirname(file);
  for (const name of KUSTOMIZATION_FILES) {
    let text: string;
    try {
      text = fs.readFileSync(path.join(dir, name), 'utf8');
    } catch {
      continue;
    }
    const target = path.resolve(file);
    return kustomizationPatchPaths(text).some((p) => path.resolve(dir, p) === target);
  }
  return false;
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

/** What a file's neighbours say about it: named as a kustomize patch, or a template of a Helm chart. */
export interface FileFacts {
  kustomizePatch: boolean;
  helmTemplate: boolean;
}

const NO_FACTS: FileFacts = { kustomizePatch: false, helmTemplate: false };

/** The server's per-document answer, computed once per open document. */
export class KustomizePatches {
  private readonly known = new Map<string, FileFacts>();

  constructor(private readonly folders: () => readonly string[]) {}

  facts(uri: string): FileFacts {
    let answer = this.known.get(uri);
    if (answer === undefined) {
      const file = filePath(uri);
      const inside = file !== undefined && this.folders().some((f) => file.startsWith(f + path.sep));
      answer = inside ? { kustomizePatch: isKustomizePatch(file), helmTemplate: isHelmTemplate(file) } : NO_FACTS;
      this.known.set(uri, answer);
    }
    return answer;
  }

  forget(uri: string): void {
    this.known.delete(uri);
  }
}
