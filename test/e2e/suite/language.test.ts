/** Language features through the VS Code API commands: hover, completion, code actions, CodeLens. */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import {
  closeAll,
  completionLabels,
  facts,
  fixture,
  hoverText,
  open,
  podlensDiagnostics,
  step,
  waitFor,
} from './helpers';

function lineOf(doc: vscode.TextDocument, predicate: (line: string) => boolean): number {
  for (let i = 0; i < doc.lineCount; i++) if (predicate(doc.lineAt(i).text)) return i;
  throw new Error(`no such line in ${doc.uri.path}`);
}

suite('language features', () => {
  teardown(closeAll);

  step('hover-effective-value', async () => {
    const uri = fixture('web-pod.yaml');
    const { document } = await open(uri);
    const line = lineOf(document, (l) => l.trim() === 'image: nginx');
    const pos = new vscode.Position(line, document.lineAt(line).text.indexOf('nginx') + 2);
    // The server may still be starting: ask until a podlens hover answers.
    const text = await waitFor(async () => {
      const t = hoverText(
        await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, pos),
      );
      return /always/i.test(t) ? t : undefined;
    }, 'a hover on `image: nginx` that names the effective pull policy');
    assert.match(text, /latest/i, 'the hover spells out the implicit :latest tag');
    assert.match(text, /docker\.io/i, 'the hover spells out the implicit registry');
  });

  step('completion-under-container', async () => {
    const uri = fixture('completion-pod.yaml');
    const editor = await open(uri);
    const { document } = editor;
    // A new line at the container's indentation after `command:`, as a user starts typing a key there.
    const after = lineOf(document, (l) => l.trim().startsWith('command:'));
    await editor.edit((e) => e.insert(document.lineAt(after).range.end, '\n      '));
    const pos = new vscode.Position(after + 1, 6);
    const labels = await waitFor(async () => {
      const list = await vscode.commands.executeCommand<vscode.CompletionList>(
        'vscode.executeCompletionItemProvider',
        uri,
        pos,
      );
      const l = completionLabels(list, { ignoreText: true }); // Text items are VS Code's word-based suggestions
      return l.includes('imagePullPolicy') ? l : undefined;
    }, 'imagePullPolicy among the completions under a container');
    for (const key of ['livenessProbe', 'readinessProbe', 'resources'])
      assert.ok(labels.includes(key), `offers ${key}`);
    for (const key of ['image', 'command', 'name']) assert.ok(!labels.includes(key), `does not offer ${key} again`);
  });

  step('quick-fix-applied', async () => {
    const uri = fixture('typo-pod.yaml');
    const { document } = await open(uri);
    const line = lineOf(document, (l) => l.includes('imagePullpolicy'));
    const [diag] = await waitFor(() => {
      const d = podlensDiagnostics(uri, 'unknown-field').filter((x) => x.range.start.line === line);
      return d.length ? d : undefined;
    }, 'an unknown-field diagnostic on imagePullpolicy');
    assert.ok(diag);
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
      'vscode.executeCodeActionProvider',
      uri,
      diag.range,
      vscode.CodeActionKind.QuickFix.value,
    );
    const fix = actions.find((a) => /imagePullPolicy/.test(a.title) && a.edit);
    assert.ok(fix?.edit, `a quick fix to imagePullPolicy among: ${actions.map((a) => a.title).join(' | ')}`);
    assert.ok(await vscode.workspace.applyEdit(fix.edit));
    assert.equal(document.lineAt(line).text, '      imagePullPolicy: IfNotPresent');
    await waitFor(
      () => podlensDiagnostics(uri, 'unknown-field').every((d) => d.range.start.line !== line),
      'the unknown-field diagnostic to go away after the fix',
    );
  });

  step('codelens-preview-lifecycle', async () => {
    const check = async (uri: vscode.Uri) => {
      await vscode.workspace.openTextDocument(uri);
      const lenses = await waitFor(async () => {
        const all = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri, 50);
        const mine = all.filter((l) => l.command?.command === 'podlens.previewLifecycle');
        return mine.length ? mine : undefined;
      }, `a podlens.previewLifecycle CodeLens in ${uri.path}`);
      assert.ok(
        lenses.some((l) => /Preview lifecycle/.test(l.command?.title ?? '')),
        'titled "Preview lifecycle"',
      );
      return lenses;
    };
    const lenses = await check(fixture('web-pod.yaml'));
    assert.ok(lenses[0] && lenses[0].range.start.line <= 2, 'the lens sits on the Pod document');
    for (const f of (await facts()).examples) await check(fixture('examples', f));
  });

  step('codelens-headlines-for-pods-meant-to-finish', async () => {
    const headline = async (name: string, re: RegExp) => {
      const uri = fixture(name);
      await vscode.workspace.openTextDocument(uri);
      return waitFor(async () => {
        const all = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri, 50);
        return all.map((l) => l.command?.title ?? '').find((t) => re.test(t));
      }, `a CodeLens matching ${re} in ${name}`);
    };
    assert.match(await headline('job.yaml', /^Completes in/), /^Completes in ~\d+ s$/);
    assert.match(await headline('failing-pod.yaml', /^Fails:/), /^Fails: exit 42 \(migrate\) at ~\d+ s$/);
  });
});
