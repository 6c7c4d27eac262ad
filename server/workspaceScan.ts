/**
 * Finding and reading the workspace's YAML files for the index: a resumable directory walk, the Helm chart test
 * and one file's facts from disk. Shared by the server's background scan (in a worker thread or in chunks), and
 * the CLI's synchronous scan, so every path indexes exactly the same files the same way.
 */
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { type FileFacts, indexFile, isKustomizationFile } from '../shared/analysis/workspace';
import { KUSTOMIZATION_FILES } from '../shared/model';

/** Files above this size are not indexed: generated bundles, not hand-written objects another file refers to. */
export const MAX_INDEXED_FILE_BYTES = 1024 * 1024;
/** Directories never walked, by the index nor the CLI: installed packages, VCS data, build output and caches. */
export const SKIPPED_DIRS: ReadonlySet<string> = new Set(['node_modules', '.git', '.cache', 'dist']);

export function isIndexedFile(file: string): boolean {
  const base = path.basename(file);
  return /\.ya?ml$/i.test(base) || KUSTOMIZATION_FILES.includes(base);
}

/** Is the file a template of a Helm chart (a Chart.yaml beside the `templates/` above it)? Cached per directory. */
export class HelmDirs {
  private readonly cache = new Map<string, boolean>();

  isTemplate(file: string): boolean {
    return this.dirIsTemplates(path.dirname(file));
  }

  private dirIsTemplates(dir: string): boolean {
    const cached = this.cache.get(dir);
    if (cached !== undefined) return cached;
    const parent = path.dirname(dir);
    const result =
      parent !== dir &&
      ((path.basename(dir) === 'templates' && fs.existsSync(path.join(parent, 'Chart.yaml'))) ||
        this.dirIsTemplates(parent));
    this.cache.set(dir, result);
    return result;
  }
}

/** Walks directories depth-first, one entry at a time, so a scan can stop anywhere and resume. */
export class Walk {
  private readonly dirs: string[];
  private files: string[] = [];

  constructor(roots: readonly string[]) {
    this.dirs = [...roots].reverse();
  }

  next(): string | undefined {
    while (this.files.length === 0) {
      const dir = this.dirs.pop();
      if (dir === undefined) return undefined;
      let entries: fs.Dirent[];
      try {
        entries = fs.readdirSync(dir, { withFileTypes: true });
      } catch {
        continue;
      }
      const subdirs: string[] = [];
      for (const e of entries) {
        const full = path.join(dir, e.name);
        if (e.isDirectory()) {
          if (!SKIPPED_DIRS.has(e.name)) subdirs.push(full);
        } else if (e.isFile() && isIndexedFile(e.name)) this.files.push(full);
      }
      this.files.reverse();
      this.dirs.push(...subdirs.sort().reverse());
    }
    return this.files.pop();
  }
}

function readSmall(file: string): string | undefined {
  try {
    if (fs.statSync(file).size > MAX_INDEXED_FILE_BYTES) return undefined;
    const text = fs.readFileSync(file, 'utf8');
    // A NUL byte means a binary file named .yaml: nothing to index.
    return text.includes('\0') ? undefined : text;
  } catch {
    return undefined;
  }
}

/** A file on disk as the index reads it: its URI and facts, or no facts when it is too big, binary or gone. */
export interface ScannedFile {
  uri: string;
  facts?: FileFacts;
}

export function readFileFacts(file: string, helm: HelmDirs): ScannedFile {
  const uri = pathToFileURL(file).href;
  const text = readSmall(file);
  if (text === undefined) return { uri };
  return { uri, facts: indexFile(uri, text, { helmTemplate: !isKustomizationFile(uri) && helm.isTemplate(file) }) };
}
