/**
 * Open documents whose edits are applied when their text is first read, not when they arrive. Applying an edit to
 * a JavaScript string copies the whole text (a substring of a concatenated string flattens it): about 3 ms per
 * keystroke in a 4 MB file. Diagnostics do not need the text (the analysis host re-splits from the edit ranges), so the
 * copy moves off the keystroke-to-diagnostics path, and a burst of keystrokes is applied at once by the next
 * request that reads the text. The text logic itself stays vscode-languageserver-textdocument's.
 */
import type { TextDocumentContentChangeEvent, TextDocumentsConfiguration } from 'vscode-languageserver';
import { type Position, type Range, TextDocument } from 'vscode-languageserver-textdocument';

export class LazyTextDocument implements TextDocument {
  private queued: TextDocumentContentChangeEvent[] = [];

  constructor(
    private applied: TextDocument,
    public version: number,
  ) {}

  get uri(): string {
    return this.applied.uri;
  }

  get languageId(): string {
    return this.applied.languageId;
  }

  get lineCount(): number {
    return this.current().lineCount;
  }

  queue(changes: readonly TextDocumentContentChangeEvent[], version: number): void {
    // A full-text change makes the edits before it irrelevant.
    const full = changes.findLastIndex((c) => !('range' in c));
    if (full >= 0) this.queued = changes.slice(full);
    else this.queued.push(...changes);
    this.version = version;
  }

  getText(range?: Range): string {
    return this.current().getText(range);
  }

  positionAt(offset: number): Position {
    return this.current().positionAt(offset);
  }

  offsetAt(position: Position): number {
    return this.current().offsetAt(position);
  }

  getLineRange(line: number): Range {
    return this.current().getLineRange(line);
  }

  getEOLCharacters(line: number): string {
    return this.current().getEOLCharacters(line);
  }

  private current(): TextDocument {
    if (this.queued.length > 0) {
      this.applied = TextDocument.update(this.applied, this.queued, this.version);
      this.queued = [];
    }
    return this.applied;
  }
}

export const lazyTextDocuments: TextDocumentsConfiguration<LazyTextDocument> = {
  create: (uri, languageId, version, content) =>
    new LazyTextDocument(TextDocument.create(uri, languageId, version, content), version),
  update: (document, changes, version) => {
    document.queue(changes, version);
    return document;
  },
};
