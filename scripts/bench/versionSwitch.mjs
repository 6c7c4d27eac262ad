// The `version` metric of `npm run bench`: a user switches podlens.kubernetesVersion with a 1,000-document file
// open. The server is started under node -r heap-probe.cjs so that its V8 heap can be read as well as its RSS.
//
// The workload's own findings are the same on v1.31 and v1.36 (none of its fields is version-dependent), so a
// publish of the old findings could not be told from one of the new. One marker Pod is appended whose pod-level
// `resources` (added in v1.32) is an unknown-field error naming v1.31 only on v1.31: each switch waits for the
// publish that has the marker finding (to 1.31) or no longer has it (back to the default), so the time measured
// is the time until the user sees the new version's findings, and any publish in between is counted as stale.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { memory, Session, stats } from './lsp.mjs';

const HEAP_PROBE = path.join(path.dirname(fileURLToPath(import.meta.url)), 'heap-probe.cjs');
export const OLD_VERSION = '1.31';
const MARKER = `---
apiVersion: v1
kind: Pod
metadata:
  name: version-marker
spec:
  resources:
    limits:
      cpu: "1"
  containers:
    - name: app
      image: registry.example/app:1.4.2
`;
const QUIET_MS = 1000;

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const mb = (bytes) => Math.round(bytes / 1024 / 102.4) / 10;
const code = (d) => (typeof d.code === 'object' ? d.code?.value : d.code);

/** The server command with the heap probe preloaded (after node's own flags, before the script). */
function probed(cfg, heapFile) {
  const [node, ...rest] = cfg.command;
  const script = rest.findIndex((a) => !a.startsWith('-'));
  const command = [node, ...rest.slice(0, script), '-r', HEAP_PROBE, ...rest.slice(script)];
  return { ...cfg, command, env: { ...cfg.env, PODLENS_BENCH_HEAP_FILE: heapFile } };
}

/** The server's process.memoryUsage(), asked for with SIGUSR2; undefined when it does not answer within 5 s. */
async function heapOf(pid, heapFile) {
  fs.rmSync(heapFile, { force: true });
  process.kill(pid, 'SIGUSR2');
  for (let waited = 0; waited < 5000; waited += 20) {
    if (fs.existsSync(heapFile)) {
      const m = JSON.parse(fs.readFileSync(heapFile, 'utf8'));
      return { heapUsedMB: mb(m.heapUsed), heapTotalMB: mb(m.heapTotal) };
    }
    await sleep(20);
  }
  return undefined;
}

/** Waits until the server has published nothing for `uri` for QUIET_MS (the workspace scan may re-publish). */
async function settle(s, uri) {
  for (;;) {
    const next = s.nextDiagnostics(uri, undefined).then(
      () => true,
      () => true,
    );
    if (!(await Promise.race([next, sleep(QUIET_MS).then(() => false)]))) return;
  }
}

/**
 * Opens the workload (plus the marker), waits for its diagnostics, then switches podlens.kubernetesVersion to
 * OLD_VERSION and back `switches` times. Returns { ms: stats, toOld, toDefault, stalePublishes, diagnostics, openMs,
 * before, after }.
 */
export async function benchVersionSwitch(wl, { cfg, switches, verbose }) {
  const base = fs.readFileSync(wl.path, 'utf8');
  const text = `${base.endsWith('\n') ? base : `${base}\n`}${MARKER}`;
  const markerLine = text.slice(0, text.length - MARKER.length).split('\n').length - 1;
  const hasMarker = (items) =>
    items.some((d) => d.range.start.line > markerLine && code(d) === 'unknown-field' && /v1\.31/.test(d.message));
  const uri = pathToFileURL(wl.path).href;
  const heapFile = path.join(os.tmpdir(), `podlens-bench-heap-${process.pid}.json`);
  const s = new Session(probed(cfg, heapFile), { verbose });
  try {
    await s.start();
    const opened = await s.openAndWait(uri, text, 'yaml');
    if (hasMarker(opened.items)) throw new Error('the marker is reported on the default version: wrong target');
    await settle(s, uri);
    const before = { ...memory(s.pid), ...(await heapOf(s.pid, heapFile)) };

    const toOld = [];
    const toDefault = [];
    let stalePublishes = 0;
    let diagnostics;
    for (let i = 0; i < switches; i++) {
      const old = i % 2 === 0;
      const settings = old
        ? { ...cfg.settings, podlens: { ...cfg.settings.podlens, kubernetesVersion: OLD_VERSION } }
        : cfg.settings;
      const published = s.nextDiagnostics(uri, undefined);
      const t = performance.now();
      s.changeSettings(settings);
      let got = await published;
      while (hasMarker(got.items) !== old) {
        stalePublishes++;
        got = await s.nextDiagnostics(uri, undefined);
      }
      (old ? toOld : toDefault).push(got.at - t);
      diagnostics = got.count;
    }
    const after = { ...memory(s.pid), ...(await heapOf(s.pid, heapFile)) };
    return {
      ms: stats([...toOld, ...toDefault]),
      toOld: stats(toOld),
      toDefault: stats(toDefault),
      stalePublishes,
      diagnostics,
      openMs: opened.ms,
      before,
      after,
    };
  } finally {
    await s.stop().catch(() => {});
    fs.rmSync(heapFile, { force: true });
  }
}
