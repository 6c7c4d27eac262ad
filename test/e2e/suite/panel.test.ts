/** The lifecycle preview command opens a webview panel beside the editor. */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { closeAll, fixture, open, step, waitFor } from './helpers';

const isLifecycleTab = (t: vscode.Tab) =>
  t.input instanceof vscode.TabInputWebview && t.input.viewType.includes('podlens.lifecycle');

suite('lifecycle panel', () => {
  teardown(closeAll);

  step('panel-opens', async () => {
    const editor = await open(fixture('web-pod.yaml'));
    await vscode.commands.executeCommand('podlens.previewLifecycle');
    const tab = await waitFor(
      () => vscode.window.tabGroups.all.flatMap((g) => g.tabs).find(isLifecycleTab),
      'a podlens.lifecycle webview tab',
    );
    assert.notEqual(tab.group.viewColumn, editor.viewColumn, 'the panel opens beside the editor');
  });
});
