/** Ctx owns the language client, the output channel and every disposable of the extension. */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { createLanguageClient } from './languageClient';

export class Ctx {
  readonly output: vscode.LogOutputChannel;
  client: LanguageClient | undefined;

  constructor(readonly extension: vscode.ExtensionContext) {
    this.output = vscode.window.createOutputChannel('podlens', { log: true });
    extension.subscriptions.push(this.output);
  }

  async start(): Promise<void> {
    try {
      this.client = createLanguageClient(this.extension, this.output);
      await this.client.start();
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
}
