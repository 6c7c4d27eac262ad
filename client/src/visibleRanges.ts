/**
 * Tells the server which lines of each YAML document the editors show (`podlens/visibleRanges`): a big file's
 * first diagnostics are those on screen. Sent just before a document's didOpen when an editor already shows it (a
 * window restored at start-up, a server restart), and again as the user scrolls or switches editors.
 */
import * as vscode from 'vscode';
import type { LanguageClient, Middleware } from 'vscode-languageclient/node';
import { VisibleRangesNotification } from '../../shared/protocol/ids';
import type { VisibleRangesParams } from '../../shared/protocol/lsp';

function report(client: LanguageClient, document: vscode.TextDocument): void {
  const editors = vscode.window.visibleTextEditors.filter((e) => e.document === document);
  if (editors.length === 0) return;
  const params: VisibleRangesParams = {
    textDocument: { uri: client.code2ProtocolConverter.asUri(document.uri) },
    ranges: editors.flatMap((e) => e.visibleRanges.map((r) => ({ start: r.start.line, end: r.end.line }))).slice(0, 64),
  };
  // Only a hint for the order of work: a client that is stopping may drop it.
  client.sendNotification(VisibleRangesNotification.method, params).catch(() => undefined);
}

/** Reports where an editor shows the document before the server gets it. */
export function visibleRangesMiddleware(client: () => LanguageClient | undefined): Middleware {
  return {
    didOpen: (document, next) => {
      const c = client();
      if (c) report(c, document);
      return next(document);
    },
  };
}

/** Reports scrolling and newly shown editors of YAML documents while the client runs. */
export function watchVisibleRanges(client: () => LanguageClient | undefined): vscode.Disposable {
  const send = (editor: vscode.TextEditor) => {
    const c = client();
    if (editor.document.languageId === 'yaml' && c?.isRunning()) report(c, editor.document);
  };
  return vscode.Disposable.from(
    vscode.window.onDidChangeTextEditorVisibleRanges((e) => send(e.textEditor)),
    vscode.window.onDidChangeVisibleTextEditors((editors) => {
      for (const editor of editors) send(editor);
    }),
  );
}
