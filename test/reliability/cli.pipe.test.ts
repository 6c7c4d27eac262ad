// `podlens lint DIR --format json | head`: when the reader of its output goes away, the CLI stops quietly with exit
// code 0 (as ripgrep does) instead of dying on an unhandled EPIPE with a stack trace.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = path.resolve(__dirname, '../..');
const CLI = path.join(ROOT, 'dist/cli.js');
const POD = fs.readFileSync(path.join(ROOT, 'examples/crashloop.yaml'), 'utf8');

let tmp: string;
beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'podlens-pipe-'));
  // Findings of error severity too: the exit code would be 1 if the output were read to the end.
  for (let i = 0; i < 200; i++)
    fs.writeFileSync(path.join(tmp, `pod-${i}.yaml`), `${POD}    ports: [{containerPort: 0}]\n`);
});
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

/** Runs the CLI with its stdout read by `reader`, which closes the pipe when it likes; resolves on exit. */
function lintInto(
  args: string[],
  reader: (stdout: NodeJS.ReadableStream & { destroy(): void }) => void,
): Promise<{ code: number | null; signal: string | null; stderr: string }> {
  const child = spawn(process.execPath, [CLI, 'lint', tmp, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (d: string) => {
    stderr += d;
  });
  reader(child.stdout);
  return new Promise((resolve) => child.on('close', (code, signal) => resolve({ code, signal, stderr })));
}

describe('podlens lint into a reader that goes away', () => {
  it('exits 0 without a word on stderr when the reader has closed before the JSON is written', async () => {
    const run = await lintInto(['--format', 'json'], (stdout) => stdout.destroy());
    expect(run).toEqual({ code: 0, signal: null, stderr: '' });
  });

  it('exits 0 without a word on stderr in the text format too', async () => {
    const run = await lintInto([], (stdout) => stdout.destroy());
    expect(run).toEqual({ code: 0, signal: null, stderr: '' });
  });

  it('keeps exit code 1 for error findings when the output is read to the end', async () => {
    const run = await lintInto(['--format', 'json'], (stdout) => stdout.resume());
    expect(run).toEqual({ code: 1, signal: null, stderr: '' });
  });
});
