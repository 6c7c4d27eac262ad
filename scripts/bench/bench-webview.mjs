// Benchmark of the lifecycle panel in Debian's Chromium: how long rendering one step takes for a 20-container pod
// (3 init containers, 2 native sidecars, 15 regular containers with probes, crash loops and a delete), measured
// with performance.now() inside the page around a click on "next" plus a forced style/layout.
// Also reports a live edit (document message -> parse, simulate, redraw) of that pod and of a typical manifest, and a
// what-if edit.
//   node scripts/bench/bench-webview.mjs [--steps N]     (fails when the p95 of a step is 16 ms or more)
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Browser } from '../../test/client/webview/browser/harness.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const BUDGET_MS = 16;

function container(name, i) {
  const kind = i % 5;
  const probes = `
      readinessProbe:
        httpGet: { path: /ready, port: 8080 }
        periodSeconds: ${5 + (i % 3) * 5}
      livenessProbe:
        httpGet: { path: /healthz, port: 8080 }
        periodSeconds: 10`;
  const command =
    kind === 0
      ? `["sh", "-c", "exit ${1 + (i % 3)}"]`
      : kind === 1
        ? `["sh", "-c", "sleep ${30 + i * 7}"]`
        : `["sh", "-c", "while true; do sleep 1; done"]`;
  return `    - name: ${name}
      image: registry.example/${name}:1.${i}
      command: ${command}${kind >= 2 ? probes : ''}
      lifecycle:
        preStop:
          sleep: { seconds: ${i % 7} }`;
}

export function twentyContainerPod() {
  const init = [0, 1, 2].map(
    (i) => `    - name: init-${i}\n      image: busybox:1.36\n      command: ["sh", "-c", "sleep ${2 + i}"]`,
  );
  const sidecars = [0, 1].map(
    (i) => `    - name: sidecar-${i}\n      image: envoy:1.${i}\n      restartPolicy: Always\n      command: ["envoy"]`,
  );
  const regular = Array.from({ length: 15 }, (_, i) => container(`app-${String(i).padStart(2, '0')}`, i));
  return `apiVersion: v1
kind: Pod
metadata:
  name: big
spec:
  terminationGracePeriodSeconds: 20
  initContainers:
${[...init, ...sidecars].join('\n')}
  containers:
${regular.join('\n')}
`;
}

const stats = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const at = (q) => s[Math.min(s.length - 1, Math.floor(q * s.length))];
  return { n: s.length, min: s[0], median: at(0.5), p95: at(0.95), max: s[s.length - 1] };
};
const fmt = (o) =>
  Object.entries(o)
    .map(([k, v]) => `${k} ${k === 'n' ? v : `${v.toFixed(2)} ms`}`)
    .join(', ');
// Sends the panel a new version of the document, as the host does on an edit, and times the parse, simulation and
// redraw (up to a forced style/layout) inside the page.
const timeDocument = (page, text, version, until) =>
  page.evaluate(
    (doc) => {
      const t0 = performance.now();
      window.dispatchEvent(new MessageEvent('message', { data: doc }));
      void document.body.offsetHeight;
      return performance.now() - t0;
    },
    {
      type: 'document',
      uri: 'file:///work/pod.yaml',
      fileName: 'pod.yaml',
      version,
      text,
      cursorLine: null,
      documentIndex: null,
      until,
    },
  );

async function main() {
  const build = spawnSync(process.execPath, ['esbuild.mjs'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
  if (build.status !== 0) process.exit(build.status ?? 1);
  const browser = await Browser.launch();
  try {
    const panel = await browser.open({ width: 1000, height: 1200 });
    const text = twentyContainerPod();
    await panel.showDocument(text, { until: 3600 });
    await panel.page.fill('[data-field="actions[0].atSeconds"]', '1800');
    await panel.page.locator('[data-fact="actions"][data-edited="true"]').waitFor();
    const shape = await panel.page.evaluate(() => ({
      lanes: document.querySelectorAll('[data-testid="lane"]').length,
      spans: document.querySelectorAll('rect.span').length,
      markers: document.querySelectorAll('.marker').length,
      events: document.querySelectorAll('[data-testid="event-row"]').length,
      steps: document.querySelector('[data-testid="step-counter"]')?.textContent,
    }));
    console.log(`20-container pod: ${JSON.stringify(shape)}`);

    // Warm up the JIT once through the whole timeline, then measure every step forward and back.
    const times = await panel.page.evaluate(() => {
      const next = document.querySelector('[data-testid="step-next"]');
      const prev = document.querySelector('[data-testid="step-prev"]');
      const first = document.querySelector('[data-testid="step-first"]');
      const out = [];
      const measure = (button) => {
        const t0 = performance.now();
        button.click();
        void document.body.offsetHeight;
        out.push(performance.now() - t0);
      };
      for (let round = 0; round < 2; round++) {
        out.length = 0;
        first.click();
        while (!next.disabled) measure(next);
        while (!prev.disabled) measure(prev);
      }
      return out;
    });
    const step = stats(times);
    console.log(`render one step:          ${fmt(step)}`);

    const edits = [];
    for (let i = 0; i < 10; i++) {
      const changed = text.replace('sleep 2"', `sleep ${3 + i}"`);
      edits.push(await timeDocument(panel.page, changed, 2 + i, 3600));
    }
    console.log(`live edit (parse + simulate + redraw): ${fmt(stats(edits))}`);

    const whatIf = [];
    for (let i = 0; i < 10; i++) {
      whatIf.push(
        await panel.page.evaluate((seconds) => {
          const input = document.querySelector('[data-field="containers.app-01.runs[0].afterSeconds"]');
          input.value = String(seconds);
          const t0 = performance.now();
          input.dispatchEvent(new Event('input', { bubbles: true }));
          void document.body.offsetHeight;
          return performance.now() - t0;
        }, 20 + i),
      );
    }
    console.log(`what-if edit (simulate + redraw):       ${fmt(stats(whatIf))}`);
    // A typical manifest (examples/deployment.yaml): the 150 ms live-edit budget includes the host's 100 ms debounce.
    const typical = fs.readFileSync(path.join(root, 'examples/deployment.yaml'), 'utf8');
    const small = await browser.open({ width: 1000, height: 1200 });
    await small.showDocument(typical);
    const smallEdits = [];
    for (let i = 0; i < 10; i++) {
      smallEdits.push(await timeDocument(small.page, typical.replace('value: info', `value: debug${i}`), 2 + i, 900));
    }
    console.log(`live edit, examples/deployment.yaml:   ${fmt(stats(smallEdits))}`);
    const errors = [...(await panel.errors()), ...(await small.errors())];
    if (errors.length > 0) throw new Error(`page errors: ${errors.join('; ')}`);
    if (step.p95 >= BUDGET_MS) {
      console.error(`FAIL: p95 of a step render is ${step.p95.toFixed(2)} ms, budget ${BUDGET_MS} ms`);
      process.exitCode = 1;
    } else {
      console.log(`OK: a step renders in under ${BUDGET_MS} ms (p95 ${step.p95.toFixed(2)} ms)`);
    }
  } finally {
    await browser.close();
  }
}

await main();
