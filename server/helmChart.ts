/**
 * Is a file one of a Helm chart's templates? Helm renders every file under `templates/` of a chart directory,
 * the directory holding Chart.yaml (helm.sh/docs/topics/charts, "The Chart File Structure"); nested folders
 * under `templates/` are rendered too.
 */
import fs from 'node:fs';
import path from 'node:path';

export function isHelmTemplate(file: string): boolean {
  let dir = path.dirname(path.resolve(file));
  for (;;) {
    const parent = path.dirname(dir);
    if (parent === dir) return false;
    if (path.basename(dir) === 'templates' && fs.existsSync(path.join(parent, 'Chart.yaml'))) return true;
    dir = parent;
  }
}
