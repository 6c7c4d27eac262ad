// Shared helpers of the podlens end-to-end suites (UI suite, ext-host runners, demo):
// locate Node 24 + code-server, build the fixture workspace, start/stop an isolated code-server, launch chromium,
// and run named steps with screenshots. (code-server 4.139.1 = Code 1.139.1).
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { CHROMIUM_ARGS } from '../helpers/chromium.mjs';
import { generateLargeManifest } from './fixtures/gen-large.mjs';
import { typingFiles } from './fixtures/typing-files.mjs';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const CACHE = process.env.E2E_CACHE_DIR || path.join(ROOT, '.cache');
export const OUTPUT = process.env.PODLENS_E2E_OUTPUT || path.join(ROOT, 'test/output/e2e');
export const SUITE_BUILD = path.join(ROOT, '.e2e/suite'); // compiled mocha suite (scripts/e2e.sh builds it)
export const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
export const EXTENSION_ID = 'podlens.podlens';
export const PKG = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
export const VSIX = process.env.PODLENS_VSIX || path.join(ROOT, `${PKG.name}-${PKG.version}.vsix`);

export const FORCE_FAIL = process.env.PODLENS_E2E_FORCE_FAIL === '1';

function fromEnvFile(name) {
  const file = path.join(CACHE, 'env.sh');
  if (!fs.existsSync(file)) return undefined;
  const m = fs.readFileSync(file, 'utf8').match(new RegExp(`^export ${name}="([^"]*)"`, 'm'));
  return m?.[1];
}

/** Node 24 (code-server >= 4.100 needs it and reuses process.execPath for its extension host). */
export function node24() {
  const p =
    process.env.NODE24 ||
    fromEnvFile('NODE24') ||
    path.join(CACHE, `node24/node_modules/node/node_modules/node-linux-${process.arch}/bin/node`);
  if (!fs.existsSync(p)) throw new Error(`Node 24 not found at ${p}: run bash scripts/setup/setup-code-server.sh`);
  return p;
}

export function codeServerEntry() {
  const p =
    process.env.CODE_SERVER_ENTRY ||
    fromEnvFile('CODE_SERVER_ENTRY') ||
    path.join(CACHE, 'code-server/node_modules/code-server/out/node/entry.js');
  if (!fs.existsSync(p)) throw new Error(`code-server not found at ${p}: run bash scripts/setup/setup-code-server.sh`);
  return p;
}

export function log(...a) {
  console.log(`[${new Date().toISOString().slice(11, 23)}]`, ...a);
}

/** A free TCP port on loopback, chosen by the kernel at run time. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

// Last-resort cleanup, also on Ctrl+C, SIGTERM and crashes: hooks run synchronously, newest first (stop our own
// code-server process group, then delete the run dirs). The normal path cleans up before exiting, which leaves
// these hooks nothing to do. Chromium is ended by playwright's own exit handler.
const exitHooks = [];
export function onExit(fn) {
  if (exitHooks.length === 0) {
    process.on('exit', () => {
      for (const hook of exitHooks.reverse()) {
        try {
          hook();
        } catch {}
      }
    });
    for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.once(sig, () => process.exit(130));
  }
  exitHooks.push(fn);
}

/** Polls fn until it returns a truthy value (the value is returned) or the timeout passes. */
export async function waitUntil(fn, { timeout = 30000, interval = 100, what = 'condition' } = {}) {
  const t0 = Date.now();
  let last;
  for (;;) {
    try {
      const v = await fn();
      if (v) return v;
    } catch (e) {
      last = e;
    }
    if (Date.now() - t0 > timeout)
      throw new Error(`timeout after ${timeout} ms waiting for ${what}${last ? `: ${last.message}` : ''}`);
    await sleep(interval);
  }
}

/**
 * Fresh, isolated directories for one run under a temp dir: code-server --config, user-data, extensions,
 * XDG dirs (code-server writes ~/.local/share/code-server otherwise), chromium profile and the workspace.
 */
export function makeRunDirs(label) {
  const base = fs.mkdtempSync(path.join(os.tmpdir(), `podlens-e2e-${label}-`));
  const d = {
    base,
    ud: path.join(base, 'user-data'),
    ext: path.join(base, 'extensions'),
    ws: path.join(base, 'workspace'),
    chrome: path.join(base, 'chrome-profile'),
    xdg: path.join(base, 'xdg'),
    config: path.join(base, 'config.yaml'),
    log: path.join(base, 'code-server.log'),
  };
  for (const k of ['ud', 'ext', 'ws', 'chrome', 'xdg']) fs.mkdirSync(d[k], { recursive: true });
  fs.writeFileSync(d.config, 'auth: none\n');
  onExit(() => {
    // Anything still running from this run (chromium with our profile, code-server with our dirs) is ours.
    for (const { pid } of processesMatching(base)) {
      try {
        process.kill(pid, 'SIGKILL');
      } catch {}
    }
    removeRunDirs(d);
  });
  fs.mkdirSync(path.join(d.ud, 'User'), { recursive: true });
  fs.writeFileSync(
    path.join(d.ud, 'User', 'settings.json'),
    JSON.stringify(
      {
        // The user has raised best-practice findings (the default preset makes them hints on a bare Pod, and VS Code
        // lists no hints in Problems); the steps read latest-tag there.
        'podlens.rulePreset': 'strict',
        'workbench.startupEditor': 'none',
        'security.workspace.trust.enabled': false,
        'telemetry.telemetryLevel': 'off',
        'update.mode': 'none',
        'extensions.autoUpdate': false,
        'extensions.autoCheckUpdates': false,
        'extensions.ignoreRecommendations': true,
        'workbench.enableExperiments': false,
        'chat.disableAIFeatures': true,
        'workbench.secondarySideBar.defaultVisibility': 'hidden',
        'workbench.tips.enabled': false,
        'workbench.editor.enablePreview': false,
        'workbench.editor.languageDetection': false,
        'editor.hover.delay': 150,
        'editor.quickSuggestions': { other: false, comments: false, strings: false },
        'editor.minimap.enabled': false,
        'files.autoSave': 'off',
        'git.enabled': false,
      },
      null,
      2,
    ),
  );
  return d;
}

/** Copies code-server's log and the workbench/ext-host logs of a run into test/output/e2e/logs/<label>/. */
export function saveLogs(d, label) {
  const dest = path.join(OUTPUT, 'logs', label);
  fs.rmSync(dest, { recursive: true, force: true });
  fs.mkdirSync(dest, { recursive: true });
  if (fs.existsSync(d.log)) fs.copyFileSync(d.log, path.join(dest, 'code-server.log'));
  const logs = path.join(d.ud, 'logs');
  if (fs.existsSync(logs)) fs.cpSync(logs, path.join(dest, 'user-data-logs'), { recursive: true });
}

export function removeRunDirs(d) {
  if (!fs.existsSync(d.base)) return;
  if (process.env.PODLENS_E2E_KEEP === '1') return log(`PODLENS_E2E_KEEP=1: run dir kept at ${d.base}`);
  fs.rmSync(d.base, { recursive: true, force: true, maxRetries: 5, retryDelay: 100 });
}

/**
 * The fixture workspace: test/e2e/fixtures/workspace (small manifests with known defects), the repository's
 * examples/*.yaml under examples/, a generated 5,000-line multi-document file, and the typing step's files (a
 * 1,133-document one and its first document alone; typing.mjs). None is committed.
 * Returns facts the tests need (line numbers are 0-based).
 */
export function prepareWorkspace(ws) {
  fs.cpSync(path.join(ROOT, 'test/e2e/fixtures/workspace'), ws, { recursive: true });
  // Intentionally invalid YAML is stored as <name>.broken (so repository linters skip it) and used as <name>.
  for (const f of fs.readdirSync(ws)) {
    if (f.endsWith('.broken')) fs.renameSync(path.join(ws, f), path.join(ws, f.slice(0, -'.broken'.length)));
  }
  const examplesDir = path.join(ROOT, 'examples');
  const examples = fs.existsSync(examplesDir)
    ? fs
        .readdirSync(examplesDir)
        .filter((f) => /\.ya?ml$/.test(f))
        .sort()
    : [];
  if (examples.length) {
    fs.mkdirSync(path.join(ws, 'examples'), { recursive: true });
    for (const f of examples) fs.copyFileSync(path.join(examplesDir, f), path.join(ws, 'examples', f));
  }
  const large = generateLargeManifest(5000);
  fs.writeFileSync(path.join(ws, 'large-5000.yaml'), large.text);
  // Written up front: Quick Open's file list can lag behind files created while the workbench runs.
  for (const f of typingFiles()) fs.writeFileSync(path.join(ws, f.name), f.text);
  const facts = { examples, large: { file: 'large-5000.yaml', ...large.facts } };
  fs.writeFileSync(path.join(ws, '.podlens-e2e.json'), JSON.stringify(facts, null, 2));
  return facts;
}

function codeServerEnv(d, extra = {}) {
  return {
    ...process.env,
    XDG_CONFIG_HOME: path.join(d.xdg, 'config'),
    XDG_DATA_HOME: path.join(d.xdg, 'data'),
    XDG_CACHE_HOME: path.join(d.xdg, 'cache'),
    PATH: `${path.dirname(node24())}:${process.env.PATH}`,
    ...extra,
  };
}

export function codeServerArgs(d) {
  return ['--config', d.config, '--user-data-dir', d.ud, '--extensions-dir', d.ext];
}

/**
 * `code-server --install-extension <vsix>`: the packaged extension, exactly as users install it.
 * Returns the installed extension folder. `extensionsDir` defaults to the run's own extensions dir.
 */
export function installExtension(d, vsix = VSIX, extensionsDir = d.ext) {
  if (!fs.existsSync(vsix)) throw new Error(`${vsix} does not exist: run npm run package`);
  const args = ['--config', d.config, '--user-data-dir', d.ud, '--extensions-dir', extensionsDir];
  const run = (...more) =>
    execFileSync(node24(), [codeServerEntry(), ...args, ...more], { encoding: 'utf8', env: codeServerEnv(d) });
  const out = run('--install-extension', vsix, '--force');
  if (!/successfully installed/i.test(out)) throw new Error(`install failed: ${out}`);
  const list = run('--list-extensions', '--show-versions');
  if (!list.includes(`${EXTENSION_ID}@${PKG.version}`)) throw new Error(`not listed after install: ${list}`);
  const dir = fs.readdirSync(extensionsDir).find((f) => f.startsWith(`${EXTENSION_ID}-`));
  if (!dir) throw new Error(`no ${EXTENSION_ID}-* folder in ${extensionsDir}`);
  log(out.trim().split('\n').pop());
  return path.join(extensionsDir, dir);
}

/** Starts code-server on 127.0.0.1:<free port> in its own process group; resolves once /healthz answers. */
export async function startCodeServer(d, { folder, extraArgs = [], env = {}, port } = {}) {
  port ??= await freePort();
  const args = [
    codeServerEntry(),
    ...codeServerArgs(d),
    '--auth',
    'none',
    '--bind-addr',
    `127.0.0.1:${port}`,
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--disable-getting-started-override',
    '--ignore-last-opened',
    ...extraArgs,
  ];
  if (folder) args.push(folder);
  const logFd = fs.openSync(d.log, 'a');
  const t0 = Date.now();
  const child = spawn(node24(), args, {
    stdio: ['ignore', logFd, logFd],
    detached: true, // own process group: stop() ends the ext host, watcher and language server with it
    env: codeServerEnv(d, env),
  });
  fs.closeSync(logFd);
  onExit(() => {
    if (child.exitCode === null && child.signalCode === null) process.kill(-child.pid, 'SIGKILL');
  });
  const url = `http://127.0.0.1:${port}`;
  const server = {
    url,
    port,
    child,
    startMs: 0,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      try {
        process.kill(-child.pid, 'SIGTERM');
      } catch {}
      const t = Date.now();
      while (child.exitCode === null && child.signalCode === null && Date.now() - t < 5000) await sleep(100);
      try {
        process.kill(-child.pid, 'SIGKILL'); // anything left in our group (language server children)
      } catch {}
    },
  };
  try {
    await waitUntil(
      async () => {
        if (child.exitCode !== null) throw new Error(`code-server exited (${child.exitCode}); see ${d.log}`);
        const r = await fetch(`${url}/healthz`).catch(() => undefined);
        return r?.ok;
      },
      { timeout: 60000, what: 'code-server /healthz' },
    );
  } catch (e) {
    await server.stop();
    throw e;
  }
  server.startMs = Date.now() - t0;
  return server;
}

export async function launchChromium(d, { headless = process.env.PODLENS_E2E_HEADED !== '1' } = {}) {
  const { chromium } = await import('playwright-core');
  // launchPersistentContext(dir) = a fresh profile we own (playwright refuses --user-data-dir in args).
  return chromium.launchPersistentContext(d.chrome, {
    executablePath: CHROMIUM,
    headless,
    viewport: { width: 1400, height: 900 },
    // Debian's chromium keeps crash reports in $XDG_CONFIG_HOME/chromium whatever the profile: keep them in the run.
    env: { ...process.env, XDG_CONFIG_HOME: path.join(d.xdg, 'config'), XDG_CACHE_HOME: path.join(d.xdg, 'cache') },
    args: CHROMIUM_ARGS,
  });
}

/** Command lines of live processes whose command line contains `needle` (Linux /proc). */
export function processesMatching(needle) {
  const hits = [];
  for (const pid of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(pid)) continue;
    try {
      const cmd = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' ').trim();
      if (cmd.includes(needle)) hits.push({ pid: Number(pid), cmd });
    } catch {}
  }
  return hits;
}

/**
 * The steps `PODLENS_E2E_STEPS` (comma-separated names) selects, plus `workbench-loads`, which every step needs;
 * undefined when unset: every step runs. For running one heavy step on a busy machine, never in CI.
 */
const SELECTED = process.env.PODLENS_E2E_STEPS
  ? new Set(['workbench-loads', ...process.env.PODLENS_E2E_STEPS.split(',').map((s) => s.trim())])
  : undefined;

/**
 * Runs named steps; a step whose `needs` did not pass is reported as blocked. A failing step saves FAIL-<name>.png.
 * Steps left out by PODLENS_E2E_STEPS are reported as skipped.
 */
export function createStepRunner({ page: getPage, shots }) {
  const results = [];
  const status = new Map();
  async function step(name, opts, fn) {
    if (typeof opts === 'function') [fn, opts] = [opts, {}];
    if (SELECTED && !SELECTED.has(name)) {
      results.push({ name, status: 'skip' });
      status.set(name, 'skip');
      return;
    }
    const blockedBy = (opts.needs ?? []).filter((n) => status.get(n) !== 'pass');
    if (blockedBy.length) {
      results.push({ name, status: 'fail', error: `blocked by ${blockedBy.join(', ')}` });
      status.set(name, 'fail');
      return log(`FAIL ${name}: blocked by ${blockedBy.join(', ')}`);
    }
    const page = getPage();
    const s = Date.now();
    try {
      await fn();
      const ms = Date.now() - s;
      status.set(name, 'pass');
      results.push({ name, status: 'pass', ms });
      log(`PASS ${name} (${ms} ms)`);
    } catch (e) {
      const ms = Date.now() - s;
      const lines = String(e?.message || e).split('\n');
      const waiting = lines.find((l) => /waiting for/.test(l));
      // biome-ignore lint/suspicious/noControlCharactersInRegex: strip ANSI colours from playwright's call log
      const error = [lines[0], waiting?.replace(/\u001b\[\d+m/g, '').trim()].filter(Boolean).join(' — ');
      status.set(name, 'fail');
      results.push({ name, status: 'fail', ms, error });
      log(`FAIL ${name}: ${String(e?.message || e)}`);
      if (page) await page.screenshot({ path: path.join(shots, `FAIL-${name}.png`) }).catch(() => {});
    }
  }
  return { step, results, status };
}
