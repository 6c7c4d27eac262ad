// Issue 19: opening a big file must not freeze the editor. While the file's first analysis runs on the worker
// pool, hovers and completions in it are answered: every one sent right behind the didOpen is answered before the
// publish that carries all of the file's findings (progressive publishes before it do not count). No timing
// assertion: the order of the answers and the complete publish is the behaviour.
import { afterAll, describe, expect, it } from 'vitest';
import {
  DidOpenTextDocumentNotification,
  type Position,
  type PublishDiagnosticsParams,
} from 'vscode-languageserver-protocol/node';
import { lintText } from '../../shared/lint';
import { TestLspClient } from '../helpers/lspClient';
import { within } from './lsp/protocol';

/** Enough documents for the worker pool (it takes files of 48 segments and more) to take a while. */
const DOCUMENTS = 600;
const ALL = { lint: { maxDiagnosticsPerFile: 100_000 } };
/** A liveness bound on the whole load on a loaded machine, not a performance target. */
const LOAD_MS = 300_000;

function deployment(i: number): string {
  return `apiVersion: apps/v1
kind: Deployment
metadata:
  name: app-${i}
spec:
  replicas: 2
  selector:
    matchLabels:
      app: app-${i}
  template:
    metadata:
      labels:
        app: app-${i}
    spec:
      containers:
        - name: app
          image: registry.example.com/app:${i % 7 === 0 ? 'latest' : '1.2.3'}
          imagePullPolicy: ${i % 11 === 0 ? 'Sometimes' : 'IfNotPresent'}
          ports:
            - containerPort: 8080
          resources:
            requests:
              cpu: 100m
              memory: 128Mi
`;
}

const TEXT = Array.from({ length: DOCUMENTS }, (_, i) => deployment(i)).join('---\n');
const LINES_PER_DOCUMENT = deployment(0).split('\n').length;
/** In the middle document: on `image` (a hover with docs) and after `imagePullPolicy: ` (completion of its values). */
const middle = Math.floor(DOCUMENTS / 2) * LINES_PER_DOCUMENT;
const HOVER_AT: Position = { line: middle + 16, character: 12 };
const COMPLETE_AT: Position = { line: middle + 17, character: 27 };

const clients: TestLspClient[] = [];
afterAll(async () => {
  await Promise.all(clients.map((c) => c.stop()));
});

describe('a big file while it loads', () => {
  it(`answers hovers and completions before the complete publish of ${DOCUMENTS} documents`, async () => {
    const expected = lintText(TEXT, { path: 'big.yaml' }).length;
    const client = await TestLspClient.start({ settings: () => ALL });
    clients.push(client);
    const uri = client.uri('big.yaml');
    const events: string[] = [];
    let complete!: () => void;
    const completed = new Promise<void>((resolve) => {
      complete = resolve;
    });
    client.publishListeners.push((p: PublishDiagnosticsParams) => {
      if (p.uri !== uri || p.version !== 1 || p.diagnostics.length !== expected) return;
      events.push('complete publish');
      complete();
    });

    void client.connection.sendNotification(DidOpenTextDocumentNotification.type, {
      textDocument: { uri, languageId: 'yaml', version: 1, text: TEXT },
    });
    const hover = client.hover(uri, HOVER_AT).then((h) => {
      events.push('hover');
      return h;
    });
    const completion = client.completion(uri, COMPLETE_AT).then((items) => {
      events.push('completion');
      return items;
    });
    const [h, items] = await within(LOAD_MS, 'hover and completion during the load', Promise.all([hover, completion]));
    await within(LOAD_MS, 'the complete publish', completed);

    expect(JSON.stringify(h?.contents)).toContain('image');
    expect(items.map((i) => i.label)).toEqual(expect.arrayContaining(['Always', 'IfNotPresent', 'Never']));
    expect(events.indexOf('hover')).toBeLessThan(events.indexOf('complete publish'));
    expect(events.indexOf('completion')).toBeLessThan(events.indexOf('complete publish'));
  }, 600_000);
});
