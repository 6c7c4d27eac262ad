/**
 * The workspace index in the language server: scans the workspace folders' YAML files in the background, in
 * chunks of a few milliseconds with setImmediate between them so no request waits behind the scan, and keeps the
 * index current from watched-file events and open-document edits (an open document's text wins over the disk).
 * The CLI uses the same scan synchronously (`scanSync`).
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { isKustomizationFile, WorkspaceIndex } from '../shared/analysis/workspace';
import { KUSTOMIZATION_FILES } from '../shared/model';

/** Files above this size are not indexed: generated bundles, not hand-written objects another file refers to. */
export const MAX_INDEXED_FILE_BYTES = 1024 * 1024;
/** How long one scan chunk may run before it yields to requests. */
const CHUNK_MS = 8;
const SKIPPED_DIRS = new Set(['node_modules', '.git']);

export function isIndexedFile(file: string): boolean {
  const base = path.basename(file);
  return /\.ya?ml$/i.test(base) || KUSTOMIZATION_FILES.includes(base);
}

/** Is the file a template of a Helm chart (a Chart.yaml beside the `templates/` above it)? Cached per directory. */
class HelmDirs {
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
class Walk {
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

export class ServerWorkspaceIndex {
  readonly index = new WorkspaceIndex();
  private readonly helm = new HelmDirs();
  /** Open documents: their text is indexed, and disk events for them are ignored until they close. */
  private readonly open = new Set<string>();
  private readonly pending = new Map<string, () => string>();
  private scan: Promise<void> | undefined;
  private readonly listeners: (() => void)[] = [];
  private notifyScheduled = false;
  /** Files indexed by the last completed scan step, for the output channel. */
  scanned = 0;

  /** Called (coalesced, once per event-loop turn) after the index changed outside a scan. */
  onDidChange(listener: () => void): void {
    this.listeners.push(listener);
  }

  /** Starts the background scan of the folders; resolves when every file is indexed. */
  start(folders: readonly string[]): Promise<void> {
    this.scan = new Promise((resolve) => {
      const walk = new Walk(folders);
      const step = () => {
        const until = performance.now() + CHUNK_MS;
        for (;;) {
          const file = walk.next();
          if (file === undefined) {
            this.notify();
            resolve();
            return;
          }
          this.indexDisk(file);
          if (performance.now() >= until) break;
        }
        setImmediate(step);
      };
      setImmediate(step);
    });
    return this.scan;
  }

  /** Resolves when the background scan is done (at once when none runs). */
  ready(): Promise<void> {
    return this.scan ?? Promise.resolve();
  }

  /** The same scan in one go, for the CLI. */
  scanSync(folders: readonly string[]): void {
    const walk = new Walk(folders);
    for (let file = walk.next(); file !== undefined; file = walk.next()) this.indexDisk(file);
  }

  /**
   * An open document's new text, indexed on the next turn of the event loop (or the next `flush`): a burst of
   * keystrokes re-indexes the file once.
   */
  openChanged(uri: string, text: () => string): void {
    if (!uri.startsWith('file:') || !isIndexedFile(uri)) return;
    this.open.add(uri);
    const first = this.pending.size === 0;
    this.pending.set(uri, text);
    if (first) setImmediate(() => this.flush());
  }

  /** Indexes the open documents' pending edits: requests call it so they see the text they were sent with. */
  flush(): void {
    if (this.pending.size === 0) return;
    const before = this.index.generation;
    for (const [uri, text] of this.pending) {
      const value = text();
      if (value.length > MAX_INDEXED_FILE_BYTES) this.index.remove(uri);
      else this.index.update(uri, value, { helmTemplate: this.helm.isTemplate(fileURLToPath(uri)) });
    }
    this.pending.clear();
    // Other files' findings depend only on facts: an edit that moved lines does not re-publish them.
    if (this.index.generation !== before) this.notify();
  }

  /** A document closed: the disk's text counts again. */
  closed(uri: string): void {
    this.pending.delete(uri);
    if (!this.open.delete(uri) || !uri.startsWith('file:')) return;
    this.diskChanged(uri);
  }

  /** A watched file was created or changed on disk (ignored while the document is open). */
  diskChanged(uri: string): void {
    if (this.open.has(uri) || !uri.startsWith('file:')) return;
    const file = fileURLToPath(uri);
    if (isIndexedFile(file)) this.indexDisk(file);
    this.notify();
  }

  /** A watched file or folder was deleted. */
  diskDeleted(uri: string): void {
    if (this.open.has(uri)) return;
    this.index.remove(uri);
    this.index.removeUnder(uri);
    this.notify();
  }

  private indexDisk(file: string): void {
    const uri = pathToFileURL(file).href;
    if (this.open.has(uri)) return;
    const text = readSmall(file);
    if (text === undefined) {
      this.index.remove(uri);
      return;
    }
    this.index.update(uri, text, {
      helmTemplate: !isKustomizationFile(uri) && this.helm.isTemplate(file),
    });
    this.scanned++;
  }

  private notify(): void {
    if (this.notifyScheduled) return;
    this.notifyScheduled = true;
    setImmediate(() => {
      this.notifyScheduled = false;
      for (const l of this.listeners) l();
    });
  }
}
