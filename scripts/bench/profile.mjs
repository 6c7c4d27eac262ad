// Reads the V8 CPU profiles that `node --cpu-prof` writes (one per server process) and reports the functions with the
// most self time, per benchmark phase: the harness records each phase's window on the monotonic clock V8 stamps
// samples with, tagged with the server's pid (which is in the profile's file name). Locations in the bundle are
// mapped back to the TypeScript sources through the bundle's source map (node:module SourceMap).
import fs from 'node:fs';
import { SourceMap } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const META = new Set(['(idle)', '(program)', '(garbage collector)', '(root)']);

/**
 * The stage of the analysis a function belongs to, for "where does a cold open spend its time": the `yaml` package's
 * lexer and CST parser, its composer (AST nodes), podlens's model, lint rules, and the rest.
 */
const AREAS = [
  ['yaml CST', /node_modules\/yaml\/.*\/parse\//],
  ['yaml compose', /node_modules\/yaml\//],
  ['parse glue', /^shared\/yaml\//],
  ['model', /^shared\/model\//],
  ['lint', /^shared\/(lint|k8s)\//],
  ['analysis', /^shared\/analysis\//],
  ['shared other', /^shared\//],
  ['server', /^server\//],
  ['LSP/JSON-RPC', /vscode-/],
  ['node (module load, threads, buffers)', /^node:/],
];
function areaOf(fn, where) {
  if (fn === '(garbage collector)') return 'GC';
  return AREAS.find(([, re]) => re.test(where))?.[0] ?? 'other';
}

/** Loads `bundle`'s source map (external `<bundle>.map`) as a position mapper; undefined without one. */
export function sourceMapper(bundle, root) {
  let map;
  try {
    map = new SourceMap(JSON.parse(fs.readFileSync(`${bundle}.map`, 'utf8')));
  } catch {
    return undefined;
  }
  const mapDir = path.dirname(bundle);
  return (line, column) => {
    const e = map.findEntry(line, column);
    if (!e?.originalSource) return undefined;
    let src = e.originalSource;
    if (src.startsWith('file://')) src = fileURLToPath(src);
    src = path.relative(root, path.resolve(mapDir, src));
    return { file: src, line: e.originalLine + 1 };
  };
}

/** Node names profiles CPU.<date>.<time>.<pid>.<thread id>.<seq>.cpuprofile; thread 0 is the main thread. */
function idsOf(file) {
  const m = /\.(\d+)\.(\d+)\.\d+\.cpuprofile$/.exec(path.basename(file));
  return m ? { pid: Number(m[1]), thread: Number(m[2]) === 0 ? 'main' : 'worker' } : {};
}

/**
 * Self time per function, per phase, over all threads of the server (worker threads write their own profiles; busy
 * time is CPU time summed over threads, split into mainMs and workerMs). `phases`: [{ phase, pid, t0Us, t1Us }]
 * from the harness. Returns { byPhase: { [phase]: { busyMs, mainMs, workerMs, gcMs, idleMs (main thread),
 * top: [{ selfMs, pct, fn, where, thread }], byFile, byArea: [{ area: '<thread> <stage>', selfMs, pct }] } },
 * aligned }.
 * `aligned` is false when the profile clock does not match the phase windows (then one "all" phase is reported).
 */
export function summarizeProfiles(files, phases, { bundle, root, top = 12, wholeProfile = false }) {
  const mapper = bundle ? sourceMapper(bundle, root) : undefined;
  const bundleUrl = bundle ? new URL(`file://${path.resolve(bundle)}`).href : undefined;
  const agg = new Map(); // phase -> Map(key -> { selfUs, fn, where })
  const meta = new Map(); // phase -> { busyUs, gcUs, idleUs }
  let aligned = !wholeProfile;
  for (const file of files) {
    let prof;
    try {
      prof = JSON.parse(fs.readFileSync(file, 'utf8'));
    } catch {
      continue;
    }
    const { pid, thread } = idsOf(file);
    const windows = phases.filter((p) => p.pid === pid);
    // The profile and the harness share CLOCK_MONOTONIC; check that the profile lies around the phases.
    if (aligned && windows.length) {
      const first = Math.min(...windows.map((w) => w.t0Us));
      const last = Math.max(...windows.map((w) => w.t1Us));
      if (prof.startTime > last || prof.endTime < first) aligned = false;
    }
    const nodes = new Map(prof.nodes.map((n) => [n.id, n]));
    const keyOf = new Map();
    const describe = (n) => {
      if (keyOf.has(n.id)) return keyOf.get(n.id);
      const cf = n.callFrame;
      const fn = cf.functionName || '(anonymous)';
      let where = cf.url ? cf.url.replace(/^file:\/\//, '') : '(native)';
      if (cf.url && cf.url === bundleUrl && mapper) {
        const m = mapper(cf.lineNumber, cf.columnNumber);
        where = m ? `${m.file}:${m.line}` : `${path.basename(bundle)}:${cf.lineNumber + 1}`;
      } else if (cf.url) {
        where = `${path.relative(root, where)}:${cf.lineNumber + 1}`;
      }
      const d = { key: `${thread}|${fn}@${where}`, fn, where, thread, meta: META.has(fn) ? fn : undefined };
      keyOf.set(n.id, d);
      return d;
    };
    let t = prof.startTime;
    const { samples, timeDeltas } = prof;
    for (let i = 0; i < samples.length; i++) {
      t += timeDeltas[i] ?? 0;
      const dur = timeDeltas[i + 1] ?? 0; // sample i stands for the interval until the next sample
      const w = aligned ? windows.find((x) => t >= x.t0Us && t <= x.t1Us) : undefined;
      const ph = aligned ? w?.phase : 'all';
      if (!ph) continue;
      const d = describe(nodes.get(samples[i]));
      if (!meta.has(ph)) meta.set(ph, { busyUs: 0, gcUs: 0, idleUs: 0, mainUs: 0, workerUs: 0 });
      const m = meta.get(ph);
      if (d.meta === '(idle)') {
        if (thread === 'main') m.idleUs += dur;
        continue;
      }
      m.busyUs += dur;
      if (thread === 'main') m.mainUs += dur;
      else m.workerUs += dur;
      if (d.meta === '(garbage collector)') m.gcUs += dur;
      if (!agg.has(ph)) agg.set(ph, new Map());
      const a = agg.get(ph);
      const e = a.get(d.key) ?? { selfUs: 0, fn: d.fn, where: d.where, thread };
      e.selfUs += dur;
      a.set(d.key, e);
    }
  }
  const byPhase = {};
  for (const [ph, m] of meta) {
    const all = [...(agg.get(ph)?.values() ?? [])];
    const list = [...all].sort((a, b) => b.selfUs - a.selfUs).slice(0, top);
    // Self time per source file (or package), to see which module dominates when no single function does.
    const files = new Map();
    for (const e of all) {
      const f = e.where.replace(/:\d+$/, '').replace(/^(node_modules\/(@[^/]+\/)?[^/]+).*$/, '$1');
      files.set(f, (files.get(f) ?? 0) + e.selfUs);
    }
    const areas = new Map();
    for (const e of all) {
      const key = `${e.thread} ${areaOf(e.fn, e.where)}`;
      areas.set(key, (areas.get(key) ?? 0) + e.selfUs);
    }
    const pct = (us) => (m.busyUs ? Math.round((1000 * us) / m.busyUs) / 10 : 0);
    byPhase[ph] = {
      busyMs: Math.round(m.busyUs / 100) / 10,
      gcMs: Math.round(m.gcUs / 100) / 10,
      idleMs: Math.round(m.idleUs / 100) / 10,
      mainMs: Math.round(m.mainUs / 100) / 10,
      workerMs: Math.round(m.workerUs / 100) / 10,
      top: list.map((e) => ({
        selfMs: Math.round(e.selfUs / 100) / 10,
        pct: pct(e.selfUs),
        fn: e.fn,
        where: e.where,
        thread: e.thread,
      })),
      byFile: [...files]
        .sort((a, b) => b[1] - a[1])
        .slice(0, top)
        .map(([file, us]) => ({ file, selfMs: Math.round(us / 100) / 10, pct: pct(us) })),
      byArea: [...areas]
        .sort((a, b) => b[1] - a[1])
        .map(([area, us]) => ({ area, selfMs: Math.round(us / 100) / 10, pct: pct(us) })),
    };
  }
  return { byPhase, aligned };
}
