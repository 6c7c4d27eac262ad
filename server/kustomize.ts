/** Node-side lookup: is a file named as a patch by a kustomization in its own directory? */
import fs from 'node:fs';
import path from 'node:path';
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
