/**
 * Is a file named as a patch by a kustomization in its own directory? The CLI asks for any path it lints; the
 * language server asks only for files inside a workspace folder, since it reads nothing outside them.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { KUSTOMIZATION_FILES, kustomizationPatchPaths } from '../shared/model';

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

/** The server's per-document answer, computed once per open document. */
export class KustomizePatches {
  private readonly known = new Map<string, boolean>();

  constructor(private readonly folders: () => readonly string[]) {}

  isPatch(uri: string): boolean {
    let answer = this.known.get(uri);
    if (answer === undefined) {
      const file = filePath(uri);
      const inside = file !== undefined && this.folders().some((f) => file.startsWith(f + path.sep));
      answer = inside ? isKustomizePatch(file) : false;
      this.known.set(uri, answer);
    }
    return answer;
  }

  forget(uri: string): void {
    this.known.delete(uri);
  }
}
