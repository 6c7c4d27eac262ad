// The workspace scan waits for the first diagnostics of the documents open at start-up: the gate opens only once
// each of them was published (or cleared on close), and after a bounded wait when a publish never comes.
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Connection } from 'vscode-languageserver';
import { FirstPublish, STARTUP_OPENS_MS } from '../../server/firstPublish';
import { PARTIAL_DIAGNOSTICS_PROPERTY } from '../../shared/protocol/lsp';

function fakeConnection() {
  const sent: string[] = [];
  const connection = {
    sendDiagnostics: (p: { uri: string }) => {
      sent.push(p.uri);
      return Promise.resolve();
    },
  } as unknown as Connection;
  return { connection, sent };
}

/** Whether the promise has settled once pending callbacks ran. */
async function settled(p: Promise<void>): Promise<boolean> {
  let done = false;
  void p.then(() => {
    done = true;
  });
  await new Promise((resolve) => setImmediate(resolve));
  return done;
}

afterEach(() => {
  vi.useRealTimers();
});

describe('first publish gate', () => {
  it('opens once every document open at start-up has been published, and passes each publish on', async () => {
    const { connection, sent } = fakeConnection();
    const gate = new FirstPublish();
    const observed = gate.observe(connection);
    void observed.sendDiagnostics({ uri: 'file:///a.yaml', diagnostics: [] });
    const opened = gate.of(['file:///a.yaml', 'file:///b.yaml', 'file:///c.yaml']);
    void observed.sendDiagnostics({ uri: 'file:///b.yaml', diagnostics: [] });
    expect(await settled(opened)).toBe(false);
    void observed.sendDiagnostics({ uri: 'file:///c.yaml', diagnostics: [] });
    expect(await settled(opened)).toBe(true);
    expect(sent).toEqual(['file:///a.yaml', 'file:///b.yaml', 'file:///c.yaml']);
  });

  it("waits for a big file's complete diagnostics, not for its partial publish of the lines on screen", async () => {
    const { connection } = fakeConnection();
    const gate = new FirstPublish();
    const observed = gate.observe(connection);
    const opened = gate.of(['file:///big.yaml']);
    const partial = { uri: 'file:///big.yaml', diagnostics: [], [PARTIAL_DIAGNOSTICS_PROPERTY]: true };
    void observed.sendDiagnostics(partial);
    expect(await settled(opened)).toBe(false);
    void observed.sendDiagnostics({ uri: 'file:///big.yaml', diagnostics: [] });
    expect(await settled(opened)).toBe(true);
  });

  it('opens at once when nothing was open', async () => {
    const gate = new FirstPublish();
    gate.observe(fakeConnection().connection);
    expect(await settled(gate.of([]))).toBe(true);
  });

  it('opens after ten seconds when a publish never comes', async () => {
    vi.useFakeTimers();
    const gate = new FirstPublish();
    gate.observe(fakeConnection().connection);
    let done = false;
    void gate.of(['file:///stuck.yaml']).then(() => {
      done = true;
    });
    await vi.advanceTimersByTimeAsync(9_999);
    expect(done).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(done).toBe(true);
  });

  it('counts a document the editor opens just after start-up as opened at start-up', async () => {
    vi.useFakeTimers();
    const { connection } = fakeConnection();
    const gate = new FirstPublish();
    const observed = gate.observe(connection);
    const open: string[] = [];
    let done = false;
    void gate
      .afterStartup(() => open)
      .then(() => {
        done = true;
      });
    await vi.advanceTimersByTimeAsync(STARTUP_OPENS_MS / 2);
    open.push('file:///restored.yaml');
    await vi.advanceTimersByTimeAsync(STARTUP_OPENS_MS);
    expect(done).toBe(false);
    void observed.sendDiagnostics({ uri: 'file:///restored.yaml', diagnostics: [] });
    await vi.advanceTimersByTimeAsync(0);
    expect(done).toBe(true);
  });

  it('opens once the start-up moment has passed when nothing was opened', async () => {
    vi.useFakeTimers();
    const gate = new FirstPublish();
    gate.observe(fakeConnection().connection);
    let done = false;
    void gate
      .afterStartup(() => [])
      .then(() => {
        done = true;
      });
    await vi.advanceTimersByTimeAsync(STARTUP_OPENS_MS - 1);
    expect(done).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(done).toBe(true);
  });
});
