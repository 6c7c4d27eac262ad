/**
 * Keeps the `podlens.isPodManifest` context key true exactly while the active editor shows a YAML file with a
 * Pod or a workload pod template (it shows the editor-title preview button). The server answers which
 * documents carry a pod spec; answers are cached per document version and edits are debounced.
 */
import * as vscode from 'vscode';
import type { PodDocumentCount } from './podCount';

export const POD_MANIFEST_CONTEXT_KEY = 'podlens.isPodManifest';

const EDIT_DEBOUNCE_MS = 400;

export class EditorContext implements vscode.Disposable {
  private readonly disposables: vscode.Disposable[] = [];
  private value: boolean | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;
  /** Bumped per update, so a slow answer for a previous editor never wins. */
  private generation = 0;
  private readonly cache = new Map<string, { version: number; isPod: boolean }>();

  constructor(private readonly podDocuments: (uri: vscode.Uri) => Promise<PodDocumentCount | undefined>) {
    this.disposables.push(
      vscode.window.onDidChangeActiveTextEditor(() => this.refresh()),
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.document === vscode.window.activeTextEditor?.document && e.contentChanges.length > 0) {
          this.schedule(EDIT_DEBOUNCE_MS);
        }
      }),
      vscode.workspace.onDidCloseTextDocument((d) => this.cache.delete(d.uri.toString())),
    );
  }

  /** Re-evaluates the key for the active editor now (also when the server has just started). */
  refresh(): void {
    this.schedule(0);
  }

  private schedule(delay: number): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.update(), delay);
  }

  private async update(): Promise<void> {
    const generation = ++this.generation;
    const document = vscode.window.activeTextEditor?.document;
    if (document?.languageId !== 'yaml') {
      this.set(false);
      return;
    }
    const key = document.uri.toString();
    const cached = this.cache.get(key);
    if (cached?.version === document.version) {
      this.set(cached.isPod);
      return;
    }
    const result = await this.podDocuments(document.uri);
    // The server is not running yet: keep the key as it is; `refresh` runs again once it is.
    if (!result || generation !== this.generation) return;
    const isPod = result.count > 0;
    if (result.version !== null) this.cache.set(key, { version: result.version, isPod });
    this.set(isPod);
  }

  private set(value: boolean): void {
    if (value === this.value) return;
    this.value = value;
    void vscode.commands.executeCommand('setContext', POD_MANIFEST_CONTEXT_KEY, value);
  }

  dispose(): void {
    clearTimeout(this.timer);
    for (const d of this.disposables) d.dispose();
  }
}
