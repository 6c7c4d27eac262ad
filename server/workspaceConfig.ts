/**
 * Finds, reads and watches `.podlens.yaml` at the root of each workspace folder (never outside them), and turns an
 * open `.podlens.yaml` into diagnostics. With several folders the rule levels are layered, the first folder
 * winning, because the analysis cache is shared by every open file and holds one set of levels; the target
 * (`kubernetesVersion`, `featureGates`) is each folder's own (./folderTargets).
 */
import { type FSWatcher, promises as fs, watch } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  applyLevels,
  CONFIG_FILE_NAME,
  DEFAULT_LINT_CONFIG,
  type Finding,
  type LintConfig,
  mergeLintConfigs,
  parseConfigFile,
} from '../shared/lint';

/** True for a document named `.podlens.yaml`, which gets configuration diagnostics instead of manifest ones. */
export function isConfigFileUri(uri: string): boolean {
  return uri.endsWith(`/${CONFIG_FILE_NAME}`);
}

/** Problems in an open `.podlens.yaml`, at the levels in force. */
export function configFileFindings(text: string, config: LintConfig): Finding[] {
  return applyLevels(parseConfigFile(text).findings, config);
}

function toFsPath(uri: string): string | undefined {
  try {
    return uri.startsWith('file:') ? fileURLToPath(uri) : undefined;
  } catch {
    return undefined;
  }
}

export class WorkspaceConfig {
  private folders: string[] = [];
  /** The folders as the client names them (URIs), each with its file-system path. */
  private named: { uri: string; path: string }[] = [];
  private configs = new Map<string, LintConfig>();
  private watchers: FSWatcher[] = [];
  /** What `watch` calls on a change, kept for the folders that come later (`replaceFolders`). */
  private onChange: (() => void) | undefined;
  private current = DEFAULT_LINT_CONFIG;
  /** What `recompute` compares: the layered configuration and each folder's own (its target). */
  private seen = '';

  constructor(private readonly log: (message: string) => void) {}

  /** File-system paths of the workspace folders: the only places the server reads files from. */
  folderPaths(): readonly string[] {
    return this.folders;
  }

  /** Workspace folder URIs from `initialize` (workspaceFolders, else rootUri); only `file:` folders are read. */
  setFolders(uris: readonly string[]): void {
    this.named = uris.flatMap((uri) => {
      const p = toFsPath(uri);
      return p === undefined ? [] : [{ uri, path: p }];
    });
    this.folders = this.named.map((f) => f.path);
  }

  /** The folder URIs in force, in the client's order. */
  folderUris(): string[] {
    return this.named.map((f) => f.uri);
  }

  /**
   * The workspace folders changed in the editor: reads and watches the new set's files (as `load` and `watch`
   * did at start-up); resolves true when the layered configuration or a folder's own changed.
   */
  async replaceFolders(uris: readonly string[]): Promise<boolean> {
    this.dispose();
    this.setFolders(uris);
    for (const folder of [...this.configs.keys()]) if (!this.folders.includes(folder)) this.configs.delete(folder);
    const changed = await this.load();
    if (this.onChange) this.watch(this.onChange);
    return changed;
  }

  /** Each folder's URI with its own `.podlens.yaml` configuration, if it has one. */
  folderConfigs(): { uri: string; config: LintConfig | undefined }[] {
    return this.named.map((f) => ({ uri: f.uri, config: this.configs.get(f.path) }));
  }

  /** The layered configuration of every folder's `.podlens.yaml`. */
  config(): LintConfig {
    return this.current;
  }

  /** Reads every folder's file; resolves true when the layered configuration or a folder's own changed. */
  async load(): Promise<boolean> {
    await Promise.all(this.folders.map((f) => this.read(f)));
    return this.recompute();
  }

  /** Re-reads a folder's file whenever it is created, changed or deleted, then calls `onChange` if it changed. */
  watch(onChange: () => void): void {
    this.onChange = onChange;
    for (const folder of this.folders) {
      try {
        const watcher = watch(folder, { persistent: false }, (_event, filename) => {
          if (filename !== null && filename !== CONFIG_FILE_NAME) return;
          void this.read(folder).then(() => {
            if (this.recompute()) onChange();
          });
        });
        watcher.on('error', (err) => this.log(`podlens: watching ${folder} failed: ${err.message}`));
        this.watchers.push(watcher);
      } catch (err) {
        this.log(`podlens: cannot watch ${folder}: ${err instanceof Error ? err.message : String(err)}`);
      }
    }
  }

  dispose(): void {
    for (const w of this.watchers) w.close();
    this.watchers = [];
  }

  private async read(folder: string): Promise<void> {
    const file = path.join(folder, CONFIG_FILE_NAME);
    let text: string;
    try {
      text = await fs.readFile(file, 'utf8');
    } catch {
      this.configs.delete(folder);
      return;
    }
    const { config, findings } = parseConfigFile(text);
    for (const f of findings) {
      this.log(`podlens: ${file}:${f.range.start.line + 1}:${f.range.start.character + 1}: ${f.message}`);
    }
    this.configs.set(folder, config);
  }

  private recompute(): boolean {
    const layers = this.folders.flatMap((f) => this.configs.get(f) ?? []).reverse();
    this.current = mergeLintConfigs(DEFAULT_LINT_CONFIG, ...layers);
    // A folder's own version counts even when an earlier folder's shadows it in the layered configuration.
    const seen = JSON.stringify([this.current, this.folderConfigs()]);
    const changed = seen !== this.seen;
    this.seen = seen;
    return changed;
  }
}
