/** Starts dist/server.js over stdio for YAML documents (the transport with the caching diagnostics encoder). */
import * as path from 'node:path';
import type * as vscode from 'vscode';
import {
  LanguageClient,
  type LanguageClientOptions,
  type ServerOptions,
  TransportKind,
} from 'vscode-languageclient/node';

export const CLIENT_ID = 'podlens';

export function createLanguageClient(
  context: vscode.ExtensionContext,
  output: vscode.LogOutputChannel,
): LanguageClient {
  const module = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.stdio },
    debug: { module, transport: TransportKind.stdio, options: { execArgv: ['--nolazy', '--inspect=6019'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { scheme: 'file', language: 'yaml' },
      { scheme: 'untitled', language: 'yaml' },
      { scheme: 'vscode-remote', language: 'yaml' },
    ],
    outputChannel: output,
    synchronize: { configurationSection: 'podlens' },
  };
  // The id makes the client honour `podlens.trace.server`.
  return new LanguageClient(CLIENT_ID, 'podlens', serverOptions, clientOptions);
}
