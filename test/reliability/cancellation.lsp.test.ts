// Reliability (issue 8): requests the client cancels are cancelled on the server (answered RequestCancelled before
// any work), and diagnostics are never published for an old version after a newer one, also while a big file's
// analysis runs on the worker pool and a paste sends it there again mid-burst.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  DidChangeTextDocumentNotification,
  DidOpenTextDocumentNotification,
  LSPErrorCodes,
  type PublishDiagnosticsParams,
} from 'vscode-languageserver-protocol/node';
import { lintText } from '../../shared/lint';
import { TestLspClient } from '../helpers/lspClient';
import { prng } from './fuzz/manifests';
import { applyChanges, type RangedChange, randomChange } from './lsp/edits';
import { within } from './lsp/protocol';
import { RawClient } from './lsp/rawClient';

const example = (name: string) => fs.readFileSync(path.resolve(__dirname, '../../examples', name), 'utf8');
const POD = example('crashloop.yaml');
const BOUND_MS = 30_000;

/** `count` pod documents: enough segments (>= 48) for the server to analyse the file on its worker pool. */
const manyPods = (count: number) => Array.from({ length: count }, () => `---\n${POD}`).join('');

const raws: RawClient[] = [];
const clients: TestLspClient[] = [];
afterAll(async () => {
  await Promise.all([...raws.map((r) => within(BOUND_MS, 'raw stop', r.stop())), ...clients.map((c) => c.stop())]);
});

describe('cancelled requests', () => {
  it('are answered RequestCancelled without the work; the same request uncancelled is answered', async () => {
    const raw = new RawClient();
    raws.push(raw);
    await raw.initialize();
    const uri = 'file:///tmp/podlens-cancel/pod.yaml';
    raw.send({
      method: 'textDocument/didOpen',
      params: { textDocument: { uri, languageId: 'yaml', version: 1, text: POD } },
    });
    const at = {
      textDocument: { uri },
      position: { line: POD.split('\n').findIndex((l) => l.includes('image:')), character: 6 },
    };
    const cancel = (id: number) => ({ method: '$/cancelRequest', params: { id } });
    // Every request and its cancellation in one write: the server reads the cancellation before it dispatches.
    raw.send(
      { id: 1, method: 'textDocument/hover', params: at },
      cancel(1),
      { id: 2, method: 'textDocument/completion', params: { ...at, context: { triggerKind: 1 } } },
      cancel(2),
      { id: 3, method: 'textDocument/documentSymbol', params: { textDocument: { uri } } },
      cancel(3),
      { id: 4, method: 'textDocument/hover', params: at },
      { id: 5, method: 'textDocument/completion', params: { ...at, context: { triggerKind: 1 } } },
    );
    const [hover, completion, symbols, control, controlCompletion] = await within(
      BOUND_MS,
      'responses',
      Promise.all([1, 2, 3, 4, 5].map((id) => raw.response(id))),
    );
    for (const cancelled of [hover, completion, symbols]) {
      expect(cancelled?.error?.code, JSON.stringify(cancelled)).toBe(LSPErrorCodes.RequestCancelled);
      expect(cancelled?.result).toBeUndefined();
    }
    expect(JSON.stringify(control?.result)).toContain('spec.containers[0].image');
    expect((controlCompletion?.result as { items: unknown[] } | undefined)?.items.length).toBeGreaterThan(0);
  });
});

describe('diagnostics under a burst of versions', () => {
  it('are published in version order, ending with the newest version and its findings', async () => {
    const client = await TestLspClient.start();
    clients.push(client);
    const published: PublishDiagnosticsParams[] = [];
    client.publishListeners.push((p) => published.push(p));
    const docs = [
      { uri: client.uri('burst-big.yaml'), text: manyPods(60), version: 1 },
      { uri: client.uri('burst-small.yaml'), text: POD, version: 1 },
    ];
    for (const d of docs) {
      void client.connection.sendNotification(DidOpenTextDocumentNotification.type, {
        textDocument: { uri: d.uri, languageId: 'yaml', version: 1, text: d.text },
      });
    }
    // No waiting: versions follow each other while the big file's first analysis is still on the pool.
    const rand = prng(8);
    for (let i = 0; i < 80; i++) {
      const doc = docs[i % 2] as (typeof docs)[number];
      const change: RangedChange =
        i === 40
          ? { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: manyPods(50) }
          : randomChange(doc.text, rand);
      doc.text = applyChanges(doc.text, [change]);
      doc.version++;
      void client.connection.sendNotification(DidChangeTextDocumentNotification.type, {
        textDocument: { uri: doc.uri, version: doc.version },
        contentChanges: [change],
      });
    }
    const finals = await within(
      BOUND_MS,
      'final diagnostics',
      Promise.all(docs.map((d) => client.diagnosticsFor(d.uri, d.version))),
    );
    // One more round trip: anything the server still had queued for these documents has been sent by now.
    await within(BOUND_MS, 'round trip', client.hover(docs[0]?.uri as string, { line: 0, character: 0 }));
    for (const [i, doc] of docs.entries()) {
      const versions = published.filter((p) => p.uri === doc.uri).map((p) => p.version ?? 0);
      expect(versions, doc.uri).toEqual([...versions].sort((a, b) => a - b));
      expect(versions.at(-1)).toBe(doc.version);
      const expected = lintText(doc.text, { path: doc.uri }).map((f) => `${f.rule} ${JSON.stringify(f.range)}`);
      const got = (finals[i]?.diagnostics ?? []).map((d) => `${d.code} ${JSON.stringify(d.range)}`);
      expect(got.sort()).toEqual(expected.sort());
    }
  });
});
