/**
 * The open documents: the server's own didOpen/didChange/didClose handling. Each notification goes to the
 * analysis host (which re-splits from the edit ranges) and to a lazily updated text document (its text is built
 * only when a request reads it), in that order, and only then are listeners told: whatever they ask the host
 * is already the newest version. Semantics are TextDocuments': changes to a document that is not open are
 * ignored, and an empty change list is no new version.
 */
import { type Connection, Emitter, type Event } from 'vscode-languageserver';
import type { AnalysisHost } from '../shared/analysis';
import { type LazyTextDocument, lazyTextDocuments } from './lazyTextDocument';

export interface DocumentEvent {
  document: LazyTextDocument;
}

export class OpenDocuments {
  private readonly docs = new Map<string, LazyTextDocument>();
  private readonly changed = new Emitter<DocumentEvent>();
  private readonly closed = new Emitter<DocumentEvent>();
  /** A document was opened or edited; the host already has this version. */
  readonly onDidChangeContent: Event<DocumentEvent> = this.changed.event;
  /** A document was closed; the host no longer has it. */
  readonly onDidClose: Event<DocumentEvent> = this.closed.event;

  constructor(private readonly host: AnalysisHost) {}

  get(uri: string): LazyTextDocument | undefined {
    return this.docs.get(uri);
  }

  all(): LazyTextDocument[] {
    return [...this.docs.values()];
  }

  listen(connection: Connection): void {
    connection.onDidOpenTextDocument(({ textDocument: td }) => {
      const document = lazyTextDocuments.create(td.uri, td.languageId, td.version, td.text);
      this.docs.set(td.uri, document);
      this.host.applyChange(td.uri, td.version, [{ text: td.text }]);
      this.changed.fire({ document });
    });
    connection.onDidChangeTextDocument(({ textDocument: td, contentChanges }) => {
      const document = this.docs.get(td.uri);
      if (!document || contentChanges.length === 0 || td.version === null || td.version === undefined) return;
      lazyTextDocuments.update(document, contentChanges, td.version);
      this.host.applyChange(td.uri, td.version, contentChanges);
      this.changed.fire({ document });
    });
    connection.onDidCloseTextDocument(({ textDocument: td }) => {
      const document = this.docs.get(td.uri);
      if (!document) return;
      this.docs.delete(td.uri);
      this.host.close(td.uri);
      this.closed.fire({ document });
    });
  }
}
