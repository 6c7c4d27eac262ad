// The lifecycle panel's trust boundary (issue 6): host <-> webview messages, the persisted state, the LSP
// answer the client acts on, and the panel's HTML with its Content-Security-Policy.
import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy, makeNonce, panelHtml } from '../../client/src/panelHtml';
import { podDocumentCountSchema } from '../../client/src/podCount';
import { podDocumentsResultSchema, workspaceFactsSchema } from '../../shared/protocol/lsp';
import { fromWebviewSchema, panelStateSchema, toWebviewSchema } from '../../shared/protocol/webview';

const range = { start: { line: 1, character: 2 }, end: { line: 1, character: 8 } };

describe('fromWebviewSchema', () => {
  it.each([
    [{ type: 'ready' }],
    [{ type: 'reveal', range }],
    [{ type: 'exportScenario', suggestedName: 'web.scenario.json', scenario: { until: 60 } }],
    [{ type: 'loadScenario' }],
    [{ type: 'log', level: 'warn', message: 'x' }],
  ])('accepts %j', (m) => expect(fromWebviewSchema.safeParse(m).success).toBe(true));

  it.each([
    [{ type: 'reveal', range: { start: { line: -1, character: 0 }, end: { line: 0, character: 0 } } }],
    [{ type: 'reveal', range, uri: 'file:///etc/passwd' }],
    [{ type: 'exportScenario', suggestedName: 'x', scenario: [] }],
    [{ type: 'runCommand', command: 'workbench.action.quit' }],
    [{ type: 'log', level: 'fatal', message: 'x' }],
    ['ready'],
  ])('rejects %j', (m) => expect(fromWebviewSchema.safeParse(m).success).toBe(false));
});

const configMap = {
  apiVersion: 'v1',
  kind: 'ConfigMap',
  name: 'app-config',
  namespace: 'shop',
  labels: { app: 'web' },
  location: { uri: 'file:///ws/config.yaml', range, nameRange: range },
  keys: ['level'],
};

describe('workspaceFactsSchema', () => {
  it('accepts what the index holds: objects with keys, selectors, ports, policy bodies and template ports', () => {
    const service = {
      ...configMap,
      kind: 'Service',
      keys: undefined,
      selector: { app: 'web' },
      ports: [{ name: 'http', port: 80, targetPort: 'http', protocol: 'TCP' }],
    };
    const deployment = {
      ...configMap,
      kind: 'Deployment',
      apiVersion: 'apps/v1',
      via: 'file:///ws/kustomization.yaml',
      podTemplate: { labels: { app: 'web' }, ports: [{ container: 'app', name: 'http', containerPort: 8080 }] },
    };
    const limitRange = { ...configMap, kind: 'LimitRange', body: { limits: [{ type: 'Container' }] } };
    const generated = { ...configMap, generated: { hashSuffix: true } };
    const facts = { objects: [configMap, service, deployment, limitRange, generated], complete: false };
    expect(workspaceFactsSchema.parse(facts)).toEqual(facts);
  });

  it.each([
    ['a missing complete flag', { objects: [configMap] }],
    ['an object without a location', { objects: [{ ...configMap, location: undefined }], complete: true }],
    ['an unknown field', { objects: [{ ...configMap, script: 'alert(1)' }], complete: true }],
    ['a numeric label', { objects: [{ ...configMap, labels: { app: 1 } }], complete: true }],
    [
      'a negative line',
      {
        objects: [
          { ...configMap, location: { uri: 'x', range: { start: { line: -1, character: 0 }, end: range.end } } },
        ],
        complete: true,
      },
    ],
  ])('rejects %s', (_what, facts) => expect(workspaceFactsSchema.safeParse(facts).success).toBe(false));

  it('refuses an answer larger than any pod needs', () => {
    const objects = Array.from({ length: 5_001 }, (_, i) => ({ ...configMap, name: `c${i}` }));
    expect(workspaceFactsSchema.safeParse({ objects, complete: true }).success).toBe(false);
  });
});

describe('toWebviewSchema', () => {
  const doc = {
    type: 'document',
    uri: 'file:///p.yaml',
    fileName: 'p.yaml',
    version: 3,
    text: 'kind: Pod',
    cursorLine: 4,
    documentIndex: null,
    until: 900,
    target: { minor: 31, featureGates: { SidecarContainers: false } },
  };

  it('accepts the document message and rejects extra or mistyped fields', () => {
    expect(toWebviewSchema.safeParse(doc).success).toBe(true);
    expect(toWebviewSchema.safeParse({ ...doc, html: '<b>' }).success).toBe(false);
    expect(toWebviewSchema.safeParse({ ...doc, until: 0 }).success).toBe(false);
    expect(toWebviewSchema.safeParse({ ...doc, text: 42 }).success).toBe(false);
    // The panel simulates the kubelet it is told: only supported minors, gates as booleans, never missing.
    expect(toWebviewSchema.safeParse({ ...doc, target: { minor: 28, featureGates: {} } }).success).toBe(false);
    expect(toWebviewSchema.safeParse({ ...doc, target: { minor: 31, featureGates: { A: 'yes' } } }).success).toBe(
      false,
    );
    expect(toWebviewSchema.safeParse({ ...doc, target: undefined }).success).toBe(false);
  });

  it('carries the workspace facts only in their exact shape', () => {
    const workspace = { objects: [configMap], complete: true };
    expect(toWebviewSchema.safeParse({ ...doc, workspace }).success).toBe(true);
    expect(toWebviewSchema.safeParse({ ...doc, workspace: { objects: [configMap] } }).success).toBe(false);
    expect(toWebviewSchema.safeParse({ ...doc, workspace: { ...workspace, objects: 'all' } }).success).toBe(false);
  });

  it('passes a loaded scenario through unvalidated (the webview validates it with the sim schema)', () => {
    expect(
      toWebviewSchema.safeParse({ type: 'scenarioLoaded', fileName: 's.json', scenario: { anything: 1 } }).success,
    ).toBe(true);
  });
});

describe('panelStateSchema', () => {
  it('accepts the saved state and rejects a foreign one', () => {
    const state = {
      uri: 'file:///p.yaml',
      fileName: 'p.yaml',
      version: 1,
      text: '',
      until: 900,
      documentIndex: 0,
      at: { t: 12, after: true },
      overrides: { 'Pod/web': { until: 60 } },
      speed: 5,
      collapsed: ['section:events'],
    };
    expect(panelStateSchema.safeParse(state).success).toBe(true);
    expect(panelStateSchema.safeParse({ ...state, uri: '' }).success).toBe(false);
    expect(panelStateSchema.safeParse({ foo: 1 }).success).toBe(false);
  });
});

describe('podDocumentsResultSchema', () => {
  it('parses the server answer', () => {
    const answer = { version: 2, documents: [{ index: 0, kind: 'Pod', name: 'web', range }] };
    expect(podDocumentsResultSchema.parse(answer)).toEqual(answer);
    expect(podDocumentsResultSchema.safeParse({ version: 2, documents: [{ index: -1 }] }).success).toBe(false);
  });
});

describe('panelHtml', () => {
  const nonce = makeNonce((b) => b.map((_, i) => i * 7));
  const html = panelHtml({
    cspSource: 'vscode-webview://abc',
    nonce,
    scriptUri: 'vscode-webview://abc/dist/webview.js',
    styleUri: 'vscode-webview://abc/dist/webview.css',
    codiconUri: 'vscode-webview://abc/dist/codicon.css',
  });

  it('makes 32-character alphanumeric nonces', () => {
    expect(nonce).toMatch(/^[A-Za-z0-9]{32}$/);
  });

  it('allows only the nonce script and the extension styles and fonts', () => {
    expect(contentSecurityPolicy('vscode-webview://abc', nonce)).toBe(
      `default-src 'none'; script-src 'nonce-${nonce}'; style-src vscode-webview://abc; font-src vscode-webview://abc; img-src vscode-webview://abc data:`,
    );
    expect(html).toContain(`<script nonce="${nonce}" src="vscode-webview://abc/dist/webview.js"></script>`);
    expect(html).not.toMatch(/unsafe-|<style|\sstyle=|\son[a-z]+=/);
  });
});

describe('podDocumentCountSchema (what the extension host reads of a pod-documents answer)', () => {
  it('counts the documents of the answer, for its version', () => {
    const documents = Array.from({ length: 1133 }, (_, index) => ({ index, kind: 'Pod', name: `p${index}`, range }));
    expect(podDocumentCountSchema.parse({ version: 7, documents })).toEqual({ version: 7, count: 1133 });
    expect(podDocumentCountSchema.parse({ version: null, documents: [] })).toEqual({ version: null, count: 0 });
  });

  it('rejects an answer of another shape', () => {
    expect(podDocumentCountSchema.safeParse({ version: 2, documents: {} }).success).toBe(false);
    expect(podDocumentCountSchema.safeParse({ version: '2', documents: [] }).success).toBe(false);
    expect(podDocumentCountSchema.safeParse(null).success).toBe(false);
  });
});
