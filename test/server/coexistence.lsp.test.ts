// podlens.coexistence over LSP against dist/server.js: with Red Hat YAML's Kubernetes schema reported active
// (`schemaElsewhere`, which the VS Code client adds), `auto` drops the schema errors, the schema's hover text and
// key completion, and keeps everything else; `podlens` and `both` keep all of it.
import { afterEach, describe, expect, it } from 'vitest';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { positionOf, TestLspClient, withCursor } from '../helpers/lspClient';

const POD = `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
    - name: web
      image: nginx:latest
      imagePullPolicyy: Always
      resources:
        limits:
          memory: 128Mi
`;

const ALL_ELSEWHERE = { hover: true, completion: true, validation: true };

let client: TestLspClient | undefined;
afterEach(async () => {
  await client?.stop();
  client = undefined;
});

async function start(settings: Record<string, unknown>): Promise<TestLspClient> {
  client = await TestLspClient.start({ settings: () => settings });
  return client;
}

const codes = (diags: Diagnostic[]) => diags.map((d) => d.code);

async function hoverText(c: TestLspClient, uri: string, needle: string): Promise<string> {
  const hover = await c.hover(uri, positionOf(POD, needle, 1));
  const contents = hover?.contents;
  return contents && typeof contents === 'object' && 'value' in contents ? contents.value : '';
}

async function containerKeys(c: TestLspClient): Promise<string[]> {
  const { text, position } = withCursor(`${POD}      ‸`);
  const uri = c.uri('complete.yaml');
  await c.open(uri, text);
  return (await c.completion(uri, position)).map((i) => i.label);
}

describe('podlens.coexistence: auto with a Kubernetes schema in Red Hat YAML', () => {
  it('publishes no schema errors but keeps the API-server and best-practice findings', async () => {
    const c = await start({ coexistence: 'auto', schemaElsewhere: ALL_ELSEWHERE });
    const { diagnostics } = await c.open(c.uri('pod.yaml'), POD);
    expect(codes(diagnostics)).not.toContain('unknown-field');
    expect(codes(diagnostics)).toContain('latest-tag');
  });

  it('drops the schema description from hovers and keeps what the manifest makes of the field', async () => {
    const c = await start({ coexistence: 'auto', schemaElsewhere: ALL_ELSEWHERE });
    const uri = c.uri('pod.yaml');
    await c.open(uri, POD);
    const text = await hoverText(c, uri, 'memory: 128Mi');
    expect(text).toContain('In this manifest');
    expect(text).not.toContain('Default when absent');
    expect(text).not.toContain('kubernetes.io/docs');
  });

  it('offers no keys but still the snippets', async () => {
    const c = await start({ coexistence: 'auto', schemaElsewhere: ALL_ELSEWHERE });
    const labels = await containerKeys(c);
    expect(labels).not.toContain('livenessProbe');
    expect(labels.length).toBeGreaterThan(0);
  });

  it('keeps what Red Hat YAML has switched off (yaml.validate: false)', async () => {
    const c = await start({ coexistence: 'auto', schemaElsewhere: { ...ALL_ELSEWHERE, validation: false } });
    const { diagnostics } = await c.open(c.uri('pod.yaml'), POD);
    const unknown = diagnostics.find((d) => d.code === 'unknown-field');
    expect(unknown?.range).toEqual({ start: { line: 8, character: 6 }, end: { line: 8, character: 22 } });
  });
});

describe.each(['podlens', 'both'])('podlens.coexistence: %s', (mode) => {
  it('reports schema errors, schema docs and keys even with the schema active in Red Hat YAML', async () => {
    const c = await start({ coexistence: mode, schemaElsewhere: ALL_ELSEWHERE });
    const uri = c.uri('pod.yaml');
    const { diagnostics } = await c.open(uri, POD);
    expect(codes(diagnostics)).toContain('unknown-field');
    expect(await hoverText(c, uri, 'memory: 128Mi')).toContain('kubernetes.io/docs');
    expect(await containerKeys(c)).toContain('livenessProbe');
  });
});

describe('podlens.coexistence: auto without Red Hat YAML', () => {
  it('is podlens doing everything (other editors never send schemaElsewhere)', async () => {
    const c = await start({ coexistence: 'auto' });
    const { diagnostics } = await c.open(c.uri('pod.yaml'), POD);
    expect(codes(diagnostics)).toContain('unknown-field');
  });

  it('switches the schema errors off when the client reports the schema later', async () => {
    let settings: Record<string, unknown> = { coexistence: 'auto' };
    client = await TestLspClient.start({ settings: () => settings });
    const uri = client.uri('pod.yaml');
    expect(codes((await client.open(uri, POD)).diagnostics)).toContain('unknown-field');
    settings = { coexistence: 'auto', schemaElsewhere: ALL_ELSEWHERE };
    const next = client.nextDiagnostics(uri);
    await client.changeConfiguration();
    expect(codes((await next).diagnostics)).not.toContain('unknown-field');
  });
});
