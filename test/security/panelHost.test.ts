// Security (issue 8): the lifecycle panel's host trusts nothing its webview sends. The host
// (client/src/lifecyclePanel.ts) runs here against a recording stand-in for the `vscode` API and is fed what a
// compromised webview could post: messages of unknown types, extra fields (another document's URI), ranges far
// outside the document, hostile file names, and non-objects. It must ignore the invalid ones with a log line, and
// whatever it does must touch only the panel's own document: no other document opened or revealed, no file
// written without the user's save dialog, no command run.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import * as fake from './fakeVscode';

vi.mock('vscode', () => import('./fakeVscode'));

const { LifecyclePanels } = await import('../../client/src/lifecyclePanel');
const { WhatIfStore } = await import('../../client/src/whatIfStore');

const DOC = 'file:///work/app/pod.yaml';
const range = (sl: number, sc: number, el: number, ec: number) => ({
  start: { line: sl, character: sc },
  end: { line: el, character: ec },
});

async function openPanel(): Promise<(message: unknown) => Promise<void>> {
  const panels = new LifecyclePanels(
    fake.uri('file:///ext') as never,
    fake.output as never,
    new WhatIfStore(() => undefined),
    {
      podDocuments: async () => undefined,
      podWorkspace: async () => undefined,
      fileTarget: async () => ({ minor: 36, featureGates: {} }),
    },
    fake.memento() as never,
  );
  panels.show({ uri: fake.uri(DOC) } as never, null);
  const receive = fake.state.receive;
  if (!receive) throw new Error('the panel registered no message handler');
  // Opening sends the document once; what the tests look at is what the webview's messages make the host do.
  await vi.waitFor(() => expect(fake.calls.posted).toHaveLength(1));
  reset();
  return async (message) => {
    await receive(message);
  };
}

function reset(): void {
  for (const list of Object.values(fake.calls)) if (Array.isArray(list)) list.length = 0;
  fake.calls.openDialogs = 0;
}

beforeEach(() => {
  reset();
  fake.state.receive = undefined;
});

describe('the lifecycle panel host', () => {
  it.each([
    ['a command to run', { type: 'runCommand', command: 'workbench.action.terminal.new' }],
    ['a reveal in another document', { type: 'reveal', range: range(0, 0, 0, 1), uri: 'file:///etc/passwd' }],
    ['a reveal with a negative line', { type: 'reveal', range: range(-1, 0, 0, 1) }],
    ['a reveal with a fractional position', { type: 'reveal', range: range(0.5, 0, 1, 0) }],
    ['a reveal without a range', { type: 'reveal' }],
    ['an oversized log line', { type: 'log', level: 'error', message: 'x'.repeat(20_001) }],
    ['a log level it does not have', { type: 'log', level: 'fatal', message: 'x' }],
    ['an export that is not a map', { type: 'exportScenario', suggestedName: 'x.json', scenario: ['rm -rf /'] }],
    ['a string', 'reveal'],
    ['null', null],
    ['an array', [{ type: 'ready' }]],
    ['a prototype key', JSON.parse('{"type":"ready","__proto__":{"polluted":true}}')],
  ])('ignores %s and logs it', async (_, message) => {
    const send = await openPanel();
    await send(message);
    expect(fake.calls.logs).toEqual([expect.stringMatching(/^warn lifecycle panel: ignored an invalid message/)]);
    expect(fake.calls.opened).toEqual([]);
    expect(fake.calls.shown).toEqual([]);
    expect(fake.calls.writes).toEqual([]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('reveals only in its own document, clamped to the text', async () => {
    const send = await openPanel();
    await send({ type: 'reveal', range: range(3, 2, 3, 6) });
    await send({ type: 'reveal', range: range(5_000_000, 9_999_999, 9_000_000, 0) });
    expect(fake.calls.opened).toEqual([DOC, DOC]);
    expect(fake.calls.shown.map((s) => s.document)).toEqual([DOC, DOC]);
    expect(fake.calls.shown[0]?.selection).toMatchObject({
      startLine: 3,
      startCharacter: 2,
      endLine: 3,
      endCharacter: 6,
    });
    expect(fake.calls.shown[1]?.selection).toMatchObject({ startLine: 9, endLine: 9 });
  });

  it('writes a scenario only where the user picks, next to its document by default, whatever the name', async () => {
    const send = await openPanel();
    await send({ type: 'exportScenario', suggestedName: '../../../etc/cron.d/evil', scenario: { until: 1 } });
    await send({ type: 'exportScenario', suggestedName: '..', scenario: { until: 1 } });
    expect(fake.calls.saveDialogs).toEqual([
      'file:///work/app/..-..-..-etc-cron.d-evil',
      'file:///work/app/scenario.json',
    ]);
    expect(fake.calls.writes).toEqual([]);
  });

  it('reads a scenario file only through the open dialog', async () => {
    const send = await openPanel();
    await send({ type: 'loadScenario' });
    expect(fake.calls.openDialogs).toBe(1);
    expect(fake.calls.reads).toEqual([]);
  });

  it('answers ready with its own document only', async () => {
    const send = await openPanel();
    await send({ type: 'ready' });
    expect(fake.calls.opened.every((u) => u === DOC)).toBe(true);
    expect(fake.calls.posted.filter((m) => (m as { type: string }).type === 'document')).toEqual([
      expect.objectContaining({ type: 'document', uri: DOC, fileName: 'pod.yaml' }),
    ]);
  });
});
