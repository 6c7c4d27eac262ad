// Issue 17: podlens.kubernetesVersion is a per-folder setting. In a workspace of two folders, one on v1.31 (its
// folder setting, or its own .podlens.yaml) and one on the newest version, the same manifest gets each folder's
// version's diagnostics, and changing one folder's setting re-publishes that folder's files only with new findings.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DidChangeConfigurationNotification } from 'vscode-languageserver-protocol/node';
import { TestLspClient } from '../helpers/lspClient';
import { webPod } from '../helpers/manifests';

const POD = webPod('registry.example/app:1.4.2', '    lifecycle:\n      stopSignal: SIGQUIT\n');
const ON_31 = 'unknown-field: `stopSignal` needs v1.33 or newer; your target is v1.31';
const ON_36 = 'feature-gate-off: `stopSignal` is ignored: ContainerStopSignals (alpha, off in v1.36)';

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'podlens-folders-'));
const folder = (name: string) => {
  const dir = path.join(root, name);
  fs.mkdirSync(dir, { recursive: true });
  return dir;
};
const OLD = folder('old');
const NEW = folder('new');
const FILE_OLD = folder('file-old');
fs.writeFileSync(path.join(FILE_OLD, '.podlens.yaml'), 'kubernetesVersion: "1.31"\n');
const href = (dir: string) => pathToFileURL(dir).href;
const inFolder = (dir: string, name: string) => pathToFileURL(path.join(dir, name)).href;

/** Settings per folder URI: the window's (no scope) are the defaults. */
let byFolder: Record<string, Record<string, unknown>> = { [href(OLD)]: { kubernetesVersion: '1.31' } };
let client: TestLspClient;
/** Resolved by the server's next workspace/codeLens/refresh request. */
let lensRefreshed: () => void = () => {};
beforeAll(async () => {
  client = await TestLspClient.start({
    codeLensRefresh: () => lensRefreshed(),
    workspaceFolders: [OLD, NEW, FILE_OLD],
    settings: (scopeUri) => (scopeUri ? (byFolder[scopeUri] ?? {}) : {}),
  });
});
afterAll(async () => {
  await client.stop();
  fs.rmSync(root, { recursive: true, force: true });
});

const codes = (diags: { code?: string | number; message: unknown }[]) =>
  diags
    .filter((d) => d.code === 'unknown-field' || d.code === 'feature-gate-off')
    .map((d) => `${d.code}: ${String(d.message)}`);

describe('the target Kubernetes version per workspace folder', () => {
  it('checks the same manifest against each folder’s version: its setting, else its .podlens.yaml', async () => {
    expect(codes((await client.open(inFolder(OLD, 'pod.yaml'), POD)).diagnostics)).toEqual([ON_31]);
    expect(codes((await client.open(inFolder(NEW, 'pod.yaml'), POD)).diagnostics)).toEqual([ON_36]);
    expect(codes((await client.open(inFolder(FILE_OLD, 'pod.yaml'), POD)).diagnostics)).toEqual([ON_31]);
    // Outside every folder: the folders' .podlens.yaml files layered (FILE_OLD's v1.31) under the window's setting.
    expect(codes((await client.open(client.uri('outside.yaml'), POD)).diagnostics)).toEqual([ON_31]);
  });

  it('tells the status bar each file’s target', async () => {
    const targetOf = (uri: string) => client.connection.sendRequest('podlens/fileTarget', { textDocument: { uri } });
    expect(await targetOf(inFolder(OLD, 'pod.yaml'))).toEqual({ minor: 31, featureGates: {} });
    expect(await targetOf(inFolder(NEW, 'deep/pod.yaml'))).toEqual({ minor: 36, featureGates: {} });
    expect(await targetOf(inFolder(FILE_OLD, 'pod.yaml'))).toEqual({ minor: 31, featureGates: {} });
    expect(await client.connection.sendRequest('podlens/fileTarget', { uri: 1 })).toBeNull();
  });

  it('re-publishes each folder’s files with its new version when the folder settings change', async () => {
    const oldUri = inFolder(OLD, 'pod.yaml');
    const newUri = inFolder(NEW, 'pod.yaml');
    await client.diagnosticsFor(oldUri, 1);
    await client.diagnosticsFor(newUri, 1);
    byFolder = { [href(NEW)]: { kubernetesVersion: '1.31' } };
    const published = Promise.all([client.nextDiagnostics(oldUri), client.nextDiagnostics(newUri)]);
    const told = new Promise<void>((resolve) => client.connection.onNotification('podlens/targetsChanged', resolve));
    await client.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: {} });
    await told;
    const [old, now] = await published;
    expect(codes(old.diagnostics)).toEqual([ON_36]);
    expect(codes(now.diagnostics)).toEqual([ON_31]);
  });

  it('has the editor resolve its lenses again when a folder’s .podlens.yaml changes the folder’s target', async () => {
    const config = path.join(FILE_OLD, '.podlens.yaml');
    const refreshed = new Promise<void>((resolve) => {
      lensRefreshed = resolve;
    });
    const told = new Promise<void>((resolve) => client.connection.onNotification('podlens/targetsChanged', resolve));
    fs.writeFileSync(config, 'kubernetesVersion: "1.30"\n');
    try {
      // The lenses' predictions follow the target's kubelet: without a refresh VS Code keeps the old titles.
      await Promise.all([told, refreshed]);
    } finally {
      fs.writeFileSync(config, 'kubernetesVersion: "1.31"\n');
      lensRefreshed = () => {};
    }
  });
});
