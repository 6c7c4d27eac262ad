// Security (issue 8): text from a manifest or a scenario file never becomes markup in the lifecycle panel. Env
// values and env sources, commands and hook commands (which the kubelet's event messages quote) and a loaded
// scenario's file name and keys carry HTML and JS; the panel must show them as text, create no element, run no
// script, and raise no CSP violation. The CSP itself allows scripts by nonce only, and Chromium enforces it.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { Browser } from './harness.mjs';

let browser;
before(async () => {
  browser = await Browser.launch();
});
after(async () => {
  await browser?.close();
});

/** Markup the payloads below would create if any of them were parsed as HTML. */
async function injected(panel) {
  return panel.page.evaluate(() => ({
    img: document.querySelectorAll('img').length,
    iframe: document.querySelectorAll('iframe').length,
    script: document.querySelectorAll('script').length,
    bold: document.querySelectorAll('b').length,
    svgOnload: document.querySelectorAll('svg[onload]').length,
    pwned: window.__pwned,
    alerts: window.__alerts,
  }));
}

const CLEAN = { img: 0, iframe: 0, script: 1, bold: 0, svgOnload: 0, pwned: undefined, alerts: 0 };

const ENV_AND_COMMANDS = `apiVersion: v1
kind: Pod
metadata:
  name: env-xss
spec:
  containers:
    - name: app
      image: busybox:1.36
      command: ["sh", "-c", "echo '<img src=x onerror=window.__pwned=1>'; exit 3"]
      env:
        - name: GREETING
          value: "<script>window.__pwned = 2</script>"
        - name: FROM_CONFIG
          valueFrom:
            configMapKeyRef:
              name: "<svg onload=window.__pwned=3>"
              key: "<b>k</b>"
      lifecycle:
        postStart:
          exec:
            command: ["sh", "-c", "<iframe src=javascript:window.__pwned=4></iframe>; exit 1"]
`;

async function pageText(panel) {
  return panel.page.evaluate(() => document.body.textContent);
}

describe('manifest text with HTML and JS', () => {
  it('shows a missing env source, as the kubelet quotes it, as text', async () => {
    const panel = await browser.open();
    try {
      await panel.showDocument(ENV_AND_COMMANDS);
      // No ConfigMap exists: the container cannot start, and the kubelet's error names the env source.
      await panel.send({ type: 'scenarioLoaded', fileName: 'none.json', scenario: { configMaps: [] } });
      await panel.waitForText('body', /CreateContainerConfigError/);
      const text = await pageText(panel);
      assert.match(text, /Error: configmap "<svg onload=window\.__pwned=3>" not found/);
      assert.match(text, /`sh -c "echo '<img src=x onerror=window\.__pwned=1>'; exit 3"` exits 3/);
      assert.deepEqual(await injected(panel), CLEAN);
      assert.deepEqual(await panel.errors(), []);
    } finally {
      await panel.close();
    }
  });

  it('shows the event that quotes a failing hook command as text', async () => {
    const panel = await browser.open();
    try {
      await panel.showDocument(ENV_AND_COMMANDS);
      await panel.send({
        type: 'scenarioLoaded',
        fileName: 'hook.json',
        scenario: { containers: { app: { runs: [{ forever: true }], postStart: { result: 'failure' } } } },
      });
      // Waits for the row's text, not only for the row: reading the rows' rendered text as soon as the row was
      // visible gave blank lines in one clean-clone run.
      await panel.waitForText(
        '[data-testid="event-row"][data-reason="FailedPostStartHook"]',
        /<iframe src=javascript:window\.__pwned=4><\/iframe>; exit 1/,
      );
      assert.deepEqual(await injected(panel), CLEAN);
      assert.deepEqual(await panel.errors(), []);
    } finally {
      await panel.close();
    }
  });
});

describe('scenario files with HTML and JS', () => {
  it('names the file and its unknown keys as text', async () => {
    const panel = await browser.open();
    try {
      await panel.showDocument(ENV_AND_COMMANDS);
      await panel.send({
        type: 'scenarioLoaded',
        fileName: '<img src=x onerror=window.__pwned=5>.json',
        scenario: { '<svg onload=window.__pwned=6>': 1 },
      });
      await panel.waitForText('[data-testid="notice"]', /not a valid scenario/);
      const notice = await panel.text('[data-testid="notice"]');
      assert.match(notice, /<img src=x onerror=window\.__pwned=5>\.json is not a valid scenario/);
      assert.match(notice, /<svg onload=window\.__pwned=6>/);
      assert.deepEqual(await injected(panel), CLEAN);
      assert.deepEqual(await panel.errors(), []);
    } finally {
      await panel.close();
    }
  });
});

describe('Content-Security-Policy', () => {
  it('allows scripts by nonce only, and Chromium blocks an inline script', async () => {
    const panel = await browser.open();
    try {
      const csp = await panel.page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
      const directives = Object.fromEntries(
        csp.split(';').map((d) => {
          const [name, ...values] = d.trim().split(/\s+/);
          return [name, values];
        }),
      );
      assert.deepEqual(directives['default-src'], ["'none'"]);
      assert.equal(directives['script-src'].length, 1);
      assert.match(directives['script-src'][0], /^'nonce-[A-Za-z0-9]{32}'$/);
      for (const [name, values] of Object.entries(directives)) {
        assert.ok(!values.some((v) => /unsafe-inline|unsafe-eval|unsafe-hashes|\*/.test(v)), `${name}: ${values}`);
      }
      // What an injection would try: an inline script and an inline event handler. Neither may run.
      await panel.page.evaluate(() => {
        const s = document.createElement('script');
        s.textContent = 'window.__pwned = 7';
        document.body.append(s);
        const img = document.createElement('img');
        img.setAttribute('src', 'data:,x');
        img.setAttribute('onerror', 'window.__pwned = 8');
        img.setAttribute('onload', 'window.__pwned = 8');
        document.body.append(img);
      });
      await panel.page.waitForFunction(() => window.__errors.filter((e) => e.startsWith('CSP violation')).length >= 2);
      assert.equal(await panel.page.evaluate(() => window.__pwned), undefined);
      const violations = (await panel.errors()).filter((e) => e.startsWith('CSP violation'));
      assert.ok(
        violations.every((v) => /script-src/.test(v)),
        violations.join('\n'),
      );
    } finally {
      await panel.close();
    }
  });
});
