/**
 * Hosts the lifecycle webview: one panel per document, opened beside the editor. The host only moves text
 * and intents: it sends the document's text (debounced on edits), the cursor line and the simulated horizon;
 * the webview simulates by itself. Every inbound message is zod-parsed; reveals only ever touch the panel's
 * own document.
 */
import { randomFillSync } from 'node:crypto';
import * as path from 'node:path';
import * as vscode from 'vscode';
import {
  type FromWebview,
  fromWebviewSchema,
  LIFECYCLE_VIEW_TYPE,
  MAX_TEXT_LENGTH,
  panelStateSchema,
  type ToWebview,
} from '../../shared/protocol/webview';
import { parseSettings } from '../../shared/settings';
import type { Range } from '../../shared/util/range';
import { makeNonce, panelHtml } from './panelHtml';

/** With the webview's own re-simulation (a few ms), an edit shows within the 150 ms the issue allows. */
const EDIT_DEBOUNCE_MS = 100;

function simulationUntil(uri: vscode.Uri): number {
  const raw = vscode.workspace.getConfiguration('podlens', uri).get('simulation');
  return parseSettings({ simulation: raw }).simulation.until;
}

/** The column for the manifest when no editor shows it: the one left of the panel, else beside it. */
function editorColumnFor(panel: vscode.WebviewPanel): vscode.ViewColumn {
  const column = panel.viewColumn ?? vscode.ViewColumn.One;
  return column > vscode.ViewColumn.One ? column - 1 : vscode.ViewColumn.Beside;
}

class LifecyclePanel {
  private readonly disposables: vscode.Disposable[] = [];
  private editTimer: ReturnType<typeof setTimeout> | undefined;
  private lastCursorLine: number | undefined;
  /**
   * A CodeLens asked for this pod document: sent with every document message until the cursor moves, so it
   * also survives a webview that is still loading.
   */
  private requestedIndex: number | null = null;

  constructor(
    readonly panel: vscode.WebviewPanel,
    readonly uri: vscode.Uri,
    private readonly distUri: vscode.Uri,
    private readonly output: vscode.LogOutputChannel,
    onDispose: () => void,
  ) {
    panel.webview.options = { enableScripts: true, localResourceRoots: [distUri] };
    panel.webview.html = this.html();
    panel.iconPath = vscode.Uri.joinPath(distUri, '..', 'client', 'media', 'icon.png');
    this.disposables.push(
      panel.webview.onDidReceiveMessage((raw) =>
        this.receive(raw).catch((err: unknown) => {
          const reason = err instanceof Error ? err.message : String(err);
          this.output.error(`lifecycle panel: ${reason}`);
          void vscode.window.showErrorMessage(`podlens: ${reason}`);
        }),
      ),
      panel.onDidDispose(() => {
        this.dispose();
        onDispose();
      }),
    );
  }

  get key(): string {
    return this.uri.toString();
  }

  private html(): string {
    const asUri = (file: string) => this.panel.webview.asWebviewUri(vscode.Uri.joinPath(this.distUri, file)).toString();
    return panelHtml({
      cspSource: this.panel.webview.cspSource,
      nonce: makeNonce((bytes) => randomFillSync(bytes)),
      scriptUri: asUri('webview.js'),
      styleUri: asUri('webview.css'),
      codiconUri: asUri('codicon.css'),
    });
  }

  post(message: ToWebview): void {
    void this.panel.webview.postMessage(message);
  }

  /** Shows the given pod document (from a CodeLens), or the one at the cursor when null. */
  select(documentIndex: number | null): void {
    this.requestedIndex = documentIndex;
    void this.sendDocument();
  }

  scheduleDocument(): void {
    clearTimeout(this.editTimer);
    this.editTimer = setTimeout(() => void this.sendDocument(), EDIT_DEBOUNCE_MS);
  }

  async sendDocument(): Promise<void> {
    clearTimeout(this.editTimer);
    let document: vscode.TextDocument;
    try {
      document = await vscode.workspace.openTextDocument(this.uri);
    } catch (err) {
      const reason = err instanceof Error ? err.message : String(err);
      this.post({ type: 'unavailable', reason: `Cannot read ${path.basename(this.uri.path)}: ${reason}` });
      return;
    }
    const text = document.getText();
    if (text.length > MAX_TEXT_LENGTH) {
      this.post({ type: 'unavailable', reason: `${path.basename(this.uri.path)} is too large to preview.` });
      return;
    }
    const editor =
      vscode.window.activeTextEditor?.document === document
        ? vscode.window.activeTextEditor
        : vscode.window.visibleTextEditors.find((e) => e.document === document);
    this.post({
      type: 'document',
      uri: this.key,
      fileName: path.basename(this.uri.path),
      version: document.version,
      text,
      cursorLine: editor ? editor.selection.active.line : null,
      documentIndex: this.requestedIndex,
      until: simulationUntil(this.uri),
    });
  }

  cursorMoved(line: number): void {
    if (line === this.lastCursorLine) return;
    this.lastCursorLine = line;
    this.requestedIndex = null;
    this.post({ type: 'cursor', line });
  }

  private async receive(raw: unknown): Promise<void> {
    const parsed = fromWebviewSchema.safeParse(raw);
    if (!parsed.success) {
      this.output.warn(`lifecycle panel: ignored an invalid message: ${parsed.error.issues[0]?.message ?? ''}`);
      return;
    }
    const message: FromWebview = parsed.data;
    switch (message.type) {
      case 'ready':
        return this.sendDocument();
      case 'reveal':
        return this.reveal(message.range);
      case 'exportScenario':
        return this.exportScenario(message.suggestedName, message.scenario);
      case 'loadScenario':
        return this.loadScenario();
      case 'log':
        this.output[message.level](`lifecycle panel: ${message.message}`);
        return;
      default: {
        const never: never = message;
        return never;
      }
    }
  }

  private async reveal(r: Range): Promise<void> {
    const document = await vscode.workspace.openTextDocument(this.uri);
    const range = document.validateRange(
      new vscode.Range(r.start.line, r.start.character, r.end.line, r.end.character),
    );
    const shown = vscode.window.visibleTextEditors.find((e) => e.document === document);
    const editor = await vscode.window.showTextDocument(document, {
      viewColumn: shown?.viewColumn ?? editorColumnFor(this.panel),
      selection: new vscode.Selection(range.start, range.end),
      preserveFocus: false,
    });
    editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  }

  private async exportScenario(suggestedName: string, scenario: Record<string, unknown>): Promise<void> {
    // A name from the webview: never a path, and never `.` or `..`, which would point the dialog at a folder.
    const base = path.basename(suggestedName.replace(/[\\/]/g, '-'));
    const name = base === '' || base === '.' || base === '..' ? 'scenario.json' : base;
    const target = await vscode.window.showSaveDialog({
      defaultUri: vscode.Uri.joinPath(this.uri, '..', name),
      filters: { 'Scenario JSON': ['json'] },
      title: 'Export the lifecycle assumptions as a scenario file',
    });
    if (!target) return;
    try {
      await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(`${JSON.stringify(scenario, null, 2)}\n`));
      const shown = vscode.workspace.asRelativePath(target);
      void vscode.window.showInformationMessage(
        `podlens: scenario saved to ${shown}. Use it with \`podlens simulate --scenario ${shown}\`.`,
      );
    } catch (err) {
      void vscode.window.showErrorMessage(`podlens: could not save the scenario: ${String(err)}`);
    }
  }

  private async loadScenario(): Promise<void> {
    const [picked] =
      (await vscode.window.showOpenDialog({
        canSelectMany: false,
        defaultUri: vscode.Uri.joinPath(this.uri, '..'),
        filters: { 'Scenario JSON': ['json'] },
        title: 'Load a scenario file into the lifecycle preview',
      })) ?? [];
    if (!picked) return;
    let scenario: unknown;
    try {
      scenario = JSON.parse(new TextDecoder().decode(await vscode.workspace.fs.readFile(picked)));
    } catch (err) {
      const reason = err instanceof Error ? err.message : String(err);
      void vscode.window.showErrorMessage(`podlens: ${path.basename(picked.path)} is not a JSON file: ${reason}`);
      return;
    }
    this.post({ type: 'scenarioLoaded', fileName: path.basename(picked.path), scenario });
  }

  dispose(): void {
    clearTimeout(this.editTimer);
    for (const d of this.disposables) d.dispose();
  }
}

/** Every open lifecycle panel, keyed by document URI, plus the editor events that feed them. */
export class LifecyclePanels implements vscode.Disposable {
  private readonly panels = new Map<string, LifecyclePanel>();
  private readonly disposables: vscode.Disposable[] = [];
  private readonly distUri: vscode.Uri;

  constructor(
    extensionUri: vscode.Uri,
    private readonly output: vscode.LogOutputChannel,
  ) {
    this.distUri = vscode.Uri.joinPath(extensionUri, 'dist');
    this.disposables.push(
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.contentChanges.length > 0) this.panels.get(e.document.uri.toString())?.scheduleDocument();
      }),
      vscode.window.onDidChangeTextEditorSelection((e) => {
        this.panels.get(e.textEditor.document.uri.toString())?.cursorMoved(e.selections[0]?.active.line ?? 0);
      }),
      vscode.window.onDidChangeActiveTextEditor((editor) => this.follow(editor)),
      vscode.workspace.onDidChangeConfiguration((e) => {
        for (const p of this.panels.values()) {
          if (e.affectsConfiguration('podlens.simulation', p.uri)) void p.sendDocument();
        }
      }),
    );
  }

  /** Opens (or reveals) the panel of a document beside the editor, on a given pod document if asked. */
  show(document: vscode.TextDocument, documentIndex: number | null): void {
    const existing = this.panels.get(document.uri.toString());
    if (existing) {
      existing.panel.reveal(existing.panel.viewColumn, true);
      existing.select(documentIndex);
      return;
    }
    const panel = vscode.window.createWebviewPanel(
      LIFECYCLE_VIEW_TYPE,
      this.title(document.uri),
      { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true },
      { enableScripts: true, localResourceRoots: [this.distUri] },
    );
    this.attach(panel, document.uri).select(documentIndex);
  }

  private title(uri: vscode.Uri): string {
    return `Lifecycle: ${path.basename(uri.path)}`;
  }

  private attach(panel: vscode.WebviewPanel, uri: vscode.Uri): LifecyclePanel {
    const key = uri.toString();
    const lifecycle = new LifecyclePanel(panel, uri, this.distUri, this.output, () => {
      if (this.panels.get(key) === lifecycle) this.panels.delete(key);
    });
    this.panels.get(key)?.panel.dispose();
    this.panels.set(key, lifecycle);
    panel.title = this.title(uri);
    return lifecycle;
  }

  /**
   * Restores a panel VS Code kept across a reload (the serializer registered at activation calls it): the
   * webview state names the document, and the webview redraws from its state at once.
   */
  async revive(panel: vscode.WebviewPanel, state: unknown): Promise<void> {
    const parsed = panelStateSchema.safeParse(state);
    if (!parsed.success) {
      panel.dispose();
      return;
    }
    this.attach(panel, vscode.Uri.parse(parsed.data.uri, true));
  }

  /**
   * The user switched to another document: if it has a panel and another lifecycle panel is showing in that
   * panel's column, bring this document's panel to the front, so the preview follows the editor.
   */
  private follow(editor: vscode.TextEditor | undefined): void {
    const target = editor && this.panels.get(editor.document.uri.toString());
    if (!target || target.panel.visible) return;
    const column = target.panel.viewColumn;
    const swap = [...this.panels.values()].some(
      (p) => p !== target && p.panel.visible && p.panel.viewColumn === column,
    );
    if (swap) target.panel.reveal(column, true);
  }

  dispose(): void {
    for (const p of this.panels.values()) p.panel.dispose();
    for (const d of this.disposables) d.dispose();
  }
}
