/**
 * Wires the language server: capabilities, document sync (incremental), settings and feature handlers.
 * All wiring takes the connection as a parameter so tests can run it over in-memory streams.
 */
import { type Connection, TextDocumentSyncKind, TextDocuments } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { lintDocument } from '../shared/lint';
import { DEFAULT_SETTINGS, type Settings } from '../shared/settings';
import type { ServerContext } from './context';
import { ManifestStore } from './documents';
import { FEATURES } from './features';
import { DiagnosticsPublisher } from './features/diagnostics';
import { fetchSettings } from './settings';

export const SERVER_NAME = 'podlens';

export function startServer(connection: Connection): void {
  const documents = new TextDocuments(TextDocument);
  let settings: Settings = DEFAULT_SETTINGS;
  let configurationSupported = false;

  const store = new ManifestStore(
    (docs) => docs.flatMap((d) => lintDocument(d)),
    (uri) => ({ path: uri }),
  );
  const ctx: ServerContext = {
    connection,
    documents,
    store,
    settings: () => settings,
    log: (m) => connection.console.error(m),
    sync: (uri) => {
      const doc = documents.get(uri);
      if (!doc) return false;
      if (store.version(uri) !== doc.version) store.update(uri, doc.getText(), doc.version);
      return true;
    },
  };
  const diagnostics = new DiagnosticsPublisher(ctx);

  connection.onInitialize((params) => {
    configurationSupported = !!params.capabilities.workspace?.configuration;
    return {
      capabilities: Object.assign(
        { textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental } },
        ...FEATURES.map((f) => f.capabilities),
      ),
      serverInfo: { name: SERVER_NAME, version: process.env.PODLENS_VERSION ?? '0.1.0' },
    };
  });

  connection.onInitialized(async () => {
    settings = await fetchSettings(connection, configurationSupported);
    diagnostics.scheduleAll();
  });

  connection.onDidChangeConfiguration(async () => {
    settings = await fetchSettings(connection, configurationSupported);
    diagnostics.scheduleAll();
  });

  documents.onDidChangeContent((e) => diagnostics.schedule(e.document.uri));
  documents.onDidClose((e) => {
    store.close(e.document.uri);
    diagnostics.clear(e.document.uri);
  });

  for (const feature of FEATURES) feature.register(ctx);
  documents.listen(connection);
}
