#!/usr/bin/env node
// The workspace index benchmark (numbers, not a test): generates 5,000 YAML files (ConfigMaps, Secrets,
// Deployments that reference them, Services, kustomizations) in a temp directory, then measures
//   - indexing them in-process (server/workspaceIndex.ts bundled with esbuild): wall and CPU time, the extra heap
//     the index keeps (after GC) and the extra RSS, against the targets < 3 s and < 100 MB;
//   - over LSP against dist/server.js, started as the editor starts it (./serverProcess.mjs): the time until the
//     background scan reports it is done, the latency from an edit of an open document to the diagnostics of that
//     version (p50, p95) while the scan runs and after it, and the server's RSS when the scan is done.
// Usage: node --expose-gc scripts/bench/bench-workspace.mjs [--files 5000] [--edits 20] [--keep]
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { build } from 'esbuild';
import {
  createProtocolConnection,
  DidChangeTextDocumentNotification,
  DidOpenTextDocumentNotification,
  InitializedNotification,
  InitializeRequest,
  LogMessageNotification,
  PublishDiagnosticsNotification,
  StreamMessageReader,
  StreamMessageWriter,
} from 'vscode-languageserver-protocol/node';
import { parseAllDocuments } from 'yaml';
import { serverProcess } from './serverProcess.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const { values: args } = parseArgs({
  options: {
    files: { type: 'string', default: '5000' },
    edits: { type: 'string', default: '20' },
    keep: { type: 'boolean', default: false },
  },
});
const FILES = Number(args.files);
const EDITS = Number(args.edits);

if (typeof global.gc !== 'function') {
  // Heap numbers need a GC before each reading: run again with --expose-gc.
  const r = spawnSync(process.execPath, ['--expose-gc', fileURLToPath(import.meta.url), ...process.argv.slice(2)], {
    stdio: 'inherit',
  });
  process.exit(r.status ?? 1);
}

function generate(dir) {
  const kinds = [
    (i) =>
      `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: config-${i}\n  namespace: team-${i % 20}\ndata:\n  LOG_LEVEL: info\n  MODE: fast\n`,
    (i) =>
      `apiVersion: v1\nkind: Secret\nmetadata:\n  name: secret-${i}\n  namespace: team-${i % 20}\nstringData:\n  password: x\n`,
    (i) => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: app-${i}
  namespace: team-${i % 20}
spec:
  selector:
    matchLabels: {app: app-${i}}
  template:
    metadata:
      labels: {app: app-${i}}
    spec:
      serviceAccountName: sa-${i}
      containers:
        - name: app
          image: registry.example/app:1.${i}.0
          ports: [{name: http, containerPort: 8080}]
          env:
            - name: LEVEL
              valueFrom: {configMapKeyRef: {name: config-${i - 2}, key: LOG_LEVEL}}
            - name: PASSWORD
              valueFrom: {secretKeyRef: {name: secret-${i - 1}, key: password}}
          envFrom: [{configMapRef: {name: config-${i - 2}}}]
      volumes:
        - name: config
          configMap: {name: config-${i - 2}}
`,
    (i) =>
      `apiVersion: v1\nkind: Service\nmetadata:\n  name: svc-${i}\n  namespace: team-${i % 20}\nspec:\n  selector: {app: app-${i - 1}}\n  ports: [{port: 80, targetPort: http}]\n`,
  ];
  for (let i = 0; i < FILES; i++) {
    const sub = path.join(dir, `team-${i % 50}`);
    fs.mkdirSync(sub, { recursive: true });
    if (i % 100 === 99) {
      fs.writeFileSync(path.join(sub, 'kustomization.yaml'), `namespace: team-${i % 20}\nresources: []\n`);
      continue;
    }
    fs.writeFileSync(path.join(sub, `object-${i}.yaml`), kinds[i % kinds.length](i));
  }
}

async function loadIndexModule(tmp) {
  const out = path.join(tmp, 'workspaceIndex.bundle.cjs');
  await build({
    entryPoints: [path.join(ROOT, 'server/workspaceIndex.ts')],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    outfile: out,
    logLevel: 'silent',
  });
  return import(pathToFileURL(out).href);
}

function heapMb() {
  global.gc();
  return process.memoryUsage().heapUsed / 1024 / 1024;
}

/** Reading and parsing the same files with `yaml` alone: the floor any YAML-reading index stands on. */
function yamlBaseline(dir) {
  const started = performance.now();
  const walk = (d) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const full = path.join(d, e.name);
      if (e.isDirectory()) walk(full);
      else parseAllDocuments(fs.readFileSync(full, 'utf8'));
    }
  };
  walk(dir);
  return performance.now() - started;
}

async function inProcess(dir, mod) {
  const before = heapMb();
  const rssBefore = process.memoryUsage().rss;
  const started = performance.now();
  const cpu = process.cpuUsage();
  const ws = new mod.ServerWorkspaceIndex();
  ws.scanSync([dir]);
  ws.index.objects().ofKind('ConfigMap');
  const ms = performance.now() - started;
  const { user, system } = process.cpuUsage(cpu);
  const extra = heapMb() - before;
  const extraRss = (process.memoryUsage().rss - rssBefore) / 1024 / 1024;
  const chunked = new mod.ServerWorkspaceIndex();
  const asyncStarted = performance.now();
  await chunked.start([dir]);
  return {
    files: ws.index.size,
    ms,
    cpuMs: (user + system) / 1000,
    extraMb: extra,
    extraRssMb: extraRss,
    backgroundMs: performance.now() - asyncStarted,
    keep: ws,
  };
}

async function overLsp(dir) {
  const server = path.join(ROOT, 'dist/server.js');
  if (!fs.existsSync(server)) spawnSync(process.execPath, [path.join(ROOT, 'esbuild.mjs')], { stdio: 'inherit' });
  // The server as the editor starts it: the same Node options and environment.
  const { env, nodeOptions } = await serverProcess(ROOT);
  const child = spawn(process.execPath, [...nodeOptions, server, '--stdio'], {
    env: { ...process.env, ...env },
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const conn = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  const waiters = [];
  conn.onNotification(PublishDiagnosticsNotification.type, (p) => {
    for (const w of [...waiters]) if (p.version >= w.version) waiters.splice(waiters.indexOf(w), 1) && w.resolve();
  });
  let scanDone;
  const scanned = new Promise((resolve) => {
    scanDone = resolve;
  });
  conn.onNotification(LogMessageNotification.type, (m) => {
    if (m.message.startsWith('workspace index:')) scanDone(m.message);
  });
  conn.onRequest('workspace/configuration', (p) => p.items.map(() => ({})));
  conn.onRequest('client/registerCapability', () => null);
  conn.listen();
  const folder = pathToFileURL(dir).href;
  const started = performance.now();
  await conn.sendRequest(InitializeRequest.type, {
    processId: process.pid,
    rootUri: folder,
    workspaceFolders: [{ uri: folder, name: 'bench' }],
    capabilities: {
      workspace: { configuration: true },
      textDocument: { publishDiagnostics: { versionSupport: true } },
    },
  });
  await conn.sendNotification(InitializedNotification.type, {});
  let scanMs;
  void scanned.then(() => {
    scanMs = performance.now() - started;
  });
  const uri = pathToFileURL(path.join(dir, 'team-2/object-2.yaml')).href;
  const text = fs.readFileSync(path.join(dir, 'team-2/object-2.yaml'), 'utf8');
  const published = (version) => new Promise((resolve) => waiters.push({ version, resolve }));
  let next = published(1);
  await conn.sendNotification(DidOpenTextDocumentNotification.type, {
    textDocument: { uri, languageId: 'yaml', version: 1, text },
  });
  await next;
  // One edit of the open document: the time until the diagnostics of its version arrive, in ms. Edits go on while
  // the scan runs (up to 10 x --edits), then --edits more after it.
  let version = 1;
  const edit = async () => {
    version++;
    next = published(version);
    const t = performance.now();
    await conn.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri, version },
      contentChanges: [{ text: text.replace('LEVEL', `LEVEL${version}`) }],
    });
    await next;
    return performance.now() - t;
  };
  // Typing pace: an edit every 100 ms, not back to back, which would keep the main thread busy for the whole scan.
  const pause = () => new Promise((resolve) => setTimeout(resolve, 100));
  const during = [];
  while (scanMs === undefined && during.length < 10 * EDITS) {
    during.push(await edit());
    await pause();
  }
  const message = await scanned;
  const atScanEnd = usage(child.pid);
  const after = [];
  while (after.length < EDITS) {
    after.push(await edit());
    await pause();
  }
  const end = usage(child.pid);
  child.kill();
  return {
    scanMs: scanMs ?? performance.now() - started,
    message,
    during: stats(during),
    after: stats(after),
    atScanEnd,
    end,
  };
}

/**
 * The server process's CPU time (all threads, scan workers included) and resident memory, from /proc: what the
 * index costs the machine, which a loaded machine's wall times hide. Undefined off Linux.
 */
function usage(pid) {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const ticks = Number(fields[11]) + Number(fields[12]);
    const rss = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
    return { cpuMs: ticks * 10, rssMb: Number(rss) / 1024 };
  } catch {
    return undefined;
  }
}

/** Median and 95th percentile (nearest rank) of latencies. */
function stats(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const rank = (p) => sorted[Math.max(0, Math.ceil(p * sorted.length) - 1)] ?? Number.NaN;
  return { n: sorted.length, p50: rank(0.5), p95: rank(0.95) };
}

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'podlens-bench-ws-'));
const dir = path.join(tmp, 'workspace');
try {
  generate(dir);
  const mod = await loadIndexModule(tmp);
  const baselineMs = yamlBaseline(dir);
  const local = await inProcess(dir, mod);
  const lsp = await overLsp(dir);
  const row = (name, value, target, pass) =>
    console.log(`${name.padEnd(46)} ${value.padStart(12)}  ${target.padEnd(10)} ${pass}`);
  const load = os.loadavg()[0].toFixed(1);
  console.log(`workspace index, ${local.files} files; load average ${load} on ${os.cpus().length} cores`);
  row('baseline: read + yaml.parseAllDocuments only', `${(baselineMs / 1000).toFixed(2)} s`, '', '');
  row(
    'index all files (in-process, synchronous)',
    `${(local.ms / 1000).toFixed(2)} s`,
    '< 3 s',
    local.ms < 3000 ? 'pass' : 'MISS',
  );
  // CPU time is what the wall time would be on an idle machine: a loaded one stretches the wall time only.
  row(
    '  of which CPU time (one thread)',
    `${(local.cpuMs / 1000).toFixed(2)} s`,
    '< 3 s',
    local.cpuMs < 3000 ? 'pass' : 'MISS',
  );
  row(
    'extra heap kept by the index (after GC)',
    `${local.extraMb.toFixed(1)} MB`,
    '< 100 MB',
    local.extraMb < 100 ? 'pass' : 'MISS',
  );
  row('extra RSS of the in-process scan', `${local.extraRssMb.toFixed(1)} MB`, '', '');
  row('background scan in chunks (in-process)', `${(local.backgroundMs / 1000).toFixed(2)} s`, '', '');
  row('LSP: initialized -> scan done', `${(lsp.scanMs / 1000).toFixed(2)} s`, '', '');
  for (const [label, st] of [
    ['during the scan', lsp.during],
    ['after the scan', lsp.after],
  ]) {
    row(`LSP: edit -> diagnostics ${label} (${st.n}), p50`, `${st.p50.toFixed(1)} ms`, '', '');
    row(`LSP: edit -> diagnostics ${label} (${st.n}), p95`, `${st.p95.toFixed(1)} ms`, '', '');
  }
  for (const [label, u] of [
    ['at scan end', lsp.atScanEnd],
    ['at the end', lsp.end],
  ]) {
    if (!u) continue;
    row(`LSP: server CPU time ${label}`, `${(u.cpuMs / 1000).toFixed(2)} s`, '', '');
    row(`LSP: server RSS ${label}`, `${u.rssMb.toFixed(1)} MB`, '< 200 MB', u.rssMb < 200 ? 'pass' : 'MISS');
  }
  console.log(`server: ${lsp.message}`);
} finally {
  if (!args.keep) fs.rmSync(tmp, { recursive: true, force: true });
}
