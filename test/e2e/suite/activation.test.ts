/** podlens activates for YAML files only (activationEvents: onLanguage:yaml; never `*`). Runs first. */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { closeAll, EXTENSION_ID, fixture, open, sleep, step, waitFor } from './helpers';

suite('activation', () => {
  step('activates-only-for-yaml', async () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(ext, `${EXTENSION_ID} is loaded as the extension under development`);
    console.log(
      `[podlens-e2e] env: vscode ${vscode.version}, node ${process.version}, appHost=${vscode.env.appHost}, ` +
        `remoteName=${vscode.env.remoteName ?? '(local)'}, extensionKind=${ext.extensionKind}`,
    );
    assert.equal(ext.isActive, false, 'podlens must not be active before any YAML file is opened');

    // A non-YAML file: podlens must stay inactive. A negative can only be observed over a window; 2 s is generous
    // next to the time it takes to activate for YAML (below), and nothing waits on it.
    const md = await open(fixture('README.md'));
    assert.equal(md.document.languageId, 'markdown');
    for (const t0 = Date.now(); Date.now() - t0 < 2000; await sleep(100)) {
      assert.equal(ext.isActive, false, 'podlens activated for a Markdown file');
    }

    const yaml = await open(fixture('web-pod.yaml'));
    assert.equal(yaml.document.languageId, 'yaml');
    await waitFor(() => ext.isActive, 'podlens to activate after a YAML file was opened');
    await closeAll();
  });
});
