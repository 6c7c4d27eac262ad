/** What every feature handler gets: the connection, the document store and the current settings. */
import type { ClientCapabilities, Connection, TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Settings } from '../shared/settings';
import type { ManifestStore } from './documents';

export interface ServerContext {
  connection: Connection;
  documents: TextDocuments<TextDocument>;
  store: ManifestStore;
  settings(): Settings;
  /** What the client announced in `initialize` (snippet edits, markdown, ...); empty until then. */
  clientCapabilities: ClientCapabilities;
  log(message: string): void;
  /** Brings the store up to the newest text of `uri`; returns false when the document is not open. */
  sync(uri: string): boolean;
}
