#!/usr/bin/env node
// Benchmark (not a test) of the lifecycle simulation: a 20-container pod (init containers, native sidecars
// with probes, regular containers with liveness and readiness probes, some crash-looping) simulated for one
// hour of simulated time, with the inferred scenario and with a stress scenario. Bundles shared/sim in memory
// with esbuild, prints min/median/p95 and writes bench/results/sim.json. Usage:
//   node scripts/bench/bench-sim.mjs [--runs N]
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import * as esbuild from 'esbuild';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const { values } = parseArgs({ options: { runs: { type: 'string', default: '200' } } });
const RUNS = Number(values.runs);
const WARMUP = 30;
const UNTIL = 3600;

async function loadSim() {
  const out = await esbuild.build({
    stdin: {
      contents: "export { simulate } from './shared/sim'; export { parseManifests } from './shared/model';",
      resolveDir: ROOT,
      loader: 'ts',
    },
    bundle: true,
    format: 'esm',
    platform: 'neutral',
    mainFields: ['module', 'main'],
    write: false,
    logLevel: 'error',
  });
  const code = out.outputFiles[0].text;
  return import(`data:text/javascript;base64,${Buffer.from(code).toString('base64')}`);
}

function benchPod() {
  const lines = ['apiVersion: v1', 'kind: Pod', 'metadata: {name: bench}', 'spec:', '  initContainers:'];
  for (let i = 0; i < 4; i++) lines.push(`  - {name: init-${i}, image: "busybox:1.36", command: [sh, -c, "sleep 2"]}`);
  for (let i = 0; i < 3; i++) {
    lines.push(
      `  - name: sidecar-${i}`,
      `    image: "proxy:${i}"`,
      '    restartPolicy: Always',
      '    startupProbe: {httpGet: {path: /started, port: 15021}, periodSeconds: 2}',
      '    readinessProbe: {httpGet: {path: /ready, port: 15021}, periodSeconds: 5}',
    );
  }
  lines.push('  containers:');
  for (let i = 0; i < 13; i++) {
    lines.push(
      `  - name: app-${i}`,
      `    image: "app:${i % 4}"`,
      '    livenessProbe: {httpGet: {path: /healthz, port: 8080}, periodSeconds: 10}',
      '    readinessProbe: {httpGet: {path: /ready, port: 8080}, periodSeconds: 5, initialDelaySeconds: 3}',
    );
    if (i % 4 === 3) lines.push('    command: [sh, -c, "sleep 100; exit 1"]');
  }
  return lines.join('\n');
}

/** Two workloads: the manifest alone (inferred scenario), and a stress scenario with a probe failing all hour. */
const SCENARIOS = {
  inferred: undefined,
  stress: {
    containers: {
      'app-1': { probes: { readiness: { successFromAge: 30 }, liveness: { healthyWhileAgeBelow: 200 } } },
      'app-2': { probes: { readiness: { always: 'failure' } } },
      'sidecar-2': { runs: [{ exitCode: 1, afterSeconds: 900 }] },
    },
  },
};

const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
const round = (n) => Number(n.toFixed(3));

function measure(simulate, pod, scenario) {
  const check = simulate(pod, scenario, { until: UNTIL });
  if (check.errors.length > 0) throw new Error(JSON.stringify(check.errors));
  for (let i = 0; i < WARMUP; i++) simulate(pod, scenario, { until: UNTIL });
  const wall = [];
  const cpu = [];
  for (let i = 0; i < RUNS; i++) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    simulate(pod, scenario, { until: UNTIL });
    wall.push(performance.now() - t0);
    const c = process.cpuUsage(c0);
    cpu.push((c.user + c.system) / 1000);
  }
  wall.sort((a, b) => a - b);
  cpu.sort((a, b) => a - b);
  return {
    steps: check.steps.length,
    events: check.steps.reduce((n, s) => n + s.events.length, 0),
    ms: {
      min: round(wall[0]),
      median: round(percentile(wall, 50)),
      p95: round(percentile(wall, 95)),
      max: round(wall.at(-1)),
    },
    cpuMsMedian: round(percentile(cpu, 50)),
  };
}

const { simulate, parseManifests } = await loadSim();
const pod = parseManifests(benchPod()).documents[0].pod;
const results = Object.fromEntries(Object.entries(SCENARIOS).map(([name, sc]) => [name, measure(simulate, pod, sc)]));
const result = {
  benchmark: 'simulate: 20 containers (4 init, 3 sidecars, 13 regular with probes), 1 h of simulated time',
  containers: pod.initContainers.length + pod.containers.length,
  simulatedSeconds: UNTIL,
  runs: RUNS,
  warmup: WARMUP,
  node: process.version,
  cpus: os.cpus().length,
  loadAverage: os.loadavg().map(round),
  scenarios: results,
};

console.log(result.benchmark);
console.log(
  `${RUNS} runs after ${WARMUP} warm-up runs; ${result.cpus} CPUs, load average ${result.loadAverage.join(' ')}`,
);
console.log('');
console.log('scenario   steps  events   min (ms)  median (ms)  p95 (ms)  max (ms)  cpu median (ms)');
for (const [name, r] of Object.entries(results)) {
  const cells = [name.padEnd(10), String(r.steps).padEnd(6), String(r.events).padEnd(8), String(r.ms.min).padEnd(9)];
  cells.push(
    String(r.ms.median).padEnd(12),
    String(r.ms.p95).padEnd(9),
    String(r.ms.max).padEnd(9),
    String(r.cpuMsMedian),
  );
  console.log(cells.join(' '));
}
const outDir = path.join(ROOT, 'bench', 'results');
fs.mkdirSync(outDir, { recursive: true });
fs.writeFileSync(path.join(outDir, 'sim.json'), `${JSON.stringify(result, null, 2)}\n`);
console.log(`\nwrote ${path.relative(ROOT, path.join(outDir, 'sim.json'))}`);
