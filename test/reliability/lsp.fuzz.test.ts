// Reliability (issue 8) over the real protocol against dist/server.js: for random damaged manifests and the
// hostile corpus, the server publishes diagnostics, answers hover and completion at random positions, symbols,
// folding, lenses and quick fixes, all within a liveness bound, with every range inside the document, and logs
// no error (a handler that throws is caught by runSafe and logged: that is a bug the user never sees otherwise).
// Seeded: PODLENS_FUZZ_SEED / PODLENS_FUZZ_RUNS.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Position } from 'vscode-languageserver-protocol/node';
import { TestLspClient } from '../helpers/lspClient';
import { HOSTILE_DOCUMENTS } from './fuzz/hostile';
import { manifestFile } from './fuzz/manifests';
import { applyMutations, mutations } from './fuzz/mutations';
import { lineLengths, rangeProblems } from './fuzz/ranges';
import { codeActions, codeLenses, collectLogs, within } from './lsp/protocol';

const SEED = Number(process.env.PODLENS_FUZZ_SEED ?? 8_2024);
const RUNS = Number(process.env.PODLENS_FUZZ_RUNS ?? 120);
/** Far above any honest answer: only a hang reaches it. */
const HANG_MS = 30_000;

let client: TestLspClient;
let logs: ReturnType<typeof collectLogs>;
let workspace: string;
let opened = 0;

beforeAll(async () => {
  workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'podlens-lspfuzz-'));
  client = await TestLspClient.start({ workspaceFolder: workspace });
  logs = collectLogs(client);
});
afterAll(async () => {
  await client?.stop();
  fs.rmSync(workspace, { recursive: true, force: true });
});

function cursor(lines: readonly number[], [lf, cf]: [number, number]): Position {
  const line = Math.min(lines.length - 1, Math.floor(lf * lines.length));
  return { line, character: Math.floor(cf * ((lines[line] ?? 0) + 1)) };
}

/** Opens the text, asks for everything an editor asks for, and returns every problem found. */
async function session(text: string, cursors: [number, number][]): Promise<string[]> {
  const uri = client.uri(`fuzz/${opened++}.yaml`);
  const lines = lineLengths(text);
  const problems: string[] = [];
  const errorsBefore = logs.errors().length;
  const published = await within(HANG_MS, 'diagnostics', client.open(uri, text));
  problems.push(...rangeProblems(lines, published.diagnostics, 'diagnostics'));
  const positions = cursors.map((c) => cursor(lines, c));
  const answers = await within(
    HANG_MS,
    'requests',
    Promise.all([
      ...positions.map((p) => client.hover(uri, p).then((h) => ['hover', h] as const)),
      ...positions.map((p, i) =>
        client.completion(uri, p, i % 2 ? ' ' : undefined).then((c) => ['completion', c] as const),
      ),
      client.documentSymbols(uri).then((s) => ['symbols', s] as const),
      client.foldingRanges(uri).then((f) => ['folding', f] as const),
      codeLenses(client, uri).then((l) => ['lenses', l] as const),
      codeActions(client, uri, text, published.diagnostics).then((a) => ['code actions', a] as const),
    ]),
  );
  for (const [what, answer] of answers) problems.push(...rangeProblems(lines, answer, what));
  client.close(uri);
  problems.push(
    ...logs
      .errors()
      .slice(errorsBefore)
      .map((m) => `logged: ${m}`),
  );
  return problems;
}

function describeText(text: string): string {
  return text.length > 400 ? `${JSON.stringify(text.slice(0, 400))}... (${text.length} chars)` : JSON.stringify(text);
}

describe('the language server on hostile files', () => {
  it.each(HOSTILE_DOCUMENTS)('survives %s', async (_, text) => {
    const everywhere = Array.from({ length: 30 }, (_, i) => [i / 30, (i % 3) / 3] as [number, number]);
    expect(await session(text, everywhere)).toEqual([]);
  });
});

describe('the language server on documents with unusual URIs', () => {
  // VS Code sends these for UNC paths on Windows shares, remote workspaces and untitled buffers; a URI the server
  // cannot turn into a path must still get diagnostics (patch detection just does not apply to it).
  it.each([
    'file://fileserver/share/pod.yaml',
    'file:///tmp/podlens-test/a%2Fb/pod.yaml',
    'file:///tmp/podlens%20test/p%C3%B6d.yaml',
    'vscode-remote://ssh-remote%2Bbox/home/me/pod.yaml',
    'untitled:Untitled-7',
  ])('lints %s', async (uri) => {
    const errorsBefore = logs.errors().length;
    const text =
      'apiVersion: v1\nkind: Pod\nmetadata: {name: web}\nspec:\n  containers:\n  - {name: app, image: nginx, imagePullpolicy: Always}\n';
    const published = await within(HANG_MS, 'diagnostics', client.open(uri, text));
    expect(published.diagnostics.map((d) => d.code)).toContain('unknown-field');
    expect(await client.hover(uri, { line: 5, character: 18 })).not.toBeNull();
    client.close(uri);
    expect(logs.errors().slice(errorsBefore)).toEqual([]);
  });
});

describe('the language server on random manifests with random damage', () => {
  const fraction = fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true });
  const job = fc.record({
    text: fc.tuple(manifestFile, mutations).map(([text, ms]) => applyMutations(text, ms)),
    cursors: fc.array(fc.tuple(fraction, fraction), { minLength: 1, maxLength: 10 }),
  });

  it(`answers everything inside the document (seed ${SEED}, ${RUNS} runs)`, async () => {
    await fc.assert(
      fc.asyncProperty(job, async ({ text, cursors }) => {
        const problems = await session(text, cursors);
        if (problems.length > 0) {
          throw new Error(
            `${problems.length} problem(s) on ${describeText(text)}:\n${problems.slice(0, 8).join('\n')}`,
          );
        }
      }),
      { seed: SEED, numRuns: RUNS, endOnFailure: process.env.PODLENS_FUZZ_SHRINK !== '1' },
    );
    expect(client.process.exitCode).toBeNull();
  });
});
