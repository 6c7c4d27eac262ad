/**
 * Extension-test entry point with the standard @vscode/test-electron contract: `run()` returns a Promise that
 * rejects when a test fails. Loaded by the extension host of a real VS Code — desktop (test/e2e/runElectron.mjs) or
 * code-server's server-side Node extension host (test/e2e/runCodeServer.mjs, via the workbench URL `payload`).
 * Writes a JSON summary to $PODLENS_E2E_RESULT when set (the code-server runner reads it).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

// Order matters: the activation test must run before anything opens a YAML file.
const FILES = [
  'activation.test.js',
  'diagnostics.test.js',
  'language.test.js',
  'panel.test.js',
  'responsive.test.js',
  'restart.test.js',
];

interface Outcome {
  title: string;
  state: 'passed' | 'failed' | 'pending';
  ms?: number;
  error?: string;
}

export async function run(): Promise<void> {
  // mocha 12 is an ES module; require(esm) works on Node >= 20.19/22.12 (code-server runs Node 24).
  const mod = require('mocha');
  const Mocha = mod.default ?? mod;
  const mocha = new Mocha({ ui: 'tdd', color: false, timeout: 60_000, reporter: 'spec' });
  for (const f of FILES) mocha.addFile(path.join(__dirname, f));

  const outcomes: Outcome[] = [];
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const runner = mocha.run((failures: number) => {
      const summary = {
        ok: failures === 0,
        failures,
        passes: outcomes.filter((o) => o.state === 'passed').length,
        pending: outcomes.filter((o) => o.state === 'pending').length,
        ms: Date.now() - started,
        tests: outcomes,
      };
      const out = process.env.PODLENS_E2E_RESULT;
      if (out) fs.writeFileSync(out, JSON.stringify(summary, null, 2));
      console.log(`[podlens-e2e] done: ${summary.passes} passing, ${summary.pending} pending, ${failures} failing`);
      if (failures > 0) reject(new Error(`${failures} e2e test(s) failed`));
      else resolve();
    });
    runner.on('pass', (t: { fullTitle(): string; duration?: number }) =>
      outcomes.push({ title: t.fullTitle(), state: 'passed', ms: t.duration }),
    );
    runner.on('fail', (t: { fullTitle(): string }, err: Error) =>
      outcomes.push({ title: t.fullTitle(), state: 'failed', error: String(err?.message ?? err) }),
    );
    runner.on('pending', (t: { fullTitle(): string }) => outcomes.push({ title: t.fullTitle(), state: 'pending' }));
  });
}
