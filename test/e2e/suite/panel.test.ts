/**
 * The lifecycle preview: one panel beside the editor that follows the active manifest like the Markdown
 * preview, and a lock that pins it to its file.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { closeAll, fixture, open, step, waitFor } from './helpers';

const isLifecycleTab = (t: vscode.Tab) =>
  t.input instanceof vscode.TabInputWebview && t.input.viewType.includes('podlens.lifecycle');
const lifecycleTabs = () => vscode.window.tabGroups.all.flatMap((g) => g.tabs).filter(isLifecycleTab);
const tabLabeled = (label: string) => waitFor(() => lifecycleTabs().find((t) => t.label === label), `a tab "${label}"`);

suite('lifecycle panel', () => {
  teardown(closeAll);

  step('panel-opens', async () => {
    const editor = await open(fixture('web-pod.yaml'));
    await vscode.commands.executeCommand('podlens.previewLifecycle');
    const tab = await waitFor(() => lifecycleTabs()[0], 'a podlens.lifecycle webview tab');
    assert.notEqual(tab.group.viewColumn, editor.viewColumn, 'the panel opens beside the editor');
  });

  step('panel-is-one-follows-and-locks', async () => {
    const web = fixture('web-pod.yaml');
    const other = fixture('completion-pod.yaml');
    await open(web);
    await vscode.commands.executeCommand('podlens.previewLifecycle');
    await tabLabeled('Lifecycle: web-pod.yaml');
    // A CodeLens click on the same pod reveals the panel, it does not open a second one.
    await vscode.commands.executeCommand('podlens.previewLifecycle', web.toString(), 0);
    assert.equal(lifecycleTabs().length, 1, 'one lifecycle panel');

    await open(other);
    await tabLabeled('Lifecycle: completion-pod.yaml');

    await vscode.commands.executeCommand('podlens.lockLifecyclePanel');
    await tabLabeled('[Locked] Lifecycle: completion-pod.yaml');
    await open(web);
    // The follow asks the server whether the file has a pod; once the server has answered a later request
    // for the same file, a follow would have happened.
    await vscode.commands.executeCommand('vscode.executeCodeLensProvider', web);
    assert.deepEqual(
      lifecycleTabs().map((t) => t.label),
      ['[Locked] Lifecycle: completion-pod.yaml'],
    );

    await vscode.commands.executeCommand('podlens.unlockLifecyclePanel');
    await tabLabeled('Lifecycle: web-pod.yaml');
    assert.equal(lifecycleTabs().length, 1, 'still one lifecycle panel');
  });
});
