// Security (issue 8): the language server reads no file outside the workspace folders and the documents the client
// opened, executes nothing, and makes no network request. The bundled dist/server.js runs with a preload
// (fixtures/sandbox.cjs) that makes network, DNS, child-process and native-addon APIs throw and records every path
// the file system is asked about, in the main thread and in the analysis workers. A full session follows: files
// inside a workspace folder with a kustomization and a .podlens.yaml (read at start and watched), a file outside it
// next to a kustomization of its own, an untitled buffer, a file big enough for the worker pool, settings changes,
// and every request an editor makes. Then the record must hold no forbidden call and only allowed paths.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DidChangeConfigurationNotification, type PublishDiagnosticsParams } from 'vscode-languageserver-protocol/node';
import { PodDocumentsRequest } from '../../shared/protocol/lsp';
import { SERVER_JS, TestLspClient } from '../helpers/lspClient';
import { codeActions, codeLenses, within } from '../reliability/lsp/protocol';

const SANDBOX = path.join(__dirname, 'fixtures/sandbox.cjs');
const INSTALL_DIR = path.dirname(SERVER_JS);
const POD = fs
  .readFileSync(path.resolve(__dirname, '../../examples/crashloop.yaml'), 'utf8')
  .replace('busybox:1.36', 'busybox:latest');
const BOUND_MS = 30_000;
/** A whole pod, but listed as a patch by the workspace's kustomization. */
const PATCH = POD.replace('crasher', 'patched');

interface Entry {
  thread: number;
  forbidden?: string;
  fs?: string;
  path?: string;
  worker?: string;
}

let root: string;
let workspace: string;
let outside: string;
let log: string;
let client: TestLspClient;

const inside = (file: string, dir: string) => file === dir || file.startsWith(`${dir}${path.sep}`);
const codes = (p: PublishDiagnosticsParams) => p.diagnostics.map((d) => d.code);

/** The last publish for `uri` once it satisfies `pred` (the server re-publishes when its configuration loads). */
async function settled(uri: string, pred: (p: PublishDiagnosticsParams) => boolean): Promise<PublishDiagnosticsParams> {
  let last = await client.diagnosticsFor(uri, 1);
  while (!pred(last)) last = await client.nextDiagnostics(uri);
  return last;
}

beforeAll(() => {
  root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'podlens-sandbox-')));
  workspace = path.join(root, 'workspace');
  outside = path.join(root, 'outside');
  log = path.join(root, 'sandbox.log');
  fs.mkdirSync(workspace);
  fs.mkdirSync(outside);
  // Files the server must never read: a configuration above the workspace, and a kustomization outside it.
  fs.writeFileSync(path.join(root, '.podlens.yaml'), 'rules:\n  missing-liveness-probe: error\n');
  fs.writeFileSync(path.join(outside, 'kustomization.yaml'), 'patches:\n- path: pod.yaml\n');
  fs.writeFileSync(path.join(outside, 'pod.yaml'), POD);
  fs.writeFileSync(path.join(workspace, '.podlens.yaml'), 'rules:\n  latest-tag: off\n');
  fs.writeFileSync(
    path.join(workspace, 'kustomization.yaml'),
    'resources:\n- pod.yaml\npatches:\n- path: patch.yaml\n',
  );
  fs.writeFileSync(path.join(workspace, 'pod.yaml'), POD);
  fs.writeFileSync(path.join(workspace, 'patch.yaml'), PATCH);
  fs.writeFileSync(log, '');
});

afterAll(async () => {
  await client?.stop();
  fs.rmSync(root, { recursive: true, force: true });
});

describe('the language server in a sandbox', () => {
  it('reads only the workspace and its own bundle, runs nothing and opens no connection', async () => {
    client = await TestLspClient.start({
      workspaceFolder: workspace,
      nodeArgs: ['--require', SANDBOX],
      env: { PODLENS_SANDBOX_LOG: log },
    });
    const documents = [
      { uri: pathToFileURL(path.join(workspace, 'pod.yaml')).href, text: POD },
      { uri: pathToFileURL(path.join(workspace, 'patch.yaml')).href, text: PATCH },
      {
        uri: pathToFileURL(path.join(workspace, 'big.yaml')).href,
        text: Array.from({ length: 60 }, (_, i) => `---\n${POD.replace('crasher', `pod-${i}`)}`).join(''),
      },
      { uri: pathToFileURL(path.join(workspace, '.podlens.yaml')).href, text: 'rules:\n  latest-tag: off\n' },
      { uri: pathToFileURL(path.join(outside, 'pod.yaml')).href, text: POD },
      { uri: 'untitled:Untitled-1', text: POD },
    ];
    await within(BOUND_MS, 'diagnostics', Promise.all(documents.map((d) => client.open(d.uri, d.text))));
    // The first publish can predate the workspace configuration (read after `initialized`); wait for the one after.
    const [pod, patch, foreign] = await within(
      BOUND_MS,
      'diagnostics under the workspace configuration',
      Promise.all([0, 1, 4].map((i) => settled(documents[i]?.uri as string, (p) => !codes(p).includes('latest-tag')))),
    );
    for (const { uri, text } of documents) {
      const lines = text.split('\n');
      const at = { line: lines.findIndex((l) => l.includes('image:')), character: 8 };
      await within(
        BOUND_MS,
        `requests on ${uri}`,
        Promise.all([
          client.hover(uri, at),
          client.completion(uri, at),
          client.documentSymbols(uri),
          client.foldingRanges(uri),
          codeLenses(client, uri),
          codeActions(client, uri, text, client.lastDiagnostics(uri)),
          client.connection.sendRequest(PodDocumentsRequest.method, { textDocument: { uri } }),
        ]),
      );
    }
    // The workspace's .podlens.yaml applies and its kustomization makes patch.yaml a patch (no whole-object
    // findings); the kustomization next to the outside file and the .podlens.yaml above the workspace do nothing.
    const liveness = (p: PublishDiagnosticsParams) => p.diagnostics.find((d) => d.code === 'missing-liveness-probe');
    expect(codes(pod as PublishDiagnosticsParams)).not.toContain('latest-tag');
    expect(liveness(pod as PublishDiagnosticsParams)?.severity).not.toBe(1);
    expect(liveness(patch as PublishDiagnosticsParams)).toBeUndefined();
    expect(liveness(foreign as PublishDiagnosticsParams)).toBeDefined();

    // The watched configuration changes on disk, and the settings change: both are read again.
    const relinted = client.nextDiagnostics(documents[0]?.uri as string);
    fs.writeFileSync(path.join(workspace, '.podlens.yaml'), 'rules:\n  latest-tag: error\n');
    expect(codes(await within(BOUND_MS, 'the watched .podlens.yaml', relinted))).toContain('latest-tag');
    await client.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: {} });
    await within(
      BOUND_MS,
      'a hover after the settings change',
      client.hover(documents[0]?.uri as string, { line: 0, character: 0 }),
    );
    await client.stop();

    const entries = fs
      .readFileSync(log, 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l) as Entry);
    expect(entries.filter((e) => e.forbidden)).toEqual([]);
    const opened = documents.flatMap((d) => (d.uri.startsWith('file:') ? [new URL(d.uri).pathname] : []));
    const allowed = (file: string) => inside(file, workspace) || inside(file, INSTALL_DIR) || opened.includes(file);
    expect(entries.filter((e) => e.path !== undefined && !allowed(e.path))).toEqual([]);
    expect(entries.filter((e) => e.worker !== undefined && e.worker !== SERVER_JS)).toEqual([]);
    // The record is live: the server read its workspace configuration, and workers ran (and were sandboxed too).
    expect(entries.some((e) => e.path === path.join(workspace, '.podlens.yaml'))).toBe(true);
    expect(entries.some((e) => e.worker === SERVER_JS)).toBe(true);
    expect(entries.some((e) => e.thread !== 0)).toBe(true);
  });
});
