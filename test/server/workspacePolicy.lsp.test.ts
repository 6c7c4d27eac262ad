// Issue 18, wiring: what the editor shows of the workspace beyond navigation. The hover on `resources` names the
// LimitRange of another file, the CodeLens predicts with the ConfigMap of another file, and podlens/podWorkspace
// hands the lifecycle panel the same objects (test/fixtures/workspace-policy).
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CodeLens } from 'vscode-languageserver-protocol';
import { PodWorkspaceRequest, workspaceFactsSchema } from '../../shared/protocol/lsp';
import { positionOf, TestLspClient } from '../helpers/lspClient';

const FOLDER = path.resolve(__dirname, '../fixtures/workspace-policy');
const POD = pathToFileURL(path.join(FOLDER, 'pod.yaml')).href;
const TEXT = fs.readFileSync(path.join(FOLDER, 'pod.yaml'), 'utf8');

let assumeComplete = false;
let client: TestLspClient;
beforeAll(async () => {
  client = await TestLspClient.start({
    workspaceFolder: FOLDER,
    settings: () => ({ workspace: { assumeComplete } }),
  });
  await client.log((m) => m.message.startsWith('workspace index:'));
  await client.open(POD, TEXT);
});
afterAll(async () => {
  await client.stop();
});

async function podWorkspace() {
  const answer = await client.connection.sendRequest(PodWorkspaceRequest.method, { textDocument: { uri: POD } });
  return workspaceFactsSchema.parse(answer);
}

describe('the workspace in hovers, lenses and the panel’s facts', () => {
  it('hovers resources with the LimitRange defaults another file sets', async () => {
    const hover = await client.hover(POD, positionOf(TEXT, 'resources:', 2));
    const value = (hover?.contents as { value: string } | undefined)?.value ?? '';
    expect(value).toContain('`limits.memory` not set: from LimitRange `mem-defaults`');
    expect(value).toContain('policy.yaml');
    expect(value).toMatch(/QoS class \*\*Burstable\*\*/);
  });

  it('answers podlens/podWorkspace with the referenced ConfigMap and the namespace’s LimitRange', async () => {
    const facts = await podWorkspace();
    expect(facts.complete).toBe(false);
    expect(facts.objects.map((o) => `${o.kind}/${o.name}`).sort()).toEqual([
      'ConfigMap/app-config',
      'LimitRange/mem-defaults',
    ]);
    expect(facts.objects.find((o) => o.kind === 'ConfigMap')?.keys).toEqual(['level']);
  });

  it('says the workspace is complete once the setting does', async () => {
    assumeComplete = true;
    await client.changeConfiguration();
    try {
      await expect.poll(async () => (await podWorkspace()).complete).toBe(true);
    } finally {
      assumeComplete = false;
      await client.changeConfiguration();
    }
  });

  it('predicts in the CodeLens from the ConfigMap of another file: the key it lacks stops the container', async () => {
    const lenses: CodeLens[] = await client.connection.sendRequest('textDocument/codeLens', {
      textDocument: { uri: POD },
    });
    const unresolved = lenses.find((l) => !l.command);
    expect(unresolved).toBeDefined();
    const resolved: CodeLens = await client.connection.sendRequest('codeLens/resolve', unresolved);
    expect(resolved.command?.title).toContain('CreateContainerConfigError');
  });
});
