// Issue 19: a big file's diagnostics arrive progressively through the real server. The first publish holds the
// documents on screen (or the first ones) and is marked partial; the complete one of the same version follows and
// holds everything the partial one did. Under edits typed while the first analysis is still on the worker pool, no
// publish belongs to a version other than the text it shows, versions never go back, and the last publish is the
// complete one of the newest text, equal to a fresh lint.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type Diagnostic,
  DidChangeTextDocumentNotification,
  DidOpenTextDocumentNotification,
  type PublishDiagnosticsParams,
} from 'vscode-languageserver-protocol/node';
import { lintText } from '../../shared/lint';
import { VisibleRangesNotification } from '../../shared/protocol/ids';
import { isPartial, TestLspClient } from '../helpers/lspClient';
import { prng } from '../reliability/fuzz/manifests';
import { applyChanges, type RangedChange, randomChange } from '../reliability/lsp/edits';
import { within } from '../reliability/lsp/protocol';

/** A bound on waits that would otherwise hang the run if a publish never came; no timing is asserted. */
const BOUND_MS = 50_000;

/** Pod `n` with findings of its own: a misspelled key whose name carries `n`, and an image without a tag. */
const pod = (n: number) => `apiVersion: v1
kind: Pod
metadata:
  name: pod-${n}
spec:
  containers:
  - name: app
    image: registry.example/app-${n}
    imagePullPolcy${n}: Always
`;
const LINES_PER_POD = pod(0).split('\n').length; // with the `---` line before it
/** With 60 or more pods the server analyses the file on its worker pool; under 140, the findings are not capped. */
const bigFile = (count: number, from = 0) => Array.from({ length: count }, (_, i) => `---\n${pod(from + i)}`).join('');

const key = (d: Diagnostic) => `${d.code} ${JSON.stringify(d.range)}`;
const keys = (p: PublishDiagnosticsParams) => p.diagnostics.map(key).sort();
const fresh = (text: string, uri: string) =>
  lintText(text, { path: uri })
    .map((f) => `${f.rule} ${JSON.stringify(f.range)}`)
    .sort();

let client: TestLspClient;
const published: PublishDiagnosticsParams[] = [];
const publishesOf = (uri: string) => published.filter((p) => p.uri === uri);

beforeAll(async () => {
  client = await TestLspClient.start();
  client.publishListeners.push((p) => published.push(p));
});
afterAll(async () => {
  await client.stop();
});

describe('progressive diagnostics of a big file', () => {
  it('publishes the first documents first, marked partial, then the complete findings that contain them', async () => {
    const uri = client.uri('progressive-first.yaml');
    const text = bigFile(120);
    const complete = await client.open(uri, text);
    const [first, ...rest] = publishesOf(uri);
    expect(first && isPartial(first)).toBe(true);
    expect(first?.version).toBe(1);
    expect(rest.at(-1)).toBe(complete);
    expect(isPartial(complete)).toBe(false);
    expect(keys(complete)).toEqual(fresh(text, uri));
    const partial = keys(first as PublishDiagnosticsParams);
    expect(partial.length).toBeGreaterThan(0);
    expect(partial.length).toBeLessThan(complete.diagnostics.length);
    expect(keys(complete)).toEqual(expect.arrayContaining(partial));
    // The top of the file: the first pod's own finding is there, the last pod's is not.
    const messages = (first as PublishDiagnosticsParams).diagnostics.map((d) => d.message).join('\n');
    expect(messages).toContain('imagePullPolcy0');
    expect(messages).not.toContain('imagePullPolcy119');
  });

  it('publishes first the documents the client says are on screen', async () => {
    const uri = client.uri('progressive-visible.yaml');
    // Pods the server has not seen: a segment analysed before (in any open file) is not analysed again.
    const text = bigFile(120, 1000);
    const line = 90 * LINES_PER_POD + 3;
    await client.connection.sendNotification(VisibleRangesNotification.method, {
      textDocument: { uri },
      ranges: [{ start: line, end: line + 20 }],
    });
    const complete = await client.open(uri, text);
    const first = publishesOf(uri)[0] as PublishDiagnosticsParams;
    expect(isPartial(first)).toBe(true);
    const messages = first.diagnostics.map((d) => d.message).join('\n');
    expect(messages).toContain('imagePullPolcy1090');
    // Neither the top nor the bottom of the file: those come with the complete publish.
    expect(messages).not.toContain('imagePullPolcy1000');
    expect(messages).not.toContain('imagePullPolcy1119');
    expect(keys(complete)).toEqual(expect.arrayContaining(keys(first)));
  });

  it('ignores a malformed visible-ranges notification, and still publishes', async () => {
    const uri = client.uri('progressive-malformed.yaml');
    await client.connection.sendNotification(VisibleRangesNotification.method, {
      textDocument: { uri },
      ranges: [{ start: -4, end: 'x' }],
    });
    const logged = client.log((m) => m.message.includes(`invalid ${VisibleRangesNotification.method}`));
    const text = bigFile(60, 2000);
    const complete = await client.open(uri, text);
    expect((await logged).message).toContain(VisibleRangesNotification.method);
    expect(keys(complete)).toEqual(fresh(text, uri));
  });

  it('never publishes a replaced version or the findings of a replaced text under edits during the first analysis', async () => {
    const uri = client.uri('progressive-edits.yaml');
    const texts = new Map<number, string>();
    let text = bigFile(100, 3000);
    let version = 1;
    texts.set(version, text);
    const firstPublish = client.nextDiagnostics(uri);
    const sawPartial = new Promise<void>((resolve) =>
      client.publishListeners.push((p) => {
        if (p.uri === uri && isPartial(p)) resolve();
      }),
    );
    void client.connection.sendNotification(DidOpenTextDocumentNotification.type, {
      textDocument: { uri, languageId: 'yaml', version, text },
    });
    // The first partial publish means the worker batch has just been started: type into the file while it runs.
    await within(BOUND_MS, 'the first partial publish', sawPartial);
    const rand = prng(19);
    for (let i = 0; i < 40; i++) {
      const end = text.split('\n').length;
      const change: RangedChange =
        i === 15
          ? // A paste of a whole other big file: a new first analysis while typing goes on.
            { range: { start: { line: 0, character: 0 }, end: { line: end, character: 0 } }, text: bigFile(80, 500) }
          : randomChange(text, rand);
      text = applyChanges(text, [change]);
      version++;
      texts.set(version, text);
      void client.connection.sendNotification(DidChangeTextDocumentNotification.type, {
        textDocument: { uri, version },
        contentChanges: [change],
      });
    }
    const final = await within(BOUND_MS, 'the newest diagnostics', client.diagnosticsFor(uri, version));
    // One more round trip: whatever the server still had queued for the file has been sent by now.
    await within(BOUND_MS, 'round trip', client.hover(uri, { line: 0, character: 0 }));
    await firstPublish;

    const all = publishesOf(uri);
    const versions = all.map((p) => p.version ?? 0);
    expect(versions).toEqual([...versions].sort((a, b) => a - b));
    for (const p of all) {
      const expected = fresh(texts.get(p.version ?? 0) as string, uri);
      if (isPartial(p)) expect(expected, `partial v${p.version}`).toEqual(expect.arrayContaining(keys(p)));
      else expect(keys(p), `complete v${p.version}`).toEqual(expected);
    }
    // Every partial publish is followed by a complete one of its version or a newer one.
    all.forEach((p, i) => {
      if (isPartial(p))
        expect(all.slice(i + 1).some((q) => !isPartial(q) && (q.version ?? 0) >= (p.version ?? 0))).toBe(true);
    });
    const last = all.at(-1) as PublishDiagnosticsParams;
    expect(isPartial(last)).toBe(false);
    expect(last.version).toBe(version);
    expect(final).toBe(last);
    expect(keys(last)).toEqual(fresh(text, uri));
  });
});
