/** Ctx owns the language client, the output channel, the lifecycle panels and every disposable of the extension. */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import {
  type PodDocumentsParams,
  PodDocumentsRequest,
  type PodDocumentsResult,
  podDocumentsResultSchema,
} from '../../shared/protocol/lsp';
import { EditorContext } from './editorContext';
import { createLanguageClient } from './languageClient';
import { LifecyclePanels } from './lifecyclePanel';

export class Ctx {
  readonly output: vscode.LogOutputChannel;
  readonly panels: LifecyclePanels;
  readonly editorContext: EditorContext;
  client: LanguageClient | undefined;

  constructor(readonly extension: vscode.ExtensionContext) {
    this.output = vscode.window.createOutputChannel('podlens', { log: true });
    this.panels = new LifecyclePanels(extension.extensionUri, this.output);
    this.editorContext = new EditorContext((uri) => this.podDocuments(uri));
    extension.subscriptions.push(this.output, this.panels, this.editorContext);
  }

  async start(): Promise<void> {
    try {
      this.client = createLanguageClient(this.extension, this.output);
      await this.client.start();
      this.editorContext.refresh();
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      void vscode.window.showErrorMessage(`podlens: the language server did not start: ${message}`);
      throw err;
    }
  }

  async stop(): Promise<void> {
    await this.client?.stop();
    this.client = undefined;
  }

  async restart(): Promise<void> {
    await this.stop();
    await this.start();
  }

  /** The pod documents of a file, from the server; undefined while the server is not running or on error. */
  async podDocuments(uri: vscode.Uri): Promise<PodDocumentsResult | undefined> {
    const client = this.client;
    if (!client?.isRunning()) return undefined;
    try {
      const params: PodDocumentsParams = { textDocument: { uri: client.code2ProtocolConverter.asUri(uri) } };
      const parsed = podDocumentsResultSchema.safeParse(await client.sendRequest(PodDocumentsRequest.method, params));
      if (!parsed.success) this.output.warn(`podlens/podDocuments: unexpected answer: ${parsed.error.message}`);
      return parsed.success ? parsed.data : undefined;
    } catch (err) {
      this.output.warn(`podlens/podDocuments failed: ${err instanceof Error ? err.message : String(err)}`);
      return undefined;
    }
  }
}
