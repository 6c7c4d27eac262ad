#!/usr/bin/env node
// `npm run bench`: the performance benchmarks of issue 8 (numbers, not tests). Builds the production bundles,
// generates the workloads (scripts/gen/gen-workloads.mjs), then measures:
//   - over LSP with a real client against the bundled server (scripts/bench/lsp.mjs): cold open -> first
//     diagnostics (open_first: a big file's documents on screen) and -> all of them (open_all), warm open -> all,
//     one-character edit and Enter -> diagnostics of that version, hover, completion, server RSS, and on the
//     1,000- and 10,000-document files the latency of hovers and completions sent every 50 ms while it opens;
//   - CLI `lint` of the 1,000-document file (wall time including start-up), extension activation
//     (scripts/bench/activation.mjs: the real activate() with a stub `vscode`), bundle sizes (dist/sizes.json);
//   - switching podlens.kubernetesVersion to 1.31 and back with the 1,000-document file open -> the re-published
//     diagnostics of the new version, and the server's RSS and heap before and after (scripts/bench/versionSwitch.mjs);
//   - the simulation and webview benchmarks when scripts/bench/bench-sim.mjs / scripts/bench/bench-webview.mjs exist.
// Prints one table (min/median/p95, target, pass/miss) and writes bench/results/bench-<timestamp>.json and
// bench/results/latest.json.
//
// Options:
//   --only pod,deployment   LSP workloads to run (pod, deployment, deployment-errors, multi-100, multi-1000,
//                           multi-10000)
//   --metrics a,b           groups to run: open, hover, completion, edit (LSP), version (LSP, multi-1000 only), cli,
//                           activation, sizes, sim, webview
//   --repeats N             samples per metric instead of the plan (warm opens, hover/completion rounds, edit pairs,
//                           version switches)
//   --cold N                fresh-server opens per workload instead of the plan
//   --compare               also run Red Hat's yaml-language-server (the anchor) and print podlens/anchor ratios
//   --budget-s S            the anchor's wall-time budget per metric and workload (default 15; it is slow)
//   --podlens-budget-s S    the same cap for podlens (default 120, a safety net)
//   --out FILE              write the JSON there only (default bench/results/bench-<timestamp>.json + latest.json)
//   --cpu-prof              run the podlens server under --cpu-prof (bench/profiles/) from an unminified build with
//                           a source map, and print the top self-time functions per benchmark phase
//   --skip-build            use bench/build/ from the previous run instead of building
//   --verbose               server stderr and harness details
//
// Bundles are snapshotted into bench/build/ right after the build, so that other builds writing dist/ during the run
// (watch mode, the webview benchmark) cannot change what is measured.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { benchWorkload, liveProcesses, loadServerConfig, stats } from './lsp.mjs';
import { summarizeProfiles } from './profile.mjs';
import { serverProcess } from './serverProcess.mjs';
import { benchVersionSwitch, OLD_VERSION } from './versionSwitch.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const BENCH = path.join(ROOT, 'bench');
const BUILD = path.join(BENCH, 'build');
const RESULTS = path.join(BENCH, 'results');
const WORKLOADS = path.join(BENCH, 'workloads');
const PROFILES = path.join(BENCH, 'profiles');
const rel = (p) => path.relative(ROOT, p) || '.';

const { values: args } = parseArgs({
  options: {
    only: { type: 'string' },
    metrics: { type: 'string' },
    repeats: { type: 'string' },
    cold: { type: 'string' },
    compare: { type: 'boolean', default: false },
    'budget-s': { type: 'string', default: '15' },
    'podlens-budget-s': { type: 'string', default: '120' },
    out: { type: 'string' },
    'cpu-prof': { type: 'boolean', default: false },
    'skip-build': { type: 'boolean', default: false },
    verbose: { type: 'boolean', default: false },
    help: { type: 'boolean', short: 'h', default: false },
  },
});
if (args.help) {
  // The usage is the header comment of this file.
  const header = fs.readFileSync(fileURLToPath(import.meta.url), 'utf8').split('\n');
  const end = header.findIndex((l) => l.startsWith('import '));
  console.log(
    header
      .slice(1, end)
      .map((l) => l.replace(/^\/\/ ?/, ''))
      .join('\n')
      .trim(),
  );
  process.exit(0);
}
const positive = (name, v) => {
  const n = Number(v);
  if (!Number.isFinite(n) || n <= 0) throw new Error(`--${name} needs a positive number, got ${v}`);
  return n;
};
const REPEATS = args.repeats ? Math.round(positive('repeats', args.repeats)) : undefined;
const COLD = args.cold ? Math.round(positive('cold', args.cold)) : undefined;
const ANCHOR_BUDGET_S = positive('budget-s', args['budget-s']);
const PODLENS_BUDGET_S = positive('podlens-budget-s', args['podlens-budget-s']);
const ALL_GROUPS = ['open', 'hover', 'completion', 'edit', 'version', 'cli', 'activation', 'sizes', 'sim', 'webview'];
const groups = new Set(args.metrics ? args.metrics.split(',').map((s) => s.trim()) : ALL_GROUPS);
for (const g of groups) if (!ALL_GROUPS.includes(g)) throw new Error(`--metrics: unknown group ${g}`);
const lspGroups = new Set(['open', 'hover', 'completion', 'edit'].filter((g) => groups.has(g)));

// Samples per workload (podlens). The anchor gets the same plan, capped by --budget-s per metric.
const PLAN = {
  pod: { cold: 5, warm: 20, hoverRounds: 20, completionRepeats: 20, editRounds: 20 },
  deployment: { cold: 5, warm: 20, hoverRounds: 20, completionRepeats: 20, editRounds: 20 },
  'deployment-errors': { cold: 2, diagnosticsOnly: true },
  'multi-100': { cold: 5, warm: 20, hoverRounds: 20, completionRepeats: 20, editRounds: 20 },
  'multi-1000': { cold: 5, warm: 10, hoverRounds: 10, completionRepeats: 10, editRounds: 20, loadProbe: true },
  // Issue 19's scale workload: a warm open would hold a second 40 MB copy, so none.
  'multi-10000': { cold: 2, warm: 0, hoverRounds: 5, completionRepeats: 3, editRounds: 10, loadProbe: true },
};
/** Workloads the anchor is not run on: yaml-language-server does not open a 40 MB file within its budget. */
const ANCHOR_SKIPS = new Set(['multi-10000']);
const CLI_RUNS = REPEATS ? Math.max(2, Math.min(REPEATS, 10)) : 10; // after one unmeasured warm-up run
const ACTIVATION_RUNS = REPEATS ? Math.max(3, REPEATS) : 20; // after one unmeasured warm-up run
const VERSION_SWITCHES = REPEATS ? Math.max(2, REPEATS) : 10; // alternately to 1.31 and back to the default
const VERSION_WORKLOAD = 'multi-1000';
const planFor = (name) => {
  const base = PLAN[name] ?? PLAN['multi-100'];
  if (base.diagnosticsOnly) return { ...base, cold: COLD ?? base.cold };
  return {
    cold: COLD ?? base.cold,
    warm: REPEATS ?? base.warm,
    hoverRounds: REPEATS ?? base.hoverRounds,
    completionRepeats: REPEATS ?? base.completionRepeats,
    editRounds: REPEATS ?? base.editRounds,
    loadProbe: base.loadProbe ?? false,
  };
};

// Targets of issues 8 and 19 (podlens only). `stat` is the statistic judged; `workloads` limits a target to some
// workloads; `byWorkload` replaces the bound for some.
const TARGETS = {
  edit: {
    stat: 'p95',
    max: 15,
    label: 'p95 < 15 ms',
    byWorkload: {
      'multi-1000': { max: 10, label: 'p95 < 10 ms' },
      'multi-10000': { max: 20, label: 'p95 < 20 ms' },
    },
  },
  load_request: { stat: 'max', max: 100, label: 'max < 100 ms' },
  hover: { stat: 'p95', max: 5, label: 'p95 < 5 ms' },
  completion: { stat: 'p95', max: 5, label: 'p95 < 5 ms' },
  open_first: { stat: 'p95', max: 300, label: 'p95 < 300 ms (issue 19)', workloads: ['multi-1000'] },
  open_all: { stat: 'p95', max: 1000, label: 'p95 < 1 s', workloads: ['multi-1000'] },
  open_warm: { stat: 'p95', max: 1000, label: 'p95 < 1 s', workloads: ['multi-1000'] },
  version_switch: { stat: 'p95', max: 2000, label: 'p95 < 2 s' },
  rss_after_open: {
    stat: 'max',
    max: 150,
    label: '< 150 MB',
    byWorkload: { 'multi-10000': { max: 400, label: '< 400 MB' } },
  },
  rss_end: { stat: 'max', max: 150, label: '< 150 MB', byWorkload: { 'multi-10000': { max: 400, label: '< 400 MB' } } },
  cli_lint: { stat: 'median', max: 2000, label: 'median < 2 s' },
  activation: { stat: 'median', max: 50, label: 'median < 50 ms' },
  bundle_server: { stat: 'median', max: 2048, label: '< 2 MiB (well under)' },
  sim: { stat: 'p95', max: 5, label: 'p95 < 5 ms' },
  webview_step: { stat: 'p95', max: 16, label: 'p95 < 16 ms (issue 6)' },
};

// ---------------------------------------------------------------- process helpers
const log = (m) => console.error(`[bench] ${m}`);
const steps = [];
async function step(name, fn) {
  const t = performance.now();
  log(`${name} ...`);
  try {
    return await fn();
  } finally {
    const seconds = Math.round((performance.now() - t) / 100) / 10;
    steps.push({ step: name, seconds });
    log(`${name}: ${seconds} s`);
  }
}

/** Runs a command; resolves { code, signal, stdout, stderr, ms }. Output is echoed when `echo`. */
function run(cmd, argv, { timeoutS = 600, echo = false, cwd = ROOT, env } = {}) {
  return new Promise((resolve) => {
    const t = performance.now();
    const child = spawn(cmd, argv, { cwd, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    liveProcesses.add(child);
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => {
      stdout += d;
      if (echo) process.stdout.write(d);
    });
    child.stderr.on('data', (d) => {
      stderr += d;
      if (echo) process.stderr.write(d);
    });
    const timer = setTimeout(() => {
      stderr += `\n[bench] killed after ${timeoutS}s`;
      child.kill('SIGKILL');
    }, timeoutS * 1000);
    child.on('error', (err) => {
      stderr += String(err);
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      liveProcesses.delete(child);
      resolve({ code, signal, stdout, stderr, ms: performance.now() - t });
    });
  });
}

for (const sig of ['SIGINT', 'SIGTERM']) {
  process.on(sig, () => {
    for (const p of liveProcesses) {
      try {
        p.kill('SIGKILL');
      } catch {}
    }
    process.exit(130);
  });
}

// ---------------------------------------------------------------- build
/** `node esbuild.mjs --production`, then copies the bundles and sizes.json into bench/build/dist. */
async function buildProduction() {
  const r = await run(process.execPath, ['esbuild.mjs', '--production'], { echo: true, timeoutS: 300 });
  if (r.code !== 0) throw new Error(`production build failed (exit ${r.code})`);
  const dist = path.join(BUILD, 'dist');
  fs.rmSync(dist, { recursive: true, force: true });
  fs.mkdirSync(dist, { recursive: true });
  for (const f of ['client.js', 'server.js', 'cli.js', 'sizes.json']) {
    fs.copyFileSync(path.join(ROOT, 'dist', f), path.join(dist, f));
  }
  snapshotCheck();
}

/** The snapshot must be the production build whose sizes were reported (another build may have raced ours). */
function snapshotCheck() {
  const dist = path.join(BUILD, 'dist');
  const sizes = JSON.parse(fs.readFileSync(path.join(dist, 'sizes.json'), 'utf8'));
  for (const row of sizes) {
    const f = path.join(dist, path.basename(row.file));
    if (!fs.existsSync(f)) continue;
    const kb = fs.statSync(f).size / 1024;
    const reported = typeof row.bytes === 'number' ? row.bytes / 1024 : Number(row.kb);
    if (Math.abs(kb - reported) > 0.2)
      log(`warning: ${rel(f)} is ${kb.toFixed(1)} KiB but sizes.json says ${row.kb} KiB (dist/ rebuilt meanwhile?)`);
  }
}

/**
 * Bundles for --cpu-prof: the production options of esbuild.mjs's server and CLI targets (the yaml browser build, the
 * same defines and banner), minified except for identifiers, with external source maps, so that profiles name real
 * functions and map back to the TypeScript sources. Keep in step with esbuild.mjs.
 */
async function buildProfilingBundles() {
  const esbuild = await import('esbuild');
  const version = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')).version;
  const out = {};
  for (const [name, entry] of [
    ['server', 'server/main.ts'],
    ['cli', 'server/cli/main.ts'],
  ]) {
    out[name] = path.join(BUILD, 'profile', `${name}.js`);
    await esbuild.build({
      absWorkingDir: ROOT,
      entryPoints: [entry],
      outfile: out[name],
      bundle: true,
      platform: 'node',
      format: 'cjs',
      target: 'node20',
      minifyWhitespace: true,
      minifySyntax: true,
      minifyIdentifiers: false,
      sourcemap: 'external',
      legalComments: 'none',
      logLevel: 'warning',
      alias: { yaml: path.join(ROOT, 'node_modules/yaml/browser/index.js') },
      define: {
        'process.env.NODE_ENV': '"production"',
        PODLENS_VERSION: JSON.stringify(version),
        'import.meta.url': '__podlens_import_meta_url',
      },
      banner: { js: "var __podlens_import_meta_url = require('url').pathToFileURL(__filename).href;" },
    });
  }
  return out;
}

// ---------------------------------------------------------------- side benchmarks (other helpers' scripts)
/** Every { min, median, p95 } object inside `obj`, as rows named by their JSON path. */
function statObjects(obj, prefix = '') {
  const out = [];
  if (!obj || typeof obj !== 'object') return out;
  if (typeof obj.median === 'number') {
    out.push({ name: prefix, n: obj.n ?? obj.runs, min: obj.min, median: obj.median, p95: obj.p95, max: obj.max });
    return out;
  }
  for (const [k, v] of Object.entries(obj)) out.push(...statObjects(v, prefix ? `${prefix}.${k}` : k));
  return out;
}

async function sideBenchmark(script, resultFile, timeoutS) {
  const file = path.join(ROOT, 'scripts', 'bench', script);
  if (!fs.existsSync(file)) return { status: 'absent', script: `scripts/bench/${script}` };
  const started = Date.now();
  const r = await run(process.execPath, [file], { timeoutS });
  const out = {
    status: r.code === 0 ? 'ok' : 'error',
    script: `scripts/bench/${script}`,
    exit: r.code,
    seconds: r.ms / 1000,
  };
  if (r.code !== 0) out.error = (r.stderr || r.stdout).trim().split('\n').slice(-3).join(' | ');
  const resultPath = path.join(RESULTS, resultFile);
  if (fs.existsSync(resultPath) && fs.statSync(resultPath).mtimeMs >= started - 1000) {
    out.result = JSON.parse(fs.readFileSync(resultPath, 'utf8'));
    out.resultFile = rel(resultPath);
  } else {
    out.stdout = r.stdout.trim().split('\n').slice(-20);
    if (fs.existsSync(resultPath)) out.note = `${rel(resultPath)} was not rewritten by this run (ignored)`;
  }
  return out;
}

/** Rows from the simulation benchmark: its JSON (`ms: {min, median, p95}`, `runs`). */
function simRows(sim) {
  if (sim.status === 'absent') return [];
  if (!sim.result)
    return [{ metric: 'sim', workload: '20 containers x 1 h', status: 'error', error: sim.error ?? sim.note }];
  const found = statObjects(sim.result);
  const main = found.find((f) => f.name === 'ms') ?? found[0];
  if (!main)
    return [{ metric: 'sim', workload: '20 containers x 1 h', status: 'error', error: 'no statistics in sim.json' }];
  return [
    { metric: 'sim', workload: '20 containers x 1 h', unit: 'ms', status: 'ok', ...main, n: main.n ?? sim.result.runs },
  ];
}

/** Rows from the webview benchmark: its JSON if it writes one, else its printed "name: n N, min X ms, ..." lines. */
function webviewRows(wv) {
  if (wv.status === 'absent') return [];
  let found = wv.result ? statObjects(wv.result) : [];
  if (!found.length && wv.stdout) {
    found = [];
    for (const line of wv.stdout) {
      const m = /^([^:]+):\s*n (\d+), min ([\d.]+) ms, median ([\d.]+) ms, p95 ([\d.]+) ms, max ([\d.]+) ms/.exec(line);
      if (m) found.push({ name: m[1].trim(), n: +m[2], min: +m[3], median: +m[4], p95: +m[5], max: +m[6] });
    }
  }
  if (!found.length)
    return [{ metric: 'webview_step', workload: '20-container pod', status: 'error', error: wv.error }];
  return found.map((f) => ({
    metric: /step/i.test(f.name) ? 'webview_step' : 'webview',
    workload: `20-container pod: ${f.name}`,
    unit: 'ms',
    status: 'ok',
    ...f,
  }));
}

// ---------------------------------------------------------------- CLI, activation, sizes
async function benchCli(profilingCli) {
  const cli = path.join(BUILD, 'dist', 'cli.js');
  const target = path.join(WORKLOADS, 'multi-1000.yaml');
  const argv = [cli, 'lint', rel(target)];
  let profile;
  if (profilingCli) {
    // One extra, unmeasured run of the profiling build under the V8 profiler.
    const dir = path.join(PROFILES, `cli-${Date.now()}`);
    await run(process.execPath, ['--cpu-prof', `--cpu-prof-dir=${dir}`, profilingCli, 'lint', rel(target)], {
      timeoutS: 300,
    });
    const files = fs.existsSync(dir) ? fs.readdirSync(dir).map((f) => path.join(dir, f)) : [];
    profile = summarizeProfiles(files, [], { bundle: profilingCli, root: ROOT, top: 12, wholeProfile: true });
    profile.files = files.map(rel);
  }
  const times = [];
  let last;
  for (let i = 0; i <= CLI_RUNS; i++) {
    const r = await run(process.execPath, argv, { timeoutS: 120 });
    last = r;
    if (r.code !== 0 && r.code !== 1) {
      return {
        status: 'error',
        error: `exit ${r.code}: ${(r.stderr || r.stdout).trim().split('\n').slice(-2).join(' | ')}`,
      };
    }
    if (i > 0) times.push(r.ms); // run 0 warms the page cache
  }
  return {
    status: 'ok',
    profile,
    command: `node ${argv.map(rel).join(' ')}`,
    exit: last.code,
    outputLines: last.stdout.split('\n').length - 1,
    ...stats(times),
  };
}

async function benchActivation() {
  const script = path.join(ROOT, 'scripts', 'bench', 'activation.mjs');
  const runs = [];
  let error;
  for (let i = 0; i <= ACTIVATION_RUNS; i++) {
    const r = await run(process.execPath, [script, '--root', BUILD], { timeoutS: 60 });
    let res;
    try {
      res = JSON.parse(r.stdout.trim().split('\n').pop());
    } catch {
      res = { ok: false, error: (r.stderr || r.stdout).trim().slice(-500) };
    }
    if (!res.ok) {
      error = res.error;
      break;
    }
    if (i > 0) runs.push(res);
  }
  if (!runs.length) return { status: 'error', error };
  const pick = (k) => stats(runs.map((r) => r[k]));
  return {
    status: 'ok',
    total: pick('totalMs'),
    load: pick('loadMs'),
    call: pick('callMs'),
    resolved: pick('resolvedMs'),
    serverStarted: runs.every((r) => r.serverProcesses > 0),
    orphans: Math.max(...runs.map((r) => r.orphans)),
    deactivateErrors: runs.filter((r) => r.deactivateError).length,
    deactivateError: runs.find((r) => r.deactivateError)?.deactivateError,
    stubFallbacks: runs[0].fallbacks,
  };
}

/** Bundle sizes from the snapshot's sizes.json (esbuild.mjs), else from the files themselves. */
function bundleSizes() {
  const dist = path.join(BUILD, 'dist');
  let sizes;
  try {
    sizes = JSON.parse(fs.readFileSync(path.join(dist, 'sizes.json'), 'utf8')).map((s) => ({
      bundle: s.bundle ?? path.basename(s.file, '.js'),
      file: s.file,
      kib: typeof s.bytes === 'number' ? s.bytes / 1024 : Number(s.kb),
      top: s.top,
    }));
  } catch {
    sizes = ['client', 'server', 'cli']
      .filter((b) => fs.existsSync(path.join(dist, `${b}.js`)))
      .map((b) => ({ bundle: b, file: `dist/${b}.js`, kib: fs.statSync(path.join(dist, `${b}.js`)).size / 1024 }));
  }
  const schemaFile = path.join(ROOT, 'shared', 'k8s', 'schema', 'k8s-schema.json');
  const schemaMinKiB = fs.existsSync(schemaFile)
    ? JSON.stringify(JSON.parse(fs.readFileSync(schemaFile, 'utf8'))).length / 1024
    : undefined;
  return { sizes, schemaMinKiB };
}

// ---------------------------------------------------------------- LSP
function podlensConfig(serverJs, cpuProf, { env, nodeOptions }) {
  const profile = cpuProf ? ['--cpu-prof', `--cpu-prof-dir=${PROFILES}`] : [];
  return {
    name: 'podlens',
    command: [process.execPath, ...nodeOptions, ...profile, serverJs, '--stdio'],
    cwd: ROOT,
    env,
    languageId: 'yaml',
    settings: {
      podlens: {
        trace: { server: 'off' },
        lint: { enable: true },
        rules: {},
        codeLens: { enable: true },
        simulation: { until: 900 },
      },
    },
    rootUri: pathToFileURL(WORKLOADS).href,
    requestTimeoutS: 30,
    // Opening the 10,000-document file takes a minute on a loaded machine.
    openTimeoutS: 300,
  };
}

function anchorConfig() {
  const cfg = loadServerConfig(path.join(ROOT, 'scripts', 'bench', 'yaml-language-server.k8s.json'), {
    root: ROOT,
    node: process.execPath,
  });
  return { ...cfg, rootUri: pathToFileURL(WORKLOADS).href, requestTimeoutS: 120, openTimeoutS: 240 };
}

async function benchServer(cfg, manifest, workloads, budgetS) {
  const results = [];
  for (const wl of workloads) {
    const plan = planFor(wl.name);
    const r = await step(`${cfg.name} ${wl.name}`, () =>
      benchWorkload(
        { ...wl, path: path.join(WORKLOADS, wl.file) },
        { cfg, queries: manifest.queries, plan, budgetS, metrics: lspGroups, log, verbose: args.verbose },
      ).catch((e) => ({ server: cfg.name, workload: wl.name, metrics: {}, phases: [], error: String(e?.stack ?? e) })),
    );
    r.plan = plan;
    r.budgetS = budgetS;
    results.push(r);
  }
  return results;
}

/** The `version` group on the 1,000-document workload, when it is among the workloads run. */
async function benchVersion(cfg, workloads) {
  const wl = workloads.find((w) => w.name === VERSION_WORKLOAD);
  if (!wl) {
    log(`--metrics version runs on ${VERSION_WORKLOAD} only, which --only leaves out; skipped`);
    return undefined;
  }
  return step(`podlens ${wl.name} version switch`, () =>
    benchVersionSwitch(
      { ...wl, path: path.join(WORKLOADS, wl.file) },
      { cfg, switches: VERSION_SWITCHES, verbose: args.verbose },
    ).then(
      (r) => ({ status: 'ok', ...r }),
      (e) => ({ status: 'error', error: String(e?.message ?? e) }),
    ),
  );
}

function versionRows(v) {
  const workload = `${VERSION_WORKLOAD} (+ marker)`;
  if (v.status !== 'ok') return [{ metric: 'version_switch', workload, status: 'error', error: v.error }];
  const heap = (m) => (m.heapUsedMB === undefined ? '?' : `${m.heapUsedMB}/${m.heapTotalMB}`);
  const after = v.after.rssMB;
  return [
    {
      metric: 'version_switch',
      workload,
      unit: 'ms',
      status: 'ok',
      ...v.ms,
      info:
        `to ${OLD_VERSION} median ${fmt(v.toOld.median)}, back median ${fmt(v.toDefault.median)}; ` +
        `${v.diagnostics} diagnostics; ${v.stalePublishes} stale publishes; the open took ${fmt(v.openMs)}`,
    },
    {
      metric: 'version_memory',
      workload,
      unit: 'MB',
      status: 'ok',
      n: 1,
      min: after,
      median: after,
      p95: after,
      max: after,
      info:
        `RSS ${v.before.rssMB} -> ${after} MB (peak ${v.after.hwmMB}); ` +
        `heap used/total (main thread) ${heap(v.before)} -> ${heap(v.after)} MB`,
    },
  ];
}

// ---------------------------------------------------------------- rows, table
const LSP_METRICS = [
  'initialize',
  'open_first',
  'open_all',
  'load_request',
  'open_warm',
  'edit',
  'edit_line',
  'hover',
  'completion',
  'rss_after_open',
  'rss_end',
];

function lspRows(results) {
  const rows = [];
  for (const r of results) {
    if (r.error) rows.push({ metric: 'lsp', workload: r.workload, status: 'error', error: r.error });
    for (const name of LSP_METRICS) {
      const m = r.metrics[name];
      if (!m) continue;
      const info = [];
      if (name === 'open_first') info.push(`${m.diagnostics ?? '?'} diagnostics${m.partial ? ' (partial)' : ''}`);
      if (name === 'open_all' || name === 'open_warm') info.push(`${m.diagnostics ?? '?'} diagnostics`);
      if (name === 'open_first' && m.mainCpuMs !== undefined) info.push(`main thread CPU ${m.mainCpuMs} ms`);
      if (name === 'open_all' && m.cpuMs !== undefined) info.push(`CPU ${m.cpuMs} ms (all threads)`);
      if (name === 'hover' || name === 'completion') info.push(`${m.nonEmpty}/${m.positions} positions non-empty`);
      if (name === 'load_request')
        info.push(
          `a request every ${m.everyMs} ms while opening; ${m.answeredBeforePublish}/${m.n} answered before the publish`,
        );
      if (name === 'edit_line') info.push('Enter at the end of a value, then its undo: every later line moves');
      if (name === 'edit') {
        info.push(`${m.sync}${m.versionChecked ? ', version-checked' : ', unversioned'}`);
        // Half the samples type a new character, half delete it again (the text before, which a server may keep).
        if (m.typed?.n) info.push(`typed p95 ${fmt(m.typed.p95, 'ms')}, deleted p95 ${fmt(m.deleted.p95, 'ms')}`);
      }
      if (name.startsWith('rss') && m.hwmMB) info.push(`peak ${m.hwmMB} MB`);
      if (name === 'rss_end' && r.memoryTimeline)
        info.push(`after ${r.memoryTimeline.map((t) => `${t.phase} ${Math.round(t.rssMB)}`).join(', ')}`);
      if (m.planned && m.n < m.planned) info.push(`${m.n}/${m.planned} (budget)`);
      if (m.errors) info.push(`${m.errors} errors`);
      const { status, unit, n, min, median, p95, max, error } = m;
      rows.push({
        metric: name,
        workload: r.workload,
        status,
        unit,
        n,
        min,
        median,
        p95,
        max,
        error,
        info: info.join('; '),
      });
    }
  }
  return rows;
}

function judge(row) {
  const general = TARGETS[row.metric];
  if (!general || (general.workloads && !general.workloads.includes(row.workload))) return row;
  const t = { ...general, ...general.byWorkload?.[row.workload] };
  row.target = t.label;
  if (row.status !== 'ok' || typeof row[t.stat] !== 'number') return row;
  row.result = row[t.stat] < t.max ? 'pass' : 'miss';
  return row;
}

function fmt(v, unit) {
  if (typeof v !== 'number' || !Number.isFinite(v)) return '-';
  if (unit === 'MB' || unit === 'KiB') return v.toFixed(1);
  if (v < 10) return v.toFixed(2);
  if (v < 100) return v.toFixed(1);
  return v.toFixed(0);
}

function printTable(rows, columns) {
  const cells = rows.map((r) => columns.map((c) => String(c.get(r) ?? '')));
  const widths = columns.map((c, i) => Math.max(c.title.length, ...cells.map((row) => row[i].length)));
  const line = (vals) =>
    vals
      .map((v, i) => (columns[i].right ? v.padStart(widths[i]) : v.padEnd(widths[i])))
      .join('  ')
      .trimEnd();
  console.log(line(columns.map((c) => c.title)));
  console.log(line(widths.map((w) => '-'.repeat(w))));
  for (const row of cells) console.log(line(row));
}

const mainColumns = [
  { title: 'metric', get: (r) => r.metric },
  { title: 'workload', get: (r) => r.workload },
  { title: 'unit', get: (r) => r.unit ?? '' },
  { title: 'n', get: (r) => (r.status === 'ok' ? r.n : ''), right: true },
  { title: 'min', get: (r) => (r.status === 'ok' ? fmt(r.min, r.unit) : ''), right: true },
  { title: 'median', get: (r) => (r.status === 'ok' ? fmt(r.median, r.unit) : ''), right: true },
  { title: 'p95', get: (r) => (r.status === 'ok' ? fmt(r.p95, r.unit) : ''), right: true },
  { title: 'target', get: (r) => r.target ?? '' },
  { title: 'result', get: (r) => (r.status !== 'ok' ? r.status : (r.result ?? '')) },
  { title: 'info', get: (r) => (r.status !== 'ok' ? (r.error ?? '').slice(0, 100) : (r.info ?? '')) },
];

/** What a metric's answers contained, so that fast-but-empty answers are visible next to the ratio. */
function quality(m, who) {
  if (m?.status !== 'ok') return '';
  if (m.diagnostics !== undefined) return `${who} ${m.diagnostics} diag`;
  if (m.nonEmpty !== undefined) return `${who} ${m.nonEmpty}/${m.positions} non-empty`;
  return '';
}

function ratioRows(podlens, anchor) {
  const out = [];
  for (const a of anchor) {
    const p = podlens.find((x) => x.workload === a.workload);
    if (!p) continue;
    for (const name of LSP_METRICS) {
      const pm = p.metrics[name];
      const am = a.metrics[name];
      if (!pm && !am) continue;
      const ok = pm?.status === 'ok' && am?.status === 'ok';
      const ratio = (k) => (ok && am[k] > 0 ? pm[k] / am[k] : undefined);
      out.push({
        metric: name,
        workload: a.workload,
        unit: pm?.unit ?? am?.unit,
        podlens: pm ? { status: pm.status, n: pm.n, median: pm.median, p95: pm.p95 } : undefined,
        anchor: am ? { status: am.status, n: am.n, median: am.median, p95: am.p95 } : undefined,
        ratioMedian: ratio('median'),
        ratioP95: ratio('p95'),
        info: [quality(pm, 'podlens'), quality(am, 'anchor')].filter(Boolean).join('; '),
      });
    }
  }
  return out;
}

const ratioFmt = (x) =>
  x === undefined ? '-' : x >= 0.1 ? x.toFixed(2) : x >= 0.001 ? x.toFixed(4) : x.toExponential(1);
const sideCell = (s, unit) =>
  !s ? '-' : s.status !== 'ok' ? s.status : `${fmt(s.median, unit)} / ${fmt(s.p95, unit)} (n ${s.n})`;
const ratioColumns = [
  { title: 'metric', get: (r) => r.metric },
  { title: 'workload', get: (r) => r.workload },
  { title: 'unit', get: (r) => r.unit ?? '' },
  { title: 'podlens median / p95 (n)', get: (r) => sideCell(r.podlens, r.unit), right: true },
  { title: 'anchor median / p95 (n)', get: (r) => sideCell(r.anchor, r.unit), right: true },
  { title: 'ratio median', get: (r) => ratioFmt(r.ratioMedian), right: true },
  { title: 'ratio p95', get: (r) => ratioFmt(r.ratioP95), right: true },
  { title: 'info', get: (r) => r.info ?? '' },
];

function printProfile(v) {
  for (const f of v.top.slice(0, 10))
    console.log(
      `    ${String(f.selfMs).padStart(8)} ms ${String(f.pct).padStart(5)}%  ${f.thread === 'worker' ? '[worker] ' : ''}${f.fn}  ${f.where}`,
    );
  if (v.byFile?.length)
    console.log(
      `    by file: ${v.byFile
        .slice(0, 6)
        .map((f) => `${f.file} ${f.pct}%`)
        .join(', ')}`,
    );
  if (v.byArea?.length)
    console.log(
      `    by stage: ${v.byArea
        .filter((a) => a.pct >= 1)
        .map((a) => `${a.area} ${a.pct}%`)
        .join(', ')}`,
    );
}

function gitInfo() {
  const g = (...a) => spawnSync('git', a, { cwd: ROOT, encoding: 'utf8' }).stdout?.trim();
  return {
    commit: g('rev-parse', 'HEAD'),
    dirtyFiles: (g('status', '--porcelain') ?? '').split('\n').filter(Boolean).length,
  };
}

// ---------------------------------------------------------------- main
async function main() {
  const started = new Date();
  const t0 = performance.now();
  const report = {
    run: {
      started: started.toISOString(),
      node: process.version,
      platform: `${os.platform()} ${os.release()}`,
      cpu: os.cpus()[0]?.model,
      nproc: os.availableParallelism?.() ?? os.cpus().length,
      memGB: Math.round(os.totalmem() / 2 ** 30),
      loadavgStart: os.loadavg().map((x) => Math.round(x * 100) / 100),
      args: process.argv.slice(2),
      cpuProf: args['cpu-prof'],
      ...gitInfo(),
    },
    steps,
  };

  if (report.run.loadavgStart[0] > report.run.nproc * 0.75)
    log(
      `warning: load average ${report.run.loadavgStart[0]} on ${report.run.nproc} CPUs: other work competes with` +
        ' the benchmark; expect noisy numbers (recorded in run.loadavgStart/End)',
    );
  // Other helpers' benchmarks first: the webview one rebuilds dist/ in development mode.
  let sim;
  let webview;
  if (groups.has('sim'))
    sim = await step('simulation benchmark', () => sideBenchmark('bench-sim.mjs', 'sim.json', 300));
  if (groups.has('webview'))
    webview = await step('webview benchmark', () => sideBenchmark('bench-webview.mjs', 'webview.json', 300));

  if (!args['skip-build']) await step('production build', buildProduction);
  else if (!fs.existsSync(path.join(BUILD, 'dist', 'server.js'))) throw new Error('--skip-build: no bench/build yet');
  await step('workloads', async () => {
    const r = await run(process.execPath, [path.join(ROOT, 'scripts', 'gen', 'gen-workloads.mjs')], { echo: true });
    if (r.code !== 0) throw new Error(`gen-workloads failed: ${r.stderr}`);
  });
  const manifest = JSON.parse(fs.readFileSync(path.join(WORKLOADS, 'workloads.json'), 'utf8'));
  const only = args.only ? new Set(args.only.split(',').map((s) => s.trim())) : undefined;
  if (only) {
    for (const w of only)
      if (!manifest.workloads.some((x) => x.name === w)) throw new Error(`--only: unknown workload ${w}`);
  }
  const workloads = manifest.workloads.filter((w) => !only || only.has(w.name));

  let serverJs = path.join(BUILD, 'dist', 'server.js');
  let profiling;
  if (args['cpu-prof']) {
    profiling = await step('profiling build', buildProfilingBundles);
    serverJs = profiling.server;
    fs.mkdirSync(PROFILES, { recursive: true });
  }
  let anchor;
  if (args.compare && lspGroups.size) {
    await step('anchor schema', async () => {
      const r = await run(process.execPath, [path.join(ROOT, 'scripts', 'bench', 'gen-k8s-schema.mjs')], {
        echo: true,
      });
      if (r.code !== 0) throw new Error(`gen-k8s-schema failed: ${r.stderr}`);
    });
    anchor = anchorConfig();
  }

  // Print the plan.
  console.log('\nplan (samples per workload; round-robin over positions):');
  for (const wl of workloads) {
    const p = planFor(wl.name);
    const q = manifest.queries;
    console.log(
      p.diagnosticsOnly
        ? `  ${wl.name.padEnd(18)} ${p.cold} cold opens (diagnostics count only)`
        : `  ${wl.name.padEnd(18)} ${p.cold} cold opens, ${p.warm} warm opens, hover ${p.hoverRounds} x ${q.hover.length} positions,` +
            ` completion ${p.completionRepeats} x ${q.completion.length}, edits ${p.editRounds} x 2 x ${q.edits.length}`,
    );
  }
  if (groups.has('version'))
    console.log(
      `  version switch     ${VERSION_SWITCHES} switches of podlens.kubernetesVersion on ${VERSION_WORKLOAD}`,
    );
  console.log(
    `  budget per metric: podlens ${PODLENS_BUDGET_S} s${anchor ? `, anchor (${anchor.name} ${anchor.version}) ${ANCHOR_BUDGET_S} s` : ''}` +
      `; CLI ${CLI_RUNS} runs; activation ${ACTIVATION_RUNS} runs (+1 warm-up each)\n`,
  );

  const podlensCfg = podlensConfig(serverJs, args['cpu-prof'], await serverProcess(ROOT));
  const profStart = Date.now();
  const podlens = lspGroups.size ? await benchServer(podlensCfg, manifest, workloads, PODLENS_BUDGET_S) : [];
  const anchorWorkloads = workloads.filter((w) => !ANCHOR_SKIPS.has(w.name));
  const anchorResults = anchor ? await benchServer(anchor, manifest, anchorWorkloads, ANCHOR_BUDGET_S) : [];
  const version = groups.has('version') ? await benchVersion(podlensCfg, workloads) : undefined;

  const cli = groups.has('cli') ? await step('CLI lint', () => benchCli(profiling?.cli)) : undefined;
  const activation = groups.has('activation') ? await step('activation', benchActivation) : undefined;
  const sizes = groups.has('sizes') ? bundleSizes() : undefined;

  // ---- rows
  const rows = lspRows(podlens);
  if (version) rows.push(...versionRows(version));
  if (cli) {
    rows.push(
      cli.status === 'ok'
        ? {
            metric: 'cli_lint',
            workload: 'multi-1000',
            unit: 'ms',
            ...cli,
            info: `wall incl. start-up, exit ${cli.exit}`,
          }
        : { metric: 'cli_lint', workload: 'multi-1000', status: 'error', error: cli.error },
    );
  }
  if (activation) {
    if (activation.status === 'ok') {
      const a = activation;
      rows.push({
        metric: 'activation',
        workload: 'load+activate()',
        unit: 'ms',
        status: 'ok',
        ...a.total,
        info:
          `load ${fmt(a.load.median)} + call ${fmt(a.call.median)} + resolved ${fmt(a.resolved.median)} (medians)` +
          (a.deactivateErrors
            ? `; deactivate() failed in ${a.deactivateErrors}/${a.total.n} runs: ${a.deactivateError}`
            : ''),
      });
    } else rows.push({ metric: 'activation', workload: 'load+activate()', status: 'error', error: activation.error });
  }
  if (sizes) {
    for (const s of sizes.sizes) {
      const kib = Math.round(s.kib * 10) / 10;
      const name = s.bundle === 'server' ? 'bundle_server' : 'bundle';
      rows.push({
        metric: name,
        workload: s.bundle === 'server' ? 'dist/server.js (schema inside)' : s.file,
        unit: 'KiB',
        status: 'ok',
        n: 1,
        min: kib,
        median: kib,
        p95: kib,
        info:
          s.bundle === 'server' && sizes.schemaMinKiB
            ? `schema JSON ${sizes.schemaMinKiB.toFixed(0)} KiB minified`
            : s.top,
      });
    }
  }
  if (sim) rows.push(...simRows(sim));
  if (webview) rows.push(...webviewRows(webview));
  for (const r of rows) {
    r.status ??= 'ok';
    judge(r);
  }

  // ---- profiles
  let profiles;
  if (args['cpu-prof'] && podlens.length) {
    const files = fs
      .readdirSync(PROFILES)
      .filter((f) => f.endsWith('.cpuprofile') && fs.statSync(path.join(PROFILES, f)).isFile())
      .map((f) => path.join(PROFILES, f))
      .filter((f) => fs.statSync(f).mtimeMs >= profStart - 1000);
    profiles = {};
    for (const r of podlens) {
      profiles[r.workload] = summarizeProfiles(files, r.phases, { bundle: serverJs, root: ROOT, top: 12 });
    }
    report.profileFiles = files.map(rel);
  }

  // ---- print
  console.log(`\npodlens ${report.run.commit?.slice(0, 8) ?? ''}${report.run.dirtyFiles ? ' (+local changes)' : ''}`);
  if (args['cpu-prof']) console.log('(--cpu-prof: profiling build under the V8 profiler; timings are inflated)');
  printTable(rows, mainColumns);
  const misses = rows.filter((r) => r.result === 'miss');
  const broken = rows.filter((r) => r.status === 'error' || r.status === 'unsupported');
  console.log(
    `\n${rows.filter((r) => r.result === 'pass').length} pass, ${misses.length} miss` +
      (broken.length ? `, ${broken.map((r) => `${r.metric}/${r.workload} ${r.status}`).join(', ')}` : ''),
  );
  const diagLine = (res) => {
    const e = res.find((r) => r.workload === 'deployment-errors');
    const m = e?.metrics?.open_all;
    return m?.status === 'ok' ? `${m.diagnostics}` : (m?.status ?? 'not run');
  };
  if (lspGroups.size && workloads.some((w) => w.name === 'deployment-errors')) {
    const expected = manifest.workloads.find((w) => w.name === 'deployment-errors')?.expectedErrors ?? [];
    console.log(
      `\ndeployment-errors.yaml (${expected.length} deliberate errors, ${expected.filter((e) => e.schemaDetectable).length} schema-detectable):` +
        ` podlens ${diagLine(podlens)} diagnostics${anchor ? `, ${anchor.name} ${diagLine(anchorResults)}` : ''}`,
    );
    for (const res of [podlens, anchorResults]) {
      const e = res.find((r) => r.workload === 'deployment-errors');
      for (const d of e?.diagnosticsOnOpen ?? [])
        console.log(`  ${e.server}: ${d.line}:${d.character} ${d.code ?? ''} ${d.message}`);
    }
  }
  let ratios;
  if (anchor) {
    ratios = ratioRows(podlens, anchorResults);
    console.log(`\npodlens / ${anchor.name} ${anchor.version} (below 1: podlens is faster or smaller)`);
    printTable(ratios, ratioColumns);
  }
  if (profiles) {
    console.log('\nCPU profile: top self-time functions of the podlens server per phase (CPU time over all threads)');
    for (const [wl, p] of Object.entries(profiles)) {
      const missed = new Set(misses.filter((m) => m.workload === wl).map((m) => m.metric));
      const phases = Object.entries(p.byPhase)
        .filter(([ph]) => ph !== 'start')
        .filter(([ph, v]) => missed.has(ph) || ph === 'edit' || v.busyMs > 200);
      for (const [ph, v] of phases) {
        console.log(
          `  ${wl} / ${ph}${missed.has(ph) ? ' (missed target)' : ''}: CPU ${v.busyMs} ms` +
            ` (main thread ${v.mainMs}, workers ${v.workerMs}), GC ${v.gcMs} ms`,
        );
        printProfile(v);
      }
      if (!p.aligned) console.log('  (profile clock did not match the phase windows: the whole session is shown)');
    }
  }
  if (cli?.profile?.byPhase?.all) {
    const v = cli.profile.byPhase.all;
    console.log(`\nCPU profile: CLI lint multi-1000 (one extra run): CPU ${v.busyMs} ms, GC ${v.gcMs} ms`);
    printProfile(v);
  }

  // ---- save
  Object.assign(report, {
    plan: Object.fromEntries(workloads.map((w) => [w.name, planFor(w.name)])),
    workloads: manifest.workloads,
    targets: TARGETS,
    rows,
    podlens,
    anchor: anchor ? { name: anchor.name, version: anchor.version, results: anchorResults } : undefined,
    ratios,
    version,
    cli,
    activation,
    sizes,
    sim,
    webview,
    profiles,
  });
  report.run.finished = new Date().toISOString();
  report.run.loadavgEnd = os.loadavg().map((x) => Math.round(x * 100) / 100);
  report.run.seconds = Math.round((performance.now() - t0) / 100) / 10;
  fs.mkdirSync(RESULTS, { recursive: true });
  const stamp = started.toISOString().replace(/[:.]/g, '-');
  const out = path.resolve(args.out ?? path.join(RESULTS, `bench-${stamp}.json`));
  fs.mkdirSync(path.dirname(out), { recursive: true });
  const json = `${JSON.stringify(report, null, 1)}\n`;
  fs.writeFileSync(out, json);
  if (!args.out) fs.writeFileSync(path.join(RESULTS, 'latest.json'), json);
  console.log(`\nsteps: ${steps.map((s) => `${s.step} ${s.seconds} s`).join(', ')}`);
  console.log(`load average at start ${report.run.loadavgStart.join(' ')}, at end ${report.run.loadavgEnd.join(' ')}`);
  console.log(
    `total ${report.run.seconds} s; wrote ${rel(out)}${args.out ? '' : ` and ${rel(path.join(RESULTS, 'latest.json'))}`}`,
  );
}

main().catch((e) => {
  console.error(e?.stack ?? e);
  for (const p of liveProcesses) {
    try {
      p.kill('SIGKILL');
    } catch {}
  }
  process.exit(2);
});
