// Runs the extension-host mocha suite (.e2e/suite/index.js) in a downloaded desktop VS Code with
// @vscode/test-electron — the standard way, where VS Code can be downloaded (or is already in .vscode-test/).
// Without internet it prints one "skipped: ..." line and exits 0: the code-server runner (runCodeServer.mjs) runs
// the same tests here. PODLENS_E2E_ELECTRON=skip skips without trying; =run fails instead of skipping when the
// download is impossible. Exit 1 when a test fails.
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { log, OUTPUT, prepareWorkspace, ROOT, SUITE_BUILD, VSIX, waitUntil } from './lib.mjs';

const SKIP_LINE =
  'skipped: @vscode/test-electron needs to download VS Code; no internet here — the code-server suite covers the same tests';
const mode = process.env.PODLENS_E2E_ELECTRON ?? 'auto';
if (mode === 'skip') {
  console.log(SKIP_LINE);
  process.exit(0);
}

const { downloadAndUnzipVSCode, runTests } = await import('@vscode/test-electron');
const cachePath = path.join(ROOT, '.vscode-test');
const silent = { report() {}, error() {} };

// Try the download (or the cache) with a short bound; offline this fails within seconds.
let vscodeExecutablePath;
try {
  vscodeExecutablePath = await Promise.race([
    downloadAndUnzipVSCode({ cachePath, timeout: 8000, reporter: silent }),
    new Promise((_, reject) =>
      setTimeout(() => reject(new Error('download did not finish in 180 s')), 180_000).unref(),
    ),
  ]);
} catch (e) {
  if (mode === 'run') {
    console.error(`@vscode/test-electron: cannot download VS Code: ${e?.message || e}`);
    process.exit(1);
  }
  console.log(SKIP_LINE);
  process.exit(0);
}

const base = fs.mkdtempSync(path.join(os.tmpdir(), 'podlens-e2e-electron-'));
const ws = path.join(base, 'workspace');
fs.mkdirSync(ws, { recursive: true });
prepareWorkspace(ws);
// The packaged extension, unpacked (a .vsix is a zip with the extension under extension/).
execFileSync('unzip', ['-q', VSIX, 'extension/*', '-d', path.join(base, 'vsix')]);
const resultFile = path.join(base, 'result.json');

// Electron needs a display: start our own Xvfb when there is none.
let xvfb;
if (process.platform === 'linux' && !process.env.DISPLAY) {
  const display = `:${90 + Math.floor(Math.random() * 9)}`;
  xvfb = spawn('Xvfb', [display, '-screen', '0', '1280x1024x24', '-nolisten', 'tcp'], {
    stdio: 'ignore',
    detached: true,
  });
  xvfb.on('error', () => {});
  process.env.DISPLAY = display;
  await waitUntil(() => fs.existsSync(`/tmp/.X11-unix/X${display.slice(1)}`) || xvfb.exitCode !== null, {
    timeout: 10000,
    what: 'Xvfb',
  });
}

let rc = 0;
try {
  await runTests({
    vscodeExecutablePath,
    extensionDevelopmentPath: path.join(base, 'vsix', 'extension'),
    extensionTestsPath: path.join(SUITE_BUILD, 'index.js'),
    extensionTestsEnv: { PODLENS_E2E_RESULT: resultFile, PODLENS_E2E: '1' },
    launchArgs: [
      ws,
      '--disable-extensions',
      '--disable-workspace-trust',
      '--skip-welcome',
      '--skip-release-notes',
      '--disable-gpu',
      '--user-data-dir',
      path.join(base, 'user-data'),
      '--extensions-dir',
      path.join(base, 'extensions'),
    ],
  });
} catch (e) {
  log(`@vscode/test-electron: ${e?.message || e}`);
  rc = 1;
} finally {
  if (xvfb) {
    try {
      process.kill(-xvfb.pid, 'SIGTERM');
    } catch {}
  }
  if (fs.existsSync(resultFile)) {
    fs.mkdirSync(OUTPUT, { recursive: true });
    fs.copyFileSync(resultFile, path.join(OUTPUT, 'electron-result.json'));
  }
  if (process.env.PODLENS_E2E_KEEP !== '1') fs.rmSync(base, { recursive: true, force: true });
}
log(`@vscode/test-electron suite: ${rc === 0 ? 'PASS' : 'FAIL'}`);
process.exitCode = rc;
