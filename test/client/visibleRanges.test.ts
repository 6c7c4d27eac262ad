// Issue 19: the client tells the server where a document is on screen before it sends the document, so that a big
// file's first diagnostics are those the user looks at. Runs against the `vscode` stand-in of the security tests.
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { LanguageClient } from 'vscode-languageclient/node';
import { VisibleRangesNotification, visibleRangesParamsSchema } from '../../shared/protocol/lsp';
import * as fake from '../security/fakeVscode';

vi.mock('vscode', () => import('../security/fakeVscode'));

const { visibleRangesMiddleware } = await import('../../client/src/visibleRanges');

const A = 'file:///work/a.yaml';
const document = (href: string) => ({ uri: fake.uri(href), languageId: 'yaml' });
const editor = (doc: ReturnType<typeof document>, ...lines: [number, number][]) => ({
  document: doc,
  visibleRanges: lines.map(([start, end]) => ({ start: { line: start }, end: { line: end } })),
});

/** A language client that records what it sends, in order with the didOpen it forwards. */
function recordingClient(sent: unknown[]) {
  return {
    code2ProtocolConverter: { asUri: (u: { toString(): string }) => u.toString() },
    sendNotification: async (method: string, params: unknown) => {
      sent.push({ method, params });
    },
  } as unknown as LanguageClient;
}

afterEach(() => {
  fake.window.visibleTextEditors = [];
});

describe('visibleRangesMiddleware', () => {
  it('reports the lines every editor of the document shows before the document is opened', async () => {
    const doc = document(A);
    const other = document('file:///work/b.yaml');
    fake.window.visibleTextEditors = [editor(doc, [1200, 1240]), editor(other, [0, 30]), editor(doc, [0, 40])];
    const sent: unknown[] = [];
    const middleware = visibleRangesMiddleware(() => recordingClient(sent));
    await middleware.didOpen?.(doc as never, async () => {
      sent.push('didOpen');
    });
    expect(sent).toEqual([
      {
        method: VisibleRangesNotification.method,
        params: {
          textDocument: { uri: A },
          ranges: [
            { start: 1200, end: 1240 },
            { start: 0, end: 40 },
          ],
        },
      },
      'didOpen',
    ]);
    // What the server accepts: the same zod schema parses it there.
    expect(visibleRangesParamsSchema.safeParse((sent[0] as { params: unknown }).params).success).toBe(true);
  });

  it('sends nothing for a document no editor shows, and still opens it', async () => {
    fake.window.visibleTextEditors = [editor(document('file:///work/b.yaml'), [0, 30])];
    const sent: unknown[] = [];
    const middleware = visibleRangesMiddleware(() => recordingClient(sent));
    await middleware.didOpen?.(document(A) as never, async () => {
      sent.push('didOpen');
    });
    expect(sent).toEqual(['didOpen']);
  });
});
