/** What every feature handler gets: the connection, the open documents, the analysis and the current settings. */
import type { ClientCapabilities, Connection } from 'vscode-languageserver';
import type { Analysis } from '../shared/analysis';
import type { WorkspaceObjects } from '../shared/analysis/workspace/types';
import type { Settings } from '../shared/settings';
import type { OpenDocuments } from './openDocuments';

export interface ServerContext {
  connection: Connection;
  /** The open documents' texts, for requests that read a line; analysis answers come from `analysis()`. */
  documents: OpenDocuments;
  /** The analysis of every open document at its newest version. */
  analysis(): Analysis;
  settings(): Settings;
  /**
   * The workspace index's objects, with the open documents' latest edits, complete when
   * `podlens.workspace.assumeComplete` says so: what hovers and predictions read beyond the file.
   */
  workspace(): WorkspaceObjects;
  /** What the client announced in `initialize` (snippet edits, markdown, ...); empty until then. */
  clientCapabilities: ClientCapabilities;
  log(message: string): void;
}
