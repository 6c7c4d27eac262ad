/** Starts dist/server.js over stdio for YAML documents (the transport with the caching diagnostics encoder). */
import * as path from 'node:path';
import type * as vscode from 'vscode';
import {
  CloseAction,
  ErrorAction,
  type ErrorHandler,
  LanguageClient,
  type LanguageClientOptions,
  type Middleware,
  type ServerOptions,
  TransportKind,
} from 'vscode-languageclient/node';
import { SERVER_NODE_OPTIONS, SERVER_PROCESS_ENV } from '../../shared/protocol/serverProcess';
import { coexistenceMiddleware } from './coexistence';
import { unchangedDiagnosticsMiddleware } from './unchangedDiagnostics';

export const CLIENT_ID = 'podlens';

/** A server that crashes this often within the window is left stopped (the restart command still works). */
const MAX_RESTARTS = 5;
const RESTART_WINDOW_MS = 3 * 60 * 1000;

/**
 * Restarts a server that went away, up to MAX_RESTARTS times in RESTART_WINDOW_MS. The default handler also shuts
 * the client down after a few failed writes, and a server killed while the editor has requests in flight fails
 * every one of them (EPIPE on its stdin): the client then stopped for good instead of restarting it.
 */
function restartPolicy(): ErrorHandler {
  const restarts: number[] = [];
  return {
    // Write errors come with a dead server; `closed` follows and decides.
    error: () => ({ action: ErrorAction.Continue }),
    closed: () => {
      const now = Date.now();
      while (restarts.length > 0 && now - (restarts[0] as number) > RESTART_WINDOW_MS) restarts.shift();
      restarts.push(now);
      if (restarts.length <= MAX_RESTARTS) return { action: CloseAction.Restart };
      return {
        action: CloseAction.DoNotRestart,
        message: `The podlens language server stopped ${restarts.length} times in 3 minutes and is not restarted again. Run "podlens: Restart Language Server" after checking the podlens output.`,
      };
    },
  };
}

export function createLanguageClient(
  context: vscode.ExtensionContext,
  output: vscode.LogOutputChannel,
  middleware: Middleware,
): LanguageClient {
  const module = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverOptions: ServerOptions = {
    run: {
      module,
      transport: TransportKind.stdio,
      options: { env: SERVER_PROCESS_ENV, execArgv: [...SERVER_NODE_OPTIONS] },
    },
    debug: {
      module,
      transport: TransportKind.stdio,
      options: { env: SERVER_PROCESS_ENV, execArgv: [...SERVER_NODE_OPTIONS, '--nolazy', '--inspect=6019'] },
    },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { scheme: 'file', language: 'yaml' },
      { scheme: 'untitled', language: 'yaml' },
      { scheme: 'vscode-remote', language: 'yaml' },
    ],
    outputChannel: output,
    // `yaml` too: Red Hat YAML's schema settings decide what podlens leaves to it (coexistence.ts).
    synchronize: { configurationSection: ['podlens', 'yaml'] },
    // Disjoint hooks: coexistence rewrites workspace/configuration answers, the next one drops publishes that
    // change nothing, the caller's rewrites the CodeLens titles.
    middleware: {
      ...coexistenceMiddleware,
      ...unchangedDiagnosticsMiddleware((uri) => client.diagnostics?.get(uri)),
      ...middleware,
    },
    errorHandler: restartPolicy(),
  };
  // The id makes the client honour `podlens.trace.server`.
  const client = new LanguageClient(CLIENT_ID, 'podlens', serverOptions, clientOptions);
  return client;
}
