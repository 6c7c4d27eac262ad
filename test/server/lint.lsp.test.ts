// Lint diagnostics through the real server over LSP: codes, doc links, related information, podlens.rules after
// workspace/didChangeConfiguration, suppression comments and .podlens.yaml (read at start, watched, and linted when open).
import { mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type Diagnostic,
  type PublishDiagnosticsParams,
  ShowMessageNotification,
} from 'vscode-languageserver-protocol/node';
import { TestLspClient } from '../helpers/lspClient';
import { webPod } from '../helpers/manifests';

const POD = webPod(
  'registry.example/app:1.4.2',
  `    imagePullpolicy: Always
    image: registry.example/app:1.5.0
`,
);

const DEPLOYMENT = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: frontend
    spec:
      containers:
      - name: App
        image: registry.example/app:1.4.2
`;

const byCode = (diags: Diagnostic[], code: string) => diags.filter((d) => d.code === code);

/** Waits for the first publish for `uri` that satisfies `pred` (the server re-publishes on every change). */
async function until(client: TestLspClient, uri: string, pred: (p: PublishDiagnosticsParams) => boolean) {
  for (;;) {
    const p = await client.nextDiagnostics(uri);
    if (pred(p)) return p;
  }
}

describe('lint diagnostics over LSP', () => {
  let client: TestLspClient;
  let settings: Record<string, unknown> = {};
  const messages: string[] = [];

  beforeAll(async () => {
    client = await TestLspClient.start({ settings: () => settings });
    client.connection.onNotification(ShowMessageNotification.type.method, (p: { message: string }) => {
      messages.push(p.message);
    });
  });
  afterAll(async () => {
    await client.stop();
  });

  it('publishes Pod findings with source, code, a doc link, the exact range and a related location', async () => {
    const uri = client.uri('lint-pod.yaml');
    const { diagnostics } = await client.open(uri, POD);
    const [unknown] = byCode(diagnostics, 'unknown-field');
    expect(unknown).toMatchObject({
      source: 'podlens',
      severity: 1,
      range: { start: { line: 8, character: 4 }, end: { line: 8, character: 19 } },
      codeDescription: { href: expect.stringMatching(/docs\/rules\/unknown-field\.md$/) },
    });
    const [dup] = byCode(diagnostics, 'duplicate-key');
    expect(dup?.severity).toBe(2);
    expect(dup?.range.start).toEqual({ line: 9, character: 4 });
    expect(dup?.relatedInformation?.[0]?.location).toEqual({
      uri,
      range: { start: { line: 7, character: 4 }, end: { line: 7, character: 9 } },
    });
  });

  it('publishes Deployment findings at template paths', async () => {
    const uri = client.uri('lint-deployment.yaml');
    const { diagnostics } = await client.open(uri, DEPLOYMENT);
    const [name] = byCode(diagnostics, 'invalid-container-name');
    expect(name?.range).toEqual({ start: { line: 14, character: 14 }, end: { line: 14, character: 17 } });
    // One line in the Problems panel; the API server's whole error, path included, in the hover with the rule page.
    expect(name?.message).toBe('name: Invalid value: "App"');
    const hover = await client.hover(uri, { line: 14, character: 15 });
    const text = (hover?.contents as { value: string } | undefined)?.value;
    expect(text).toContain('spec.template.spec.containers[0].name: Invalid value: "App": a lowercase RFC 1123 label');
    expect(text).toContain('docs/rules/invalid-container-name.md');
    const [selector] = byCode(diagnostics, 'selector-mismatch');
    expect(selector?.severity).toBe(1);
    expect(selector?.relatedInformation?.length).toBe(1);
  });

  it('respects suppression comments', async () => {
    const uri = client.uri('lint-suppressed.yaml');
    const text = POD.replace(
      '    imagePullpolicy',
      '    # podlens-disable-next-line unknown-field\n    imagePullpolicy',
    );
    const { diagnostics } = await client.open(uri, `# podlens-disable duplicate-key\n${text}`);
    expect(byCode(diagnostics, 'unknown-field')).toEqual([]);
    expect(byCode(diagnostics, 'duplicate-key')).toEqual([]);
  });

  it('applies podlens.rules after workspace/didChangeConfiguration and reports unknown ids once', async () => {
    const uri = client.uri('lint-settings.yaml');
    await client.open(uri, POD);
    settings = { rules: { 'unknown-field': 'hint', 'duplicate-key': 'off', 'no-such-rule': 'off' } };
    const next = until(client, uri, (p) => byCode(p.diagnostics, 'unknown-field')[0]?.severity === 4);
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: {} });
    const { diagnostics } = await next;
    expect(byCode(diagnostics, 'duplicate-key')).toEqual([]);
    expect(messages.filter((m) => m.includes('no-such-rule'))).toHaveLength(1);

    settings = {};
    const restored = until(client, uri, (p) => byCode(p.diagnostics, 'unknown-field')[0]?.severity === 1);
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: {} });
    expect(byCode((await restored).diagnostics, 'duplicate-key')).toHaveLength(1);
  });

  it('publishes at most podlens.lint.maxDiagnosticsPerFile diagnostics, errors first, the last counting the rest', async () => {
    // 600 documents with at least two findings each: VS Code would drop everything past 1,000, so podlens does.
    const big = client.uri('lint-many.yaml');
    const { diagnostics: all } = await client.open(big, Array.from({ length: 600 }, () => POD).join('---\n'));
    expect(all).toHaveLength(1000);
    const notice = all[999] as Diagnostic;
    expect(notice.code).toBeUndefined();
    const text = typeof notice.message === 'string' ? notice.message : notice.message.value;
    const hidden = Number(/^(\d+) more podlens findings not shown/.exec(text)?.[1]);
    expect(hidden).toBeGreaterThan(1);
    expect(all.slice(0, 600).every((d) => d.severity === 1)).toBe(true); // each document's unknown-field error

    const uri = client.uri('lint-capped.yaml');
    const { diagnostics: uncapped } = await client.open(uri, POD);
    settings = { lint: { maxDiagnosticsPerFile: 3 } };
    const next = until(client, uri, (p) => p.diagnostics.length === 3);
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: {} });
    const { diagnostics } = await next;
    expect(diagnostics.slice(0, 2).map((d) => d.code)).toEqual(['unknown-field', 'duplicate-key']);
    expect(diagnostics[2]?.message).toMatch(new RegExp(`^${uncapped.length - 2} more podlens findings`));
    settings = {};
    const restored = until(client, uri, (p) => p.diagnostics.length === uncapped.length);
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: {} });
    await restored;
  });
});

describe('diagnostics of documents opened with the server', () => {
  it('are first published with the client settings, never with the defaults', async () => {
    const client = await TestLspClient.start({ settings: () => ({ rules: { 'unknown-field': 'off' } }) });
    try {
      // Opened at once: the server is still asking the client for its settings.
      const { diagnostics } = await client.open(client.uri('lint-at-start.yaml'), POD);
      expect(byCode(diagnostics, 'duplicate-key')).toHaveLength(1);
      expect(byCode(diagnostics, 'unknown-field')).toEqual([]);
    } finally {
      await client.stop();
    }
  });
});

describe('.podlens.yaml over LSP', () => {
  let folder: string;
  let client: TestLspClient;

  beforeAll(async () => {
    folder = mkdtempSync(path.join(tmpdir(), 'podlens-ws-'));
    writeFileSync(path.join(folder, '.podlens.yaml'), 'rules:\n  unknown-field: warning\n');
    client = await TestLspClient.start({ workspaceFolder: folder });
  });
  afterAll(async () => {
    await client.stop();
    rmSync(folder, { recursive: true, force: true });
  });

  it('applies the levels of the workspace file, and follows it when it changes on disk', async () => {
    const uri = pathToFileURL(path.join(folder, 'pod.yaml')).href;
    // The first publish may race the server reading the file at start-up; the levels apply as soon as it has.
    const applied = until(client, uri, (p) => byCode(p.diagnostics, 'unknown-field')[0]?.severity === 2);
    await client.open(uri, POD);
    await applied;

    const changed = until(client, uri, (p) => byCode(p.diagnostics, 'unknown-field').length === 0);
    const tmp = path.join(folder, '.podlens.yaml.tmp');
    writeFileSync(tmp, "rules:\n  unknown-field: 'off'\n");
    renameSync(tmp, path.join(folder, '.podlens.yaml'));
    expect(byCode((await changed).diagnostics, 'unknown-field')).toEqual([]);
  });

  it('shows problems of an open .podlens.yaml at the key', async () => {
    const uri = pathToFileURL(path.join(folder, '.podlens.yaml')).href;
    const { diagnostics } = await client.open(uri, "rules:\n  unknown-feild: 'off'\n  latest-tag: loud\n");
    // Errors are published first (VS Code draws squiggles for a limited number of markers).
    expect(diagnostics.map((d) => [d.code, d.severity, d.range.start.line, d.range.start.character])).toEqual([
      ['invalid-config', 1, 2, 14],
      ['unknown-rule-id', 2, 1, 2],
    ]);
  });
});
