/** Diagnostics through vscode.languages.getDiagnostics: syntax errors, lint rules, and the examples. */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { closeAll, codeOf, FORCE_FAIL, facts, fixture, open, podlensDiagnostics, step, waitFor } from './helpers';

suite('diagnostics', () => {
  teardown(closeAll);

  step('syntax-diagnostic', async () => {
    const uri = fixture('broken-pod.yaml');
    await open(uri);
    const [d] = await waitFor(() => {
      const found = podlensDiagnostics(uri, 'yaml-syntax');
      return found.length ? found : undefined;
    }, 'a yaml-syntax diagnostic on broken-pod.yaml');
    assert.ok(d);
    assert.equal(d.severity, vscode.DiagnosticSeverity.Error);
    // The defect is the unclosed `[80, 443` on line 10 (1-based); the parser reports it there or on the next line.
    assert.ok([9, 10].includes(d.range.start.line), `yaml-syntax at line ${d.range.start.line + 1}`);
    if (FORCE_FAIL) assert.fail('forced failure (PODLENS_E2E_FORCE_FAIL=1) to prove that failures fail the build');
  });

  step('lint-latest-tag', async () => {
    const uri = fixture('web-pod.yaml');
    const editor = await open(uri);
    const line = editor.document
      .getText()
      .split('\n')
      .findIndex((l) => l.trim() === 'image: nginx');
    const [d] = await waitFor(() => {
      const found = podlensDiagnostics(uri, 'latest-tag');
      return found.length ? found : undefined;
    }, 'a latest-tag diagnostic on `image: nginx`');
    assert.ok(d);
    assert.equal(d.range.start.line, line, 'latest-tag points at the image line');
    assert.ok((d.severity ?? 0) >= vscode.DiagnosticSeverity.Warning, 'latest-tag is at most a warning');
    assert.ok(typeof d.code === 'object' && d.code.target, 'the diagnostic links to its rule documentation');
  });

  step('examples-no-false-errors', async function () {
    const { examples } = await facts();
    if (!examples.length) this.skip(); // no examples/*.yaml in the repository yet
    const uris = examples.map((f) => fixture('examples', f));
    for (const uri of uris) await vscode.workspace.openTextDocument(uri);
    // Barrier: the server handles didOpen in order, so once a document opened after the examples has its
    // diagnostics, the examples' diagnostics (possibly none) have been published too.
    const sentinel = await vscode.workspace.openTextDocument({
      language: 'yaml',
      content: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: sentinel\nspec:\n  containers: [\n',
    });
    await waitFor(() => podlensDiagnostics(sentinel.uri, 'yaml-syntax').length > 0, 'the sentinel diagnostic');
    const errors = uris.flatMap((uri) =>
      podlensDiagnostics(uri)
        .filter((d) => d.severity === vscode.DiagnosticSeverity.Error)
        .map((d) => `${uri.path.split('/').pop()}:${d.range.start.line + 1} ${codeOf(d)} ${d.message}`),
    );
    assert.deepEqual(errors, [], 'the examples are accepted by the API server: no error-severity findings');
    console.log(`[podlens-e2e] ${uris.length} examples opened, no error-severity diagnostics`);
  });
});
