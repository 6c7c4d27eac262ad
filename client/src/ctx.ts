/**
 * Ctx owns the language client, the output channel, the lifecycle panels and every disposable of the extension.
 * Activation only constructs it: the language client library, the panels and the message schemas are loaded
 * on first use, so activating costs only what registering needs.
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import type { ZodType, ZodTypeDef } from 'zod';
import {
  LIFECYCLE_VIEW_TYPE,
  PodDocumentsRequest,
  PodWorkspaceRequest,
  TargetsChangedNotification,
} from '../../shared/protocol/ids';
import type { PodDocumentsParams, WorkspaceFacts } from '../../shared/protocol/lsp';
import { EditorContext } from './editorContext';
import type { KustomizePreviews } from './kustomizePreview';
import type { LifecyclePanels } from './lifecyclePanel';
import type { PodDocumentCount } from './podCount';
import type { VersionStatus } from './statusBar';
import { WhatIfStore } from './whatIfStore';

export class Ctx {
  readonly output: vscode.LogOutputChannel;
  readonly editorContext: EditorContext;
  /** The lifecycle panel's what-if edits, which the CodeLens middleware shows. */
  readonly whatIf = new WhatIfStore((uri) => {
    void import('./whatIfLens').then(({ refreshLenses }) => refreshLenses(this.client, uri));
  });
  client: LanguageClient | undefined;
  private lifecyclePanels: Promise<LifecyclePanels> | undefined;
  private previews: Promise<KustomizePreviews> | undefined;
  /** The running start, so a stop waits for it (a client still starting cannot be stopped). */
  private starting: Promise<void> | undefined;
  private watchingExtensions = false;
  private watchingRanges = false;
  private versionShown = false;
  private versionStatus: VersionStatus | undefined;

  constructor(readonly extension: vscode.ExtensionContext) {
    this.output = vscode.window.createOutputChannel('podlens', { log: true });
    this.editorContext = new EditorContext((uri) => this.podDocuments(uri));
    extension.subscriptions.push(
      this.output,
      this.editorContext,
      // Registered now so VS Code can restore panels after a reload; the panel code loads when one is restored.
      vscode.window.registerWebviewPanelSerializer(LIFECYCLE_VIEW_TYPE, {
        deserializeWebviewPanel: async (panel, state) => (await this.panels()).revive(panel, state),
      }),
    );
  }

  /** The lifecycle panels, loaded on first use. */
  panels(): Promise<LifecyclePanels> {
    this.lifecyclePanels ??= import('./lifecyclePanel').then(({ LifecyclePanels }) => {
      const panels = new LifecyclePanels(
        this.extension.extensionUri,
        this.output,
        this.whatIf,
        {
          podDocuments: (uri) => this.podDocuments(uri),
          podWorkspace: (uri) => this.podWorkspace(uri),
          fileTarget: async (uri) => (await import('./target')).fileTarget(uri, this.client),
        },
        this.extension.workspaceState,
      );
      this.extension.subscriptions.push(panels);
      return panels;
    });
    return this.lifecyclePanels;
  }

  /** The rendered-kustomization documents, loaded on first use. */
  kustomizePreviews(): Promise<KustomizePreviews> {
    this.previews ??= import('./kustomizePreview').then(({ KustomizePreviews }) => {
      const previews = new KustomizePreviews(this);
      this.extension.subscriptions.push(previews);
      return previews;
    });
    return this.previews;
  }

  start(): Promise<void> {
    this.starting = this.startClient();
    this.showVersion();
    return this.starting;
  }

  /** The status-bar version item, once (it reads settings through zod, so it loads after activation). */
  private showVersion(): void {
    if (this.versionShown) return;
    this.versionShown = true;
    void import('./statusBar').then(({ createVersionStatus }) => {
      this.versionStatus = createVersionStatus(() => this.client);
      this.extension.subscriptions.push(this.versionStatus);
    });
  }

  private async startClient(): Promise<void> {
    try {
      const [{ createLanguageClient }, { whatIfMiddleware }, visible] = await Promise.all([
        import('./languageClient'),
        import('./whatIfLens'),
        import('./visibleRanges'),
      ]);
      // Disjoint hooks: the CodeLens titles, and where each document is on screen when it is opened.
      this.client = createLanguageClient(this.extension, this.output, {
        ...whatIfMiddleware(this.whatIf),
        ...visible.visibleRangesMiddleware(() => this.client),
      });
      await this.client.start();
      // The server knows each file's whole target (folder settings, .podlens.yaml) and says when it changes.
      this.client.onNotification(TargetsChangedNotification.method, () => {
        this.versionStatus?.refresh();
        void this.lifecyclePanels?.then((panels) => panels.targetsChanged());
      });
      this.versionStatus?.refresh();
      if (!this.watchingRanges) {
        this.watchingRanges = true;
        this.extension.subscriptions.push(visible.watchVisibleRanges(() => this.client));
      }
      this.editorContext.refresh();
      this.offerCoexistence();
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      void vscode.window.showErrorMessage(`podlens: the language server did not start: ${message}`);
      throw err;
    }
  }

  /** Watches for Red Hat YAML coming and going, and offers the podlens.coexistence choice once. */
  private offerCoexistence(): void {
    void import('./coexistence').then(({ offerCoexistenceChoice, watchExtensions }) => {
      if (!this.watchingExtensions) {
        this.watchingExtensions = true;
        this.extension.subscriptions.push(watchExtensions(() => this.client));
      }
      return offerCoexistenceChoice(this.extension);
    });
  }

  async stop(): Promise<void> {
    await this.starting?.catch(() => undefined);
    const client = this.client;
    this.client = undefined;
    if (client?.isRunning()) await client.stop();
  }

  async restart(): Promise<void> {
    await this.stop();
    await this.start();
  }

  /** How many pod documents a file has, from the server; undefined while the server is not running or on error. */
  async podDocuments(uri: vscode.Uri): Promise<PodDocumentCount | undefined> {
    const { podDocumentCountSchema } = await import('./podCount');
    return this.ask(PodDocumentsRequest.method, podDocumentCountSchema, uri);
  }

  /** The workspace objects a file's pods can read; undefined while the server is not running or on error. */
  async podWorkspace(uri: vscode.Uri): Promise<WorkspaceFacts | undefined> {
    const { workspaceFactsSchema } = await import('../../shared/protocol/lsp');
    return this.ask(PodWorkspaceRequest.method, workspaceFactsSchema, uri);
  }

  /** A podlens request about one file, its answer parsed: a server of another version may answer otherwise. */
  private async ask<T>(
    method: string,
    schema: ZodType<T, ZodTypeDef, unknown>,
    uri: vscode.Uri,
  ): Promise<T | undefined> {
    const client = this.client;
    if (!client?.isRunning()) return undefined;
    try {
      const params: PodDocumentsParams = { textDocument: { uri: client.code2ProtocolConverter.asUri(uri) } };
      const parsed = schema.safeParse(await client.sendRequest(method, params));
      if (!parsed.success) this.output.warn(`${method}: unexpected answer: ${parsed.error.message}`);
      return parsed.success ? parsed.data : undefined;
    } catch (err) {
      this.output.warn(`${method} failed: ${err instanceof Error ? err.message : String(err)}`);
      return undefined;
    }
  }
}
