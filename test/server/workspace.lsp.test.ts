// The workspace index through the protocol, on test/fixtures/workspace: cross-file diagnostics, definition,
// references, rename with annotated edits, document links and hovers; Helm chart templates count for nothing.
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Diagnostic, DocumentLink, Location, Position, WorkspaceEdit } from 'vscode-languageserver-protocol';
import { isPartial, positionOf, TestLspClient } from '../helpers/lspClient';

const FOLDER = path.resolve(__dirname, '../fixtures/workspace');
const file = (rel: string) => path.join(FOLDER, rel);
const uri = (rel: string) => pathToFileURL(file(rel)).href;
const text = (rel: string) => fs.readFileSync(file(rel), 'utf8');
const at = (rel: string, needle: string, offset = 1, occurrence = 1) =>
  positionOf(text(rel), needle, offset, occurrence);

let client: TestLspClient;
beforeAll(async () => {
  client = await TestLspClient.start({ workspaceFolder: FOLDER });
  await client.log((m) => m.message.startsWith('workspace index:'));
});
afterAll(async () => {
  await client.stop();
});

const request = <T>(method: string, rel: string, position: Position, extra: object = {}) =>
  client.connection.sendRequest(method, { textDocument: { uri: uri(rel) }, position, ...extra }) as Promise<T>;

/** The diagnostics of `uri` once a publish satisfies `pred` (the current ones if they already do). */
async function publishedUntil(target: string, pred: (ds: Diagnostic[]) => boolean): Promise<Diagnostic[]> {
  for (;;) {
    const last = client.lastDiagnostics(target);
    if (pred(last)) return last;
    await client.nextDiagnostics(target);
  }
}

const where = (locations: Location[]) =>
  locations
    .map((l) => `${path.relative(FOLDER, new URL(l.uri).pathname)}:${l.range.start.line}:${l.range.start.character}`)
    .sort();

describe('workspace index in the editor', () => {
  it('logs how many files it indexed once the background scan is done', async () => {
    const log = await client.log((m) => m.message.startsWith('workspace index:'));
    expect(log.message).toMatch(/^workspace index: 13 files indexed in \d+ ms$/);
  });

  it('publishes cross-file findings: a missing ConfigMap key, a Service selecting nothing, an unknown targetPort', async () => {
    const deployment = await client.open(uri('app/deployment.yaml'), text('app/deployment.yaml'));
    const keyFinding = deployment.diagnostics.filter((d) => d.code === 'missing-config-key');
    expect(keyFinding.map((d) => [d.severity, d.range.start, d.message])).toEqual([
      [2, at('app/deployment.yaml', 'key: FEATURES', 5), 'ConfigMap "app-config" has no key "FEATURES".'],
    ]);
    const services = await client.open(uri('app/service.yaml'), text('app/service.yaml'));
    expect(
      services.diagnostics
        .filter((d) => String(d.code).startsWith('service-'))
        .map((d) => [d.code, d.severity, d.range.start]),
    ).toEqual([
      ['service-target-port-unknown', 2, at('app/service.yaml', 'targetPort: metrics', 12)],
      ['service-selects-nothing', 2, at('app/service.yaml', 'selector:', 0, 3)],
    ]);
    client.close(uri('app/service.yaml'));
  });

  it('re-publishes an open file when the object it references changes in another file', async () => {
    const config = text('app/config.yaml');
    await client.open(uri('app/config.yaml'), config);
    const lines = config.split('\n');
    const line = lines.indexOf('  THEME: dark');
    await client.change(uri('app/config.yaml'), [
      { range: { start: { line, character: 0 }, end: { line, character: 0 } }, text: '  FEATURES: all\n' },
    ]);
    const hasKeyFinding = (ds: Diagnostic[]) => ds.some((d) => d.code === 'missing-config-key');
    expect(await publishedUntil(uri('app/deployment.yaml'), (ds) => !hasKeyFinding(ds))).toEqual(expect.any(Array));
    // Back to the file on disk: the finding returns.
    await client.change(uri('app/config.yaml'), [{ text: config }]);
    expect(hasKeyFinding(await publishedUntil(uri('app/deployment.yaml'), hasKeyFinding))).toBe(true);
    client.close(uri('app/config.yaml'));
  });

  it('reads a file of many documents for the index and the cross-file rules where the worker threads parse it', async () => {
    // Enough documents for the worker pool: a ConfigMap first, then pods reading a key it has, and one app-config lacks.
    const pod = (i: number) => `apiVersion: v1
kind: Pod
metadata:
  name: reader-${i}
  namespace: shop
spec:
  containers:
    - name: app
      image: registry.example/app:1.0.0
      env:
        - name: A
          valueFrom: {configMapKeyRef: {name: many-config, key: ONLY}}
        - name: B
          valueFrom: {configMapKeyRef: {name: app-config, key: ${i % 2 ? 'FEATURES' : 'THEME'}}}
`;
    const many = [
      'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: many-config\n  namespace: shop\ndata:\n  ONLY: "1"\n',
      ...Array.from({ length: 60 }, (_, i) => pod(i)),
    ].join('---\n');
    const manyUri = uri('app/many.yaml');
    let published = await client.open(manyUri, many);
    while (isPartial(published)) published = await client.nextDiagnostics(manyUri, 1);
    const keyFindings = published.diagnostics.filter((d) => d.code === 'missing-config-key');
    expect(keyFindings.map((d) => d.message)).toEqual(
      Array.from({ length: 30 }, () => 'ConfigMap "app-config" has no key "FEATURES".'),
    );
    expect(published.diagnostics.some((d) => d.code === 'referenced-object-missing')).toBe(false);
    // The index holds the open file's own objects: a reference in its last document leads to its first.
    const last = many.lastIndexOf('name: many-config');
    const line = many.slice(0, last).split('\n').length - 1;
    const definition = (await client.connection.sendRequest('textDocument/definition', {
      textDocument: { uri: manyUri },
      position: { line, character: many.slice(0, last).length - many.lastIndexOf('\n', last - 1) + 6 },
    })) as Location[];
    expect(definition.map((l) => [l.uri, l.range.start.line])).toEqual([[manyUri, 3]]);
    client.close(manyUri);
  });

  it('goes to the definition of a referenced ConfigMap, and from a targetPort to the container port', async () => {
    const configMap = await request<Location[]>(
      'textDocument/definition',
      'app/deployment.yaml',
      at('app/deployment.yaml', 'name: app-config', 7),
    );
    expect(where(configMap)).toEqual(['app/config.yaml:3:8']);
    const key = await request<Location[]>(
      'textDocument/definition',
      'app/deployment.yaml',
      at('app/deployment.yaml', 'key: LOG_LEVEL', 6),
    );
    expect(where(key)).toEqual(['app/config.yaml:6:2']);
    const port = await request<Location[]>(
      'textDocument/definition',
      'app/service.yaml',
      at('app/service.yaml', 'targetPort: http', 13),
    );
    expect(where(port)).toEqual(['app/deployment.yaml:22:20']);
    const generated = await request<Location[]>(
      'textDocument/definition',
      'kustomize/base/deployment.yaml',
      at('kustomize/base/deployment.yaml', 'name: api-config', 7),
    );
    expect(where(generated)).toEqual(['kustomize/base/kustomization.yaml:6:10']);
  });

  it('finds every reference to a ConfigMap, and the Services selecting a template label', async () => {
    const refs = await request<Location[]>(
      'textDocument/references',
      'app/config.yaml',
      at('app/config.yaml', 'app-config'),
      {
        context: { includeDeclaration: true },
      },
    );
    expect(where(refs)).toEqual([
      'app/config.yaml:3:8',
      'app/deployment.yaml:28:24',
      'app/deployment.yaml:33:24',
      'app/deployment.yaml:42:22',
      'app/deployment.yaml:51:18',
    ]);
    const label = await request<Location[]>(
      'textDocument/references',
      'app/deployment.yaml',
      at('app/deployment.yaml', 'app: web', 6, 2),
      {
        context: { includeDeclaration: true },
      },
    );
    // Template label, the Deployment's matchLabels and both Services' selectors; never the Helm chart's.
    expect(where(label)).toEqual([
      'app/deployment.yaml:12:13',
      'app/deployment.yaml:8:11',
      'app/service.yaml:20:9',
      'app/service.yaml:7:9',
    ]);
  });

  it('renames a ConfigMap everywhere with one annotated edit that needs confirmation', async () => {
    const prepared = await request<{ placeholder: string }>(
      'textDocument/prepareRename',
      'app/deployment.yaml',
      at('app/deployment.yaml', 'name: app-config', 7),
    );
    expect(prepared.placeholder).toBe('app-config');
    const edit = await request<WorkspaceEdit>(
      'textDocument/rename',
      'app/deployment.yaml',
      at('app/deployment.yaml', 'name: app-config', 7),
      {
        newName: 'web-config',
      },
    );
    expect(edit.changeAnnotations?.['podlens.rename']).toMatchObject({
      needsConfirmation: false,
      label: 'Rename ConfigMap app-config to web-config',
    });
    const changes = (edit.documentChanges ?? []) as {
      textDocument: { uri: string };
      edits: { newText: string; annotationId: string }[];
    }[];
    expect(
      changes.map((c) => [path.relative(FOLDER, new URL(c.textDocument.uri).pathname), c.edits.length]).sort(),
    ).toEqual([
      ['app/config.yaml', 1],
      ['app/deployment.yaml', 4],
    ]);
    expect(
      changes.flatMap((c) => c.edits).every((e) => e.newText === 'web-config' && e.annotationId === 'podlens.rename'),
    ).toBe(true);
  });

  it('renames a label value across template labels and selectors, and refuses a container name', async () => {
    const edit = await request<WorkspaceEdit>(
      'textDocument/rename',
      'app/service.yaml',
      at('app/service.yaml', 'app: web', 6),
      {
        newName: 'storefront',
      },
    );
    const edits = ((edit.documentChanges ?? []) as { edits: unknown[] }[]).flatMap((c) => c.edits);
    expect(edits).toHaveLength(4);
    const refused = await request<null>(
      'textDocument/prepareRename',
      'app/deployment.yaml',
      at('app/deployment.yaml', 'name: app', 7),
    );
    expect(refused).toBeNull();
  });

  it('links a kustomization’s resources and patches to their files', async () => {
    const links = (await client.connection.sendRequest('textDocument/documentLink', {
      textDocument: { uri: uri('kustomize/overlays/prod/kustomization.yaml') },
    })) as DocumentLink[];
    expect(links.map((l) => path.relative(FOLDER, new URL(l.target ?? '').pathname))).toEqual([
      'kustomize/base/kustomization.yaml',
      'kustomize/overlays/prod/replicas.yaml',
    ]);
  });

  it('hovers a reference with the object’s keys and a template with the Services selecting it', async () => {
    const ref = await client.hover(uri('app/deployment.yaml'), at('app/deployment.yaml', 'name: db-secret', 7));
    expect(JSON.stringify(ref?.contents)).toContain('Secret `db-secret` (namespace shop), app/config.yaml line 13');
    expect(JSON.stringify(ref?.contents)).toContain('Keys: `password`');
    const template = await client.hover(uri('app/deployment.yaml'), at('app/deployment.yaml', 'tier: frontend', 7));
    const value = JSON.stringify(template?.contents);
    expect(value).toContain('Service `web` (namespace shop)');
    expect(value).toContain('Service `web-metrics` (namespace shop)');
  });
});
