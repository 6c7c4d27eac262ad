/** Liveness (not speed): after a 5,000-line multi-document file is opened, podlens still answers. */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { closeAll, facts, fixture, open, podlensDiagnostics, step, waitFor, within } from './helpers';

suite('responsiveness', () => {
  teardown(closeAll);

  step('responsive-after-large-file', async () => {
    const { large } = await facts();
    const uri = fixture(large.file);
    const t0 = Date.now();
    const editor = await open(uri);
    assert.equal(editor.document.lineCount, large.lines + 1); // the file ends with a newline
    // Its one syntax error sits in the last document: a diagnostic there means the whole file was analysed.
    const [d] = await waitFor(
      () => {
        const found = podlensDiagnostics(uri, 'yaml-syntax');
        return found.length ? found : undefined;
      },
      'the yaml-syntax diagnostic in the last document of the large file',
      60_000,
    );
    assert.ok(
      d && d.range.start.line >= large.lastDocumentStartLine,
      `error in the last document (line ${d?.range.start.line})`,
    );
    console.log(
      `[podlens-e2e] large file: ${large.lines} lines, ${large.documents} documents, diagnostics after ${Date.now() - t0} ms`,
    );

    // Still answering requests on it (the result may be empty until hover lands; it must answer).
    const mid = new vscode.Position(Math.floor(large.lines / 2), 6);
    await within(
      15_000,
      'hover on the large file',
      vscode.commands.executeCommand('vscode.executeHoverProvider', uri, mid),
    );
    await within(
      15_000,
      'document symbols of the large file',
      vscode.commands.executeCommand('vscode.executeDocumentSymbolProvider', uri),
    );

    // An edit in a small file still gets fresh diagnostics, and fixing it clears them.
    const small = fixture('web-pod.yaml');
    const ed = await open(small);
    const end = ed.document.lineAt(ed.document.lineCount - 1).range.end;
    const t1 = Date.now();
    await ed.edit((e) => e.insert(end, '\n  broken: [1, 2\n'));
    await waitFor(
      () => podlensDiagnostics(small, 'yaml-syntax').length > 0,
      'a diagnostic for the new syntax error',
      15_000,
    );
    console.log(`[podlens-e2e] after the large file: new diagnostic ${Date.now() - t1} ms after an edit`);
    const docEnd = ed.document.lineAt(ed.document.lineCount - 1).range.end;
    await ed.edit((e) => e.delete(new vscode.Range(end, docEnd)));
    await waitFor(
      () => podlensDiagnostics(small, 'yaml-syntax').length === 0,
      'the diagnostic to clear after undo',
      15_000,
    );
  });
});
