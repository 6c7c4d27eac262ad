// The bundled server answers a plain LSP client over stdio and publishes syntax diagnostics.
import { describe, expect, it } from 'vitest';
import { lspClientForSuite, TestLspClient } from '../helpers/lspClient';

describe('dist/server.js --stdio', () => {
  const client = lspClientForSuite();

  it('publishes a YAML syntax error at its exact range for a Kubernetes document', async () => {
    const uri = client().uri('broken.yaml');
    const diags = await client().open(uri, 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: x\n    bad: indent\n');
    const syntax = diags.diagnostics.filter((d) => d.code === 'yaml-syntax');
    expect(syntax.length).toBeGreaterThan(0);
    expect(syntax[0]?.source).toBe('podlens');
    // `x` continued by `bad: indent` on the next line is a multi-line implicit key: yaml marks both lines.
    expect(syntax.some((d) => d.range.start.line === 3 && d.range.end.line === 4)).toBe(true);
  });

  it('stays silent on YAML that is not a Kubernetes object', async () => {
    const uri = client().uri('compose.yaml');
    const diags = await client().open(uri, 'services:\n  web:\n    image: nginx\n');
    expect(diags.diagnostics).toEqual([]);
  });
});

describe('initialize', () => {
  it('answers with server info and incremental sync', async () => {
    const client = await TestLspClient.start();
    try {
      expect(client.initializeResult?.serverInfo?.name).toBe('podlens');
      expect(client.initializeResult?.capabilities.textDocumentSync).toMatchObject({ change: 2, openClose: true });
    } finally {
      await client.stop();
    }
  });
});
