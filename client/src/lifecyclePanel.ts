/**
 * Hosts the lifecycle webview: one panel, opened beside the editor, that follows the active manifest and the
 * pod under the cursor as VS Code's Markdown preview does, unless the user locks it to its document. The host
 * only moves text and intents: it sends the document's text (debounced on edits), the cursor line and the
 * simulated horizon; the webview simulates by itself. Every inbound message is zod-parsed; reveals only ever
 * touch the panel's own document.
 */
import { randomFillSync } from 'node:crypto';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { KubernetesTarget } from '../../shared/k8s/version/target';
import type { WorkspaceFacts } from '../../shared/protocol/lsp';
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
import type { PodDocumentCount } from './podCount';
import type { WhatIfStore } from './whatIfStore';

/** True while the lifecycle panel is locked: picks the lock or unlock button of the panel's title bar. */
const PANEL_LOCKED_CONTEXT_KEY = 'podlens.lifecyclePanelLocked';
/** Workspace-state key of the document the panel is locked to. */
const LOCKED_URI_KEY = 'podlens.lifecyclePanel.lockedUri';
/** True while the panel is open: the lock commands show in the palette. */
const PANEL_OPEN_CONTEXT_KEY = 'podlens.lifecyclePanelOpen';

const setContext = (key: string, value: boolean) => void vscode.commands.executeCommand('setContext', key, value);

/** With the webview's own re-simulation (a few ms), an edit shows within the 150 ms the issue allows. */
const EDIT_DEBOUNCE_MS = 100;

/** What the panels ask the language server; each answers undefined while the server does not run. */
export interface PanelServer {
  podDocuments(uri: vscode.Uri): Promise<PodDocumentCount | undefined>;
  /** The workspace objects the file's pods can read, for the webview's simulation. */
  podWorkspace(uri: vscode.Uri): Promise<WorkspaceFacts | undefined>;
  /** The Kubernetes version and gates the file is checked against (its folder's settings and `.podlens.yaml`). */
  fileTarget(uri: vscode.Uri): Promise<KubernetesTarget>;
}

function simulationUntil(uri: vscode.Uri): number {
  const raw = vscode.workspace.getConfiguration('podlens', uri).get('simulation');
  return parseSettings({ simulation: raw }).simulation.until;
}

/** The column for the manifest when no editor shows it: the one left of the panel, else beside it. */
function editorColumnFor(panel: vscode.WebviewPanel): vscode.ViewColumn {
  const column = panel.viewColumn ?? vscode.ViewColumn.One;
  return column > vscode.ViewColumn.One ? column - 1 : vscode.ViewColumn.Beside;
}

function panelTitle(uri: vscode.Uri, locked: boolean): string {
  return `${locked ? '[Locked] ' : ''}Lifecycle: ${path.basename(uri.path)}`;
}

class LifecyclePanel {
  private readonly disposables: vscode.Disposable[] = [];
  private editTimer: ReturnType<typeof setTimeout> | undefined;
  private lastCursorLine: number | undefined;
  private locked = false;
  /**
   * A CodeLens asked for this pod document: sent with every document message until the cursor moves, so it
   * also survives a webview that is still loading.
   */
  private requestedIndex: number | null = null;

  constructor(
    readonly panel: vscode.WebviewPanel,
    private uri: vscode.Uri,
    private readonly distUri: vscode.Uri,
    private readonly output: vscode.LogOutputChannel,
    private readonly whatIf: WhatIfStore,
    private readonly server: Pick<PanelServer, 'podWorkspace' | 'fileTarget'>,
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
        this.whatIf.clear(this.key);
        this.dispose();
        onDispose();
      }),
    );
    this.panel.title = panelTitle(uri, false);
  }

  get key(): string {
    return this.uri.toString();
  }

  get isLocked(): boolean {
    return this.locked;
  }

  /**
   * Points the panel at another document (the caller sends it): the what-if edits of the previous one end
   * here, as the webview drops them.
   */
  retarget(uri: vscode.Uri): void {
    if (uri.toString() === this.key) return;
    this.whatIf.clear(this.key);
    this.uri = uri;
    this.lastCursorLine = undefined;
    this.requestedIndex = null;
    this.panel.title = panelTitle(uri, this.locked);
  }

  setLocked(locked: boolean): void {
    this.locked = locked;
    this.panel.title = panelTitle(this.uri, locked);
    this.post({ type: 'panel', locked });
    setContext(PANEL_LOCKED_CONTEXT_KEY, locked);
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
    const uri = this.uri;
    let document: vscode.TextDocument;
    try {
      document = await vscode.workspace.openTextDocument(uri);
    } catch (err) {
      const reason = err instanceof Error ? err.message : String(err);
      if (uri === this.uri)
        this.post({ type: 'unavailable', reason: `Cannot read ${path.basename(uri.path)}: ${reason}` });
      return;
    }
    // The index's answer reflects the text sent with the same edit: the server sees edits before the panel's debounce.
    const [workspace, target] = await Promise.all([this.server.podWorkspace(uri), this.server.fileTarget(uri)]);
    // The panel moved to another document meanwhile: that one's own send follows, this text is not its.
    if (uri !== this.uri) return;
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
      target,
      ...(workspace ? { workspace } : {}),
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
        this.post({ type: 'panel', locked: this.locked });
        return this.sendDocument();
      case 'whatIf':
        // A late message about a document the panel has already left must not mark that file.
        if (message.uri === this.key) {
          this.whatIf.set(message.uri, message.documentIndex, { changed: message.changed, headline: message.headline });
        }
        return;
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

/**
 * The one lifecycle panel and the editor events that feed it. Unlocked, it follows the active YAML editor when
 * that file has a pod to preview; locked, it stays on its document. Opening a file while the panel has focus
 * does not cover it: `workbench.editor.autoLockGroups` (package.json `configurationDefaults`) locks the group
 * the panel opened in, as for the Markdown preview.
 */
export class LifecyclePanels implements vscode.Disposable {
  private current: LifecyclePanel | undefined;
  private readonly disposables: vscode.Disposable[] = [];
  private readonly distUri: vscode.Uri;
  /** Bumped per active-editor change, so a slow pod-documents answer for an earlier editor is dropped. */
  private followGeneration = 0;

  constructor(
    extensionUri: vscode.Uri,
    private readonly output: vscode.LogOutputChannel,
    private readonly whatIf: WhatIfStore,
    private readonly server: PanelServer,
    /**
     * Workspace storage for the lock. The webview's own state is saved only when VS Code gets round to it, and a
     * reload right after locking can restore the state from before the lock; the host's storage is flushed first.
     */
    private readonly storage: vscode.Memento,
  ) {
    this.distUri = vscode.Uri.joinPath(extensionUri, 'dist');
    this.disposables.push(
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.contentChanges.length > 0 && this.shows(e.document.uri)) this.current?.scheduleDocument();
      }),
      vscode.window.onDidChangeTextEditorSelection((e) => {
        if (this.shows(e.textEditor.document.uri)) this.current?.cursorMoved(e.selections[0]?.active.line ?? 0);
      }),
      vscode.window.onDidChangeActiveTextEditor((editor) => void this.follow(editor)),
      vscode.workspace.onDidChangeConfiguration((e) => {
        const p = this.current;
        const uri = p && vscode.Uri.parse(p.key);
        const affects = (section: string) => uri !== undefined && e.affectsConfiguration(section, uri);
        // A new version or gate set means another kubelet: the webview simulates again.
        if (
          p &&
          (affects('podlens.simulation') || affects('podlens.kubernetesVersion') || affects('podlens.featureGates'))
        )
          void p.sendDocument();
      }),
    );
  }

  /** The server's targets changed (a folder's settings or `.podlens.yaml`): the panel simulates again. */
  targetsChanged(): void {
    void this.current?.sendDocument();
  }

  private shows(uri: vscode.Uri): boolean {
    return this.current?.key === uri.toString();
  }

  /**
   * Shows a document in the panel (from a CodeLens, on a given pod document), revealing the existing panel
   * rather than opening a second one. An explicit request wins over a lock: the panel stays locked, now to
   * the document the user asked for.
   */
  show(document: vscode.TextDocument, documentIndex: number | null): void {
    const existing = this.current;
    if (existing) {
      existing.retarget(document.uri);
      this.rememberLock();
      existing.panel.reveal(existing.panel.viewColumn, true);
      existing.select(documentIndex);
      return;
    }
    const panel = vscode.window.createWebviewPanel(
      LIFECYCLE_VIEW_TYPE,
      panelTitle(document.uri, false),
      { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true },
      { enableScripts: true, localResourceRoots: [this.distUri] },
    );
    this.attach(panel, document.uri).select(documentIndex);
    this.rememberLock();
  }

  /** Stores the document the panel is locked to, or that it is not locked. */
  private rememberLock(): void {
    const p = this.current;
    void this.storage.update(LOCKED_URI_KEY, p?.isLocked ? p.key : undefined);
  }

  /** Locks the panel to its document, unlocks it, or toggles when `locked` is undefined. */
  setLocked(locked?: boolean): void {
    const p = this.current;
    if (!p) return;
    p.setLocked(locked ?? !p.isLocked);
    this.rememberLock();
    if (!p.isLocked) void this.follow(vscode.window.activeTextEditor);
  }

  private attach(panel: vscode.WebviewPanel, uri: vscode.Uri): LifecyclePanel {
    const lifecycle = new LifecyclePanel(panel, uri, this.distUri, this.output, this.whatIf, this.server, () => {
      if (this.current !== lifecycle) return;
      this.current = undefined;
      setContext(PANEL_OPEN_CONTEXT_KEY, false);
      setContext(PANEL_LOCKED_CONTEXT_KEY, false);
    });
    this.current?.panel.dispose();
    this.current = lifecycle;
    setContext(PANEL_OPEN_CONTEXT_KEY, true);
    setContext(PANEL_LOCKED_CONTEXT_KEY, false);
    return lifecycle;
  }

  /**
   * Restores the panel VS Code kept across a reload (the serializer registered at activation calls it): the
   * webview state names the document and the lock, and the webview redraws from its state at once. Panels
   * beyond the first (left by versions that opened one per file) are closed.
   */
  async revive(panel: vscode.WebviewPanel, state: unknown): Promise<void> {
    const parsed = panelStateSchema.safeParse(state);
    if (!parsed.success || this.current) {
      panel.dispose();
      return;
    }
    const lifecycle = this.attach(panel, vscode.Uri.parse(parsed.data.uri, true));
    const locked = parsed.data.locked || this.storage.get<string>(LOCKED_URI_KEY) === lifecycle.key;
    if (locked) lifecycle.setLocked(true);
    this.output.info(`lifecycle panel: restored for ${parsed.data.fileName}${locked ? ', locked' : ''}`);
  }

  /** The user switched editors: an unlocked panel follows to a YAML file with a pod to preview. */
  private async follow(editor: vscode.TextEditor | undefined): Promise<void> {
    const generation = ++this.followGeneration;
    const p = this.current;
    const document = editor?.document;
    if (!p || p.isLocked || !document || document.languageId !== 'yaml' || this.shows(document.uri)) return;
    const pods = await this.server.podDocuments(document.uri);
    // Without the server's answer (not started yet) the webview itself says when a file has no pod.
    if (generation !== this.followGeneration || this.current !== p || p.isLocked) return;
    if (pods?.count === 0) return;
    p.retarget(document.uri);
    await p.sendDocument();
  }

  dispose(): void {
    this.current?.panel.dispose();
    for (const d of this.disposables) d.dispose();
  }
}
