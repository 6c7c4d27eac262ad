/**
 * Where the user looks in each document, as the client reports it (`podlens/visibleRanges`): a big file's first
 * diagnostics are those of the documents on screen. Reports may come before the document is opened (an editor
 * restored at start-up), so they are kept by URI, a bounded number of them.
 */
import type { Connection } from 'vscode-languageserver';
import { VisibleRangesNotification, visibleRangesParamsSchema } from '../../shared/protocol/lsp';

/** More documents than any editor shows at once; the oldest report is dropped beyond it. */
const MAX_DOCUMENTS = 64;

export interface LineSpan {
  start: number;
  end: number;
}

export class VisibleLines {
  private readonly spans = new Map<string, LineSpan[]>();

  listen(connection: Pick<Connection, 'onNotification'>, log: (message: string) => void): void {
    connection.onNotification(VisibleRangesNotification.method, (params: unknown) => {
      const parsed = visibleRangesParamsSchema.safeParse(params);
      if (!parsed.success) {
        log(`podlens: ignored an invalid ${VisibleRangesNotification.method}: ${parsed.error.issues[0]?.message}`);
        return;
      }
      const { textDocument, ranges } = parsed.data;
      this.spans.delete(textDocument.uri);
      if (ranges.length === 0) return;
      this.spans.set(
        textDocument.uri,
        ranges.map((r) => ({ start: Math.min(r.start, r.end), end: Math.max(r.start, r.end) })),
      );
      if (this.spans.size > MAX_DOCUMENTS) this.spans.delete(this.spans.keys().next().value as string);
    });
  }

  /** The line ranges on screen in `uri` (one per editor, or more with folded regions), if the client said. */
  of(uri: string): readonly LineSpan[] | undefined {
    return this.spans.get(uri);
  }

  forget(uri: string): void {
    this.spans.delete(uri);
  }
}
