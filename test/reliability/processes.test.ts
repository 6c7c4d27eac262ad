// Reliability (issue 8): the language server leaves nothing behind. When the extension host that started it dies
// (killed, or gone without a shutdown), the server process ends too, whatever its transport; the worker threads
// that analyse a big file end once its analysis is done. Liveness is read from /proc (Linux), waiting on the
// condition with a bound, never a fixed pause.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { SERVER_JS, TestLspClient } from '../helpers/lspClient';
import { within } from './lsp/protocol';

const HOST = path.join(__dirname, 'fixtures/extensionHost.cjs');
const POD = fs.readFileSync(path.resolve(__dirname, '../../examples/crashloop.yaml'), 'utf8');
const BOUND_MS = 15_000;

/** Alive and not a zombie: a process whose parent died is reaped by init, or waits as a zombie. */
function alive(pid: number): boolean {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2)[0] !== 'Z';
  } catch {
    return false;
  }
}

function threads(pid: number): number {
  return Number(/^Threads:\s+(\d+)/m.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1]);
}

/** Polls a condition read from /proc (another process's state raises no event here) until it holds. */
async function until(what: string, condition: () => boolean, ms = BOUND_MS): Promise<void> {
  const start = Date.now();
  while (!condition()) {
    if (Date.now() - start > ms) throw new Error(`${what}: not within ${ms} ms`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

const spawned: number[] = [];
afterAll(() => {
  for (const pid of spawned) if (alive(pid)) process.kill(pid, 'SIGKILL');
});

async function hostedServer(transport: 'ipc' | 'stdio'): Promise<{ host: ReturnType<typeof spawn>; server: number }> {
  const host = spawn(process.execPath, [HOST, SERVER_JS, transport], { stdio: ['ignore', 'pipe', 'inherit'] });
  spawned.push(host.pid as number);
  const line = await within(
    BOUND_MS,
    `the server answering initialize over ${transport}`,
    new Promise<string>((resolve) => host.stdout?.once('data', (b: Buffer) => resolve(b.toString()))),
  );
  const server = Number(line.trim());
  spawned.push(server);
  return { host, server };
}

describe('the server process', () => {
  // The extension starts the server over stdio; IPC is what other hosts of a node-module server use.
  it.each(['stdio', 'ipc'] as const)(
    'ends when the extension host that forked it is killed (%s)',
    async (transport) => {
      const { host, server } = await hostedServer(transport);
      expect(alive(server)).toBe(true);
      host.kill('SIGKILL');
      await until('the server ending after its host was killed', () => !alive(server));
    },
  );

  it.each(['stdio', 'ipc'] as const)(
    'ends when the extension host exits without shutting it down (%s)',
    async (transport) => {
      const { host, server } = await hostedServer(transport);
      host.kill('SIGTERM');
      await until('the server ending after its host exited', () => !alive(server));
    },
  );

  // main.ts hands createConnection a StreamMessageReader over stdin, and vscode-languageserver only ends the process on
  // the end of an input *stream* it was given: without main.ts's own stdin 'end' handler, a stdio server whose editor
  // closed the pipes (an LSP restart in Neovim, say) would live on until the editor itself exits.
  it('ends when a stdio client closes its pipes without shutdown', async () => {
    const client = await TestLspClient.start();
    const pid = client.process.pid as number;
    try {
      expect(alive(pid)).toBe(true);
      client.process.stdin?.end();
      await until('the stdio server ending', () => !alive(pid), 5000);
    } finally {
      await client.stop();
    }
  });
});

describe('analysis worker threads', () => {
  const big = (n: number, documents: number) =>
    Array.from({ length: documents }, (_, i) => `---\n${POD.replace('crasher', `pod-${n}-${i}`)}`).join('');

  it('run for a big file and end once its analysis is done', async () => {
    const client = await TestLspClient.start();
    const pid = client.process.pid as number;
    // A first big file brings up what stays (libuv's thread pool); the second one shows what comes and goes.
    await within(BOUND_MS, 'first big file', client.open(client.uri('warm.yaml'), big(0, 60)));
    // The workspace scan starts once that file has its complete diagnostics: the baseline comes after it.
    await within(
      BOUND_MS,
      'the workspace scan',
      client.log((m) => m.message.startsWith('workspace index:')),
    );
    let baseline = threads(pid);
    await until('the warm-up workers ending', () => {
      const now = threads(pid);
      const settled = now === baseline;
      baseline = now;
      return settled;
    });
    let peak = baseline;
    const sampler = setInterval(() => {
      peak = Math.max(peak, threads(pid));
    }, 1);
    // Long enough (about a second of analysis) for the sampler to see the workers on a loaded machine.
    await within(BOUND_MS, 'second big file', client.open(client.uri('big.yaml'), big(1, 600)));
    clearInterval(sampler);
    expect(peak, 'worker threads started for the 600-document file').toBeGreaterThan(baseline);
    await until('the analysis threads ending', () => threads(pid) <= baseline);
    await client.stop();
  });

  it('started ahead for a big file end once the settings show its batch is not coming', async () => {
    let answer = () => {};
    const client = await TestLspClient.start({ settingsHeld: new Promise<void>((resolve) => (answer = resolve)) });
    const pid = client.process.pid as number;
    const before = threads(pid);
    // Before the settings, a big file starts the workers of its batch; closed at once, its batch never comes.
    const uri = client.uri('closed.yaml');
    void client.open(uri, big(0, 60));
    await until('the workers starting ahead', () => threads(pid) > before);
    client.close(uri);
    answer();
    // Not their 20-second timeout: the settings' arrival ends them (BOUND_MS is shorter).
    await until('the workers ending with the settings', () => threads(pid) <= before);
    await client.stop();
  });
});
