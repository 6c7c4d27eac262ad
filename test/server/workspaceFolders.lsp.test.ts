// Workspace folders added to or removed from the workspace while the server runs ("Add Folder to Workspace..."):
// the index reads the new folder's objects and forgets the removed folder's, and the open files' cross-file
// findings follow; a folder's `.podlens.yaml` is read as it is added.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Diagnostic, DidChangeWorkspaceFoldersNotification } from 'vscode-languageserver-protocol/node';
import { TestLspClient } from '../helpers/lspClient';

const POD = `apiVersion: v1
kind: Pod
metadata:
  name: web
  namespace: shop
spec:
  containers:
    - name: app
      image: registry.example/web:1.4.2
      env:
        - name: FEATURE_FLAGS
          valueFrom:
            configMapKeyRef:
              name: app-config
              key: FEATURES
`;
const CONFIG_MAP = `apiVersion: v1
kind: ConfigMap
metadata:
  name: app-config
  namespace: shop
data:
  THEME: dark
`;

let root: string;
let client: TestLspClient;
const apps = () => path.join(root, 'apps');
const config = () => path.join(root, 'config');
const folder = (dir: string) => ({ uri: pathToFileURL(dir).href, name: path.basename(dir) });
const podUri = () => pathToFileURL(path.join(apps(), 'pod.yaml')).href;

beforeAll(async () => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'podlens-folders-'));
  fs.mkdirSync(apps());
  fs.mkdirSync(config());
  fs.writeFileSync(path.join(apps(), 'pod.yaml'), POD);
  fs.writeFileSync(path.join(config(), 'config.yaml'), CONFIG_MAP);
  client = await TestLspClient.start({ workspaceFolder: apps() });
  await client.log((m) => m.message.startsWith('workspace index:'));
});
afterAll(async () => {
  await client.stop();
  fs.rmSync(root, { recursive: true, force: true });
});

const missingKey = (ds: Diagnostic[]) => ds.filter((d) => d.code === 'missing-config-key').map((d) => d.message);

/** The open pod's diagnostics once a publish satisfies `pred` (the current ones if they already do). */
async function podUntil(pred: (ds: Diagnostic[]) => boolean): Promise<Diagnostic[]> {
  for (;;) {
    const last = client.lastDiagnostics(podUri());
    if (pred(last)) return last;
    await client.nextDiagnostics(podUri());
  }
}

function changeFolders(added: string[], removed: string[]): Promise<unknown> {
  const logged = client.log((m) => m.message.startsWith('workspace folders:'));
  void client.connection.sendNotification(DidChangeWorkspaceFoldersNotification.type, {
    event: { added: added.map(folder), removed: removed.map(folder) },
  });
  return logged;
}

describe('workspace folders that change while the server runs', () => {
  it('announce that the server follows them', () => {
    expect(client.initializeResult?.capabilities.workspace?.workspaceFolders).toEqual({
      supported: true,
      changeNotifications: true,
    });
  });

  it('bring the objects of an added folder into the cross-file findings, and take those of a removed one out', async () => {
    const opened = await client.open(podUri(), POD);
    // The ConfigMap is in no folder yet: nothing to say about its keys.
    expect(missingKey(opened.diagnostics)).toEqual([]);

    const added = await changeFolders([config()], []);
    expect((added as { message: string }).message).toBe(
      'workspace folders: 1 added, 0 removed; workspace index: 2 files',
    );
    expect(missingKey(await podUntil((ds) => missingKey(ds).length > 0))).toEqual([
      'ConfigMap "app-config" has no key "FEATURES".',
    ]);

    await changeFolders([], [config()]);
    expect(missingKey(await podUntil((ds) => missingKey(ds).length === 0))).toEqual([]);
  });

  it('read the .podlens.yaml of an added folder', async () => {
    fs.writeFileSync(path.join(config(), '.podlens.yaml'), 'rules:\n  missing-config-key: error\n');
    await changeFolders([config()], []);
    // The ConfigMap is back, and the added folder's configuration raises the rule to an error.
    const isError = (d: Diagnostic) => d.code === 'missing-config-key' && d.severity === 1;
    const after = await podUntil((ds) => ds.some(isError));
    expect(after.filter(isError).map((d) => d.message)).toEqual(['ConfigMap "app-config" has no key "FEATURES".']);
  });
});
