/**
 * The workspace index in the language server: scans the workspace folders' YAML files in the background — in
 * worker threads when the server runs from its bundle (./workspaceIndexWorker), else in chunks of a few
 * milliseconds with setImmediate between them — so no request waits behind the scan, and keeps the index current
 * from watched-file events and open-document edits (an open document's text wins over the disk). The CLI uses the
 * same scan synchronously (`scanSync`).
 */
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { type FileFacts, type IndexFileOptions, indexFile, WorkspaceIndex } from '../shared/analysis/workspace';
import { scanInWorkers, scanWorkerCount } from './workspaceIndexWorker';
import {
  HelmDirs,
  isIndexedFile,
  MAX_INDEXED_FILE_BYTES,
  readFileFacts,
  type ScannedFile,
  Walk,
} from './workspaceScan';

/** How long one scan chunk may run before it yields to requests (when no worker scans). */
const CHUNK_MS = 8;

/**
 * An open document as the index reads it: its text, or its length and a reader of the facts from what the
 * analysis host parsed already (./openFileFacts), which spares the index a second parse of the file. `ready`
 * false: the file's analysis is still running in worker threads, which read its facts where they parse it; the
 * index reads it when told (`flushSoon`) instead of parsing it on the main thread meanwhile.
 */
export type OpenText =
  | string
  | { length: number; facts: (options: IndexFileOptions) => FileFacts; ready?: () => boolean };

export class ServerWorkspaceIndex {
  readonly index = new WorkspaceIndex();
  /**
   * What the main thread indexed or removed while a worker scans: the worker read those files earlier, so its
   * facts for them are older than the index's and are dropped.
   */
  private superseded: { uris: Set<string>; dirs: string[] } | undefined;
  private readonly helm = new HelmDirs();
  /** Open documents: their text is indexed, and disk events for them are ignored until they close. */
  private readonly open = new Set<string>();
  private readonly pending = new Map<string, () => OpenText>();
  private scan: Promise<void> | undefined;
  private readonly listeners: (() => void)[] = [];
  private notifyScheduled = false;
  private flushScheduled = false;
  /** Files indexed by the last completed scan step, for the output channel. */
  scanned = 0;

  /** `workerScript`: the server bundle, which doubles as the scan worker; without it the scan runs in chunks. */
  constructor(
    private readonly workerScript?: string,
    private readonly workers = scanWorkerCount(),
  ) {}

  /** Called (coalesced, once per event-loop turn) after the index changed outside a scan. */
  onDidChange(listener: () => void): void {
    this.listeners.push(listener);
  }

  /**
   * Starts the background scan of the folders; resolves, with the thread that did the work, when every file is
   * indexed. In a worker when the server bundle was given (one that fails leaves the scan to the main thread).
   */
  start(folders: readonly string[]): Promise<'worker' | 'main'> {
    const done = this.scanFolders(folders).then((thread) => {
      this.notify();
      return thread;
    });
    this.scan = done.then(() => undefined);
    return done;
  }

  /**
   * The workspace folders changed (a folder added to the workspace or removed from it): files no folder holds any
   * more leave the index, except open documents, whose text counts wherever they are; folders not read yet are
   * scanned after the scan that may still run. Before the first scan starts there is nothing to do: it reads the
   * folders in force when it starts. Resolves once the index follows the new folders.
   */
  foldersChanged(before: readonly string[], after: readonly string[]): Promise<void> {
    const dropped = before.filter((f) => !within(f, after));
    // A folder kept inside a dropped one loses its files with it, and is read again.
    const fresh = after.filter((f) => !within(f, before) || dropped.some((d) => within(f, [d])));
    const drop = () => {
      for (const dir of dropped) this.index.removeUnder(pathToFileURL(dir).href, (uri) => this.open.has(uri));
    };
    drop();
    if (!this.scan) return Promise.resolve();
    this.scan = this.scan.then(async () => {
      // A scan that was running when the folders changed may have stored files of a dropped folder since.
      drop();
      if (fresh.length > 0) await this.scanFolders(fresh);
      this.notify();
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
  openChanged(uri: string, text: () => OpenText): void {
    if (localPath(uri) === undefined || !isIndexedFile(uri)) return;
    this.open.add(uri);
    this.pending.set(uri, text);
    this.flushSoon();
  }

  /** Indexes the pending open documents on the next turn of the event loop (also those that were not ready). */
  flushSoon(): void {
    if (this.flushScheduled || this.pending.size === 0) return;
    this.flushScheduled = true;
    setImmediate(() => {
      this.flushScheduled = false;
      this.flush();
    });
  }

  /**
   * Indexes the open documents' pending edits: requests call it so they see the text they were sent with. A file
   * whose facts are not ready keeps its previous ones until `flushSoon` is called after its analysis.
   */
  flush(): void {
    if (this.pending.size === 0) return;
    const before = this.index.generation;
    for (const [uri, text] of this.pending) {
      const value = text();
      const options = { helmTemplate: this.helm.isTemplate(localPath(uri) ?? uri) };
      if (value.length > MAX_INDEXED_FILE_BYTES) this.index.remove(uri);
      else if (typeof value === 'string') this.index.set(indexFile(uri, value, options));
      else if (value.ready?.() === false) continue;
      else this.index.set(value.facts(options));
      this.pending.delete(uri);
    }
    // Other files' findings depend only on facts: an edit that moved lines does not re-publish them.
    if (this.index.generation !== before) this.notify();
  }

  /** A document closed: the disk's text counts again. */
  closed(uri: string): void {
    this.pending.delete(uri);
    if (!this.open.delete(uri) || localPath(uri) === undefined) return;
    this.diskChanged(uri);
  }

  /** A watched file was created or changed on disk (ignored while the document is open). */
  diskChanged(uri: string): void {
    const file = localPath(uri);
    if (this.open.has(uri) || file === undefined) return;
    this.superseded?.uris.add(uri);
    if (isIndexedFile(file)) this.indexDisk(file);
    this.notify();
  }

  /** A watched file or folder was deleted. */
  diskDeleted(uri: string): void {
    if (this.open.has(uri)) return;
    this.superseded?.uris.add(uri);
    this.superseded?.dirs.push(uri.endsWith('/') ? uri : `${uri}/`);
    this.index.remove(uri);
    this.index.removeUnder(uri);
    this.notify();
  }

  private scanFolders(folders: readonly string[]): Promise<'worker' | 'main'> {
    // No folder (a file opened on its own): nothing to walk, and a worker would cost its start-up for nothing.
    if (!this.workerScript || folders.length === 0) return this.scanInChunks(folders).then(() => 'main' as const);
    return this.scanInWorker(this.workerScript, folders).then(
      () => 'worker' as const,
      () => this.scanInChunks(folders).then(() => 'main' as const),
    );
  }

  /**
   * Stores the workers' files all at once when they are done: every change of the index makes the next edit's
   * cross-file findings rebuild their view of it, so storing batches as they came would tax each edit of the scan.
   */
  private async scanInWorker(script: string, folders: readonly string[]): Promise<void> {
    this.superseded = { uris: new Set(), dirs: [] };
    const scanned: ScannedFile[] = [];
    try {
      await scanInWorkers(script, folders, (files) => scanned.push(...files), this.workers);
      for (const file of scanned) if (!this.isSuperseded(file.uri)) this.store(file);
    } finally {
      this.superseded = undefined;
    }
  }

  private scanInChunks(folders: readonly string[]): Promise<void> {
    return new Promise((resolve) => {
      const walk = new Walk(folders);
      const step = () => {
        const until = performance.now() + CHUNK_MS;
        for (;;) {
          const file = walk.next();
          if (file === undefined) {
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
  }

  private isSuperseded(uri: string): boolean {
    const s = this.superseded;
    return !!s && (s.uris.has(uri) || s.dirs.some((d) => uri.startsWith(d)));
  }

  private indexDisk(file: string): void {
    this.store(readFileFacts(file, this.helm));
  }

  private store({ uri, facts }: ScannedFile): void {
    if (this.open.has(uri)) return;
    if (!facts) {
      this.index.remove(uri);
      return;
    }
    this.index.set(facts);
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

/** Whether `dir` is one of `folders` or inside one of them. */
function within(dir: string, folders: readonly string[]): boolean {
  return folders.some((f) => dir === f || dir.startsWith(f + path.sep));
}

/**
 * The local path of a `file:` URI, or undefined for other schemes and for file URIs Node cannot map to a path
 * here (a UNC host such as `file://fileserver/share` on Linux): such documents are linted, not indexed.
 */
function localPath(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}
