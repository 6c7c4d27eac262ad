// Runs the extension-host mocha suite (.e2e/suite/index.js, compiled from test/e2e/suite/*.ts) inside code-server's
// SERVER-SIDE Node extension host — the same tests @vscode/test-electron runs with a desktop VS Code.
// code-server has no CLI flag for this: the workbench reads extensionDevelopmentPath/extensionTestsPath from the URL
// `payload` (honoured by a built workbench only with --vscode-option enable-smoke-test-driver) and reports the
// ext host's exit code by calling window.codeAutomationExit(code), which we expose through playwright.
// code-server started with the smoke-test driver.   Usage: node test/e2e/runCodeServer.mjs   (exit 1 on any failure)
import fs from 'node:fs';
import path from 'node:path';
import util from 'node:util';
import {
  FORCE_FAIL,
  freePort,
  installExtension,
  launchChromium,
  log,
  makeRunDirs,
  OUTPUT,
  prepareWorkspace,
  ROOT,
  removeRunDirs,
  SUITE_BUILD,
  saveLogs,
  sleep,
  startCodeServer,
  VSIX,
} from './lib.mjs';

// Which build of the extension is under test: by default the packaged .vsix, unpacked by code-server's own
// --install-extension into a staging folder of this run (isolated from rebuilds of dist/ while the suite runs);
// PODLENS_E2E_DEV_PATH=repo uses the repository itself (dist/ from npm run build) for quick local iterations.
const USE_REPO = process.env.PODLENS_E2E_DEV_PATH === 'repo';
const TIMEOUT_S = Number(process.env.PODLENS_E2E_EXT_TIMEOUT || 480);
const T0 = Date.now();
const suiteIndex = path.join(SUITE_BUILD, 'index.js');
const needed = [suiteIndex, USE_REPO ? path.join(ROOT, 'dist/client.js') : VSIX];
for (const f of needed) {
  if (!fs.existsSync(f)) {
    console.error(`missing ${f}: run npm run package and node test/e2e/build-suite.mjs (scripts/e2e.sh does both)`);
    process.exit(1);
  }
}
fs.mkdirSync(OUTPUT, { recursive: true });
const d = makeRunDirs('ext');
prepareWorkspace(d.ws);
const devPath = USE_REPO ? ROOT : installExtension(d, VSIX, path.join(d.base, 'staged-extension'));
log(`extension under test: ${USE_REPO ? 'the repository (dist/)' : `${path.basename(VSIX)} unpacked at ${devPath}`}`);
const resultFile = path.join(d.base, 'mocha-result.json');

let server;
let context;
let exitCode;
let error;
let orphans = null;
const consoleLines = [];
let result = null;
let stopping = false;

/** Alive and not a zombie (from /proc): a process whose parent died is reaped by init, or waits as a zombie. */
function alive(pid) {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2)[0] !== 'Z';
  } catch {
    return false;
  }
}

/**
 * The suite hands over the language server it last saw and its extension host. If the workbench has not stopped
 * that extension host yet, it is killed (SIGKILL, as a crash would); either way the server must end by itself
 * within the bound, before the process group is stopped (which would end it anyway). Returns the servers still
 * alive: none, or they would be orphans in a real VS Code.
 */
async function serversOutliveTheirHost() {
  const handed = `${resultFile}.servers.json`;
  if (!fs.existsSync(handed)) throw new Error('the suite handed over no language server (restart.test.ts)');
  const servers = JSON.parse(fs.readFileSync(handed, 'utf8'));
  const killed = servers.filter((s) => alive(s.host));
  for (const { host } of killed) process.kill(host, 'SIGKILL');
  const running = () => servers.filter((s) => alive(s.pid));
  for (const t = Date.now(); running().length > 0 && Date.now() - t < 15_000; ) await sleep(100);
  const how = killed.length ? 'killed (SIGKILL)' : 'already stopped by the workbench';
  log(`extension host ${how}: ${servers.length} language server(s) ${running().length ? 'STILL RUNNING' : 'ended'}`);
  return running().map((s) => ({ args: `pid ${s.pid}` }));
}

async function cleanup() {
  if (stopping) return;
  stopping = true;
  // Before the browser closes: closing it makes the workbench stop the extension host first, and the crash is the
  // case to prove (a graceful stop is checked too, when the workbench was quicker).
  if (exitCode !== undefined) orphans = await serversOutliveTheirHost().catch((e) => [{ args: String(e.message) }]);
  await context?.close().catch(() => {});
  await server?.stop();
  saveLogs(d, 'ext-host');
  fs.writeFileSync(path.join(OUTPUT, 'ext-host-browser-console.log'), consoleLines.join('\n'));
  if (fs.existsSync(resultFile)) result = JSON.parse(fs.readFileSync(resultFile, 'utf8'));
  removeRunDirs(d);
}

try {
  const port = await freePort();
  // The environment of code-server reaches its extension host, and with it the mocha suite.
  server = await startCodeServer(d, {
    port,
    folder: d.ws,
    extraArgs: ['--vscode-option', 'enable-smoke-test-driver'],
    env: { PODLENS_E2E_RESULT: resultFile, PODLENS_E2E: '1' },
  });
  log(`code-server healthy in ${server.startMs} ms at ${server.url}${FORCE_FAIL ? ' (PODLENS_E2E_FORCE_FAIL=1)' : ''}`);
  // The payload URIs must use the vscode-remote://<host:port> scheme so the server scans them.
  const remote = (p) => `vscode-remote://127.0.0.1:${port}${p}`;
  const payload = [
    ['extensionDevelopmentPath', remote(devPath)],
    ['extensionTestsPath', remote(suiteIndex)],
  ];
  const url = `${server.url}/?folder=${encodeURIComponent(d.ws)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;

  context = await launchChromium(d);
  const page = context.pages()[0] ?? (await context.newPage());
  // The ext host's console (mocha's spec reporter) is forwarded to the page as console.log('%c INFO', css, fmt, ...).
  page.on('console', async (m) => {
    let line = m.text();
    try {
      const a = await Promise.all(m.args().map((h) => h.jsonValue()));
      if (typeof a[0] === 'string' && a[0].startsWith('%c') && a.length > 2) line = util.format(...a.slice(2));
    } catch {}
    consoleLines.push(line);
  });
  exitCode = await new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`no codeAutomationExit within ${TIMEOUT_S} s (payload ignored? see ${d.log})`)),
      TIMEOUT_S * 1000,
    );
    page
      .exposeFunction('codeAutomationExit', (code) => {
        clearTimeout(timer);
        resolve(code);
      })
      .then(() => page.goto(url))
      .catch(reject);
  });
} catch (e) {
  error = e;
} finally {
  await cleanup();
}

const noise = /ERR_NAME_NOT_RESOLVED|open-vsx|Failed to load resource|ENOTFOUND/;
const spec = consoleLines.filter(
  (l) => !noise.test(l) && /passing|failing|pending|✔|✓|^\s*\d+\) |podlens-e2e|AssertionError|^\s{2,}\S/.test(l),
);
log(`mocha output (extension host console):\n${spec.join('\n')}`);
if (result) {
  log('results:');
  for (const t of result.tests) console.log(`  ${t.state.padEnd(7)} ${t.title}${t.error ? `  -- ${t.error}` : ''}`);
  fs.writeFileSync(path.join(OUTPUT, 'ext-host-result.json'), JSON.stringify(result, null, 2));
}
if (error) log(`ERROR: ${error.message}`);
if (orphans?.length)
  log(`ERROR: processes left behind by the extension host: ${orphans.map((o) => o.args).join('; ')}`);
const ok = !error && exitCode === 0 && result?.ok === true && orphans?.length === 0;
log(
  `ext-host suite: ${ok ? 'PASS' : 'FAIL'} (exit code ${exitCode ?? 'none'}, ${result ? `${result.passes} passing, ${result.pending} pending, ${result.failures} failing` : 'no result file'}) in ${((Date.now() - T0) / 1000).toFixed(1)} s`,
);
process.exitCode = ok ? 0 : 1;
