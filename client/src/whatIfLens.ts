/**
 * CodeLens middleware: lifecycle lenses of a pod with an active what-if say so (./whatIfStore.ts), and a
 * what-if change makes VS Code ask for the lenses of that file again.
 */
import * as vscode from 'vscode';
import { CodeLensRequest, type LanguageClient, type Middleware } from 'vscode-languageclient/node';
import { type WhatIfStore, whatIfCommand } from './whatIfStore';

export function whatIfMiddleware(store: WhatIfStore): Middleware {
  const withWhatIf = (lens: vscode.CodeLens): vscode.CodeLens => {
    const command = whatIfCommand(store, lens.command);
    if (command === lens.command || !command) return lens;
    return new vscode.CodeLens(lens.range, command);
  };
  return {
    provideCodeLenses: async (document, token, next) => (await next(document, token))?.map(withWhatIf),
    resolveCodeLens: async (lens, token, next) => {
      const resolved = await next(lens, token);
      return resolved ? withWhatIf(resolved) : resolved;
    },
  };
}

/** Asks VS Code to fetch the lenses of `uri` again (the server's own refresh request does the same). */
export function refreshLenses(client: LanguageClient | undefined, uri: string): void {
  const document = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri);
  if (!client || !document) return;
  client.getFeature(CodeLensRequest.method).getProvider(document)?.onDidChangeCodeLensEmitter.fire();
}
