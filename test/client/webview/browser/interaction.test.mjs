// The lifecycle panel's contract with its host and its user: reveal messages, keyboard and playback, live
// edits keeping the step, the greyed last good timeline, persisted state and reload, scenario export/load,
// message validation, a stable layout while stepping, and manifest text that never becomes HTML.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { browserForFile, example } from './harness.mjs';

const withPanel = browserForFile();

const lastReveal = async (panel) => (await panel.posted()).filter((m) => m.type === 'reveal').at(-1);

const XSS = `apiVersion: v1
kind: Pod
metadata:
  name: "<script>window.__pwned = 1</script>"
spec:
  containers:
    - name: "<img src=x onerror=alert(1)>"
      image: "<b>bold</b>:1"
      command: ["sh", "-c", "exit 1"]
`;

describe('security', () => {
  it('renders manifest text as text: no element, no script, no alert', async () => {
    await withPanel({}, async (panel) => {
      await panel.showDocument(XSS);
      const name = '<img src=x onerror=alert(1)>';
      const label = panel.page.locator('[data-testid="lane-label"]');
      assert.equal(await label.getAttribute('data-container'), name);
      assert.equal(await label.locator('.lane-name').textContent(), name);
      assert.equal(await panel.text('[data-testid="pod-name"]'), '<script>window.__pwned = 1</script>');
      const events = (await panel.page.locator('[data-testid="event-row"]').allInnerTexts()).join('\n');
      assert.match(events, /Successfully assigned default\/<script>window\.__pwned = 1<\/script> to node-1/);
      assert.match(events, /Failed to apply default image tag "<b>bold<\/b>:1"/);
      const injected = await panel.page.evaluate(() => ({
        imgs: document.querySelectorAll('img').length,
        scripts: document.querySelectorAll('script').length,
        bold: document.querySelectorAll('b').length,
        pwned: window.__pwned,
        alerts: window.__alerts,
      }));
      assert.deepEqual(injected, { imgs: 0, scripts: 1, bold: 0, pwned: undefined, alerts: 0 });
    });
  });

  it('serves the strict CSP and ignores invalid messages, logging them to the host', async () => {
    await withPanel({}, async (panel) => {
      const csp = await panel.page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
      assert.match(
        csp,
        /^default-src 'none'; script-src 'nonce-[A-Za-z0-9]{32}'; style-src https:\/\/podlens\.test; font-src/,
      );
      assert.doesNotMatch(csp, /unsafe/);
      await panel.send({ type: 'document', uri: 'file:///x.yaml', text: 42 });
      await panel.send({ type: 'runScript', code: 'alert(1)' });
      const logs = (await panel.posted()).filter((m) => m.type === 'log');
      assert.equal(logs.length, 2);
      assert.ok(logs.every((m) => m.level === 'warn' && /ignored an invalid message/.test(m.message)));
      assert.ok(await panel.page.locator('[data-testid="empty-state"]').isVisible());
    });
  });
});

describe('host messages', () => {
  it('posts ready, then reveals the range an event or a lane concerns', async () => {
    await withPanel({}, async (panel) => {
      assert.deepEqual((await panel.posted())[0], { type: 'ready' });
      await panel.showDocument(example('readiness-probe.yaml'));
      await panel.page.locator('[data-testid="event-row"][data-reason="Pulling"]').click();
      const pull = await lastReveal(panel);
      // examples/readiness-probe.yaml line 9 (0-based 8): `      image: nginx:1.27`, the value starts at column 13.
      assert.deepEqual(pull.range, { start: { line: 8, character: 13 }, end: { line: 8, character: 23 } });
      assert.equal(await panel.text('[data-testid="step-counter"]'), '1 / 3', "the click went to the event's step");
      await panel.page.selectOption('[data-field="containers.web-server.probes.readiness.mode"]', 'failure');
      await panel.page.locator('[data-testid="event-row"][data-reason="Unhealthy"]').first().click();
      assert.equal((await lastReveal(panel)).range.start.line, 12, 'the readinessProbe key (line 13)');
      await panel.page.locator('[data-testid="lane-label"]').click();
      assert.deepEqual((await lastReveal(panel)).range, {
        start: { line: 7, character: 12 },
        end: { line: 7, character: 22 },
      });
    });
  });

  it('exports the effective scenario and loads a scenario file', async () => {
    await withPanel({}, async (panel) => {
      await panel.showDocument(example('crashloop.yaml'));
      await panel.page.click('[data-testid="export-scenario"]');
      const exported = (await panel.posted()).find((m) => m.type === 'exportScenario');
      assert.equal(exported.suggestedName, 'crasher.scenario.json');
      assert.deepEqual(exported.scenario.containers.app.runs, [{ exitCode: 1, afterSeconds: 0 }]);
      assert.match(exported.scenario.notes['containers.app.runs'], /inferred/);
      await panel.page.click('[data-testid="load-scenario"]');
      assert.equal((await panel.posted()).at(-1).type, 'loadScenario');

      await panel.send({
        type: 'scenarioLoaded',
        fileName: 'fixed.json',
        scenario: { containers: { app: { runs: [{ forever: true }] }, ghost: { runs: [{ forever: true }] } } },
      });
      await panel.waitForText('[data-testid="prediction"]', 'Ready in ~2 s');
      assert.match(
        await panel.text('[data-testid="notice"]'),
        /Loaded the scenario fixed\.json\. Ignored containers not in this pod: ghost/,
      );

      await panel.send({ type: 'scenarioLoaded', fileName: 'bad.json', scenario: { until: -5 } });
      await panel.waitForText('[data-testid="notice"]', /bad\.json is not a valid scenario: scenario\.until/);
      assert.equal(
        await panel.text('[data-testid="prediction"]'),
        'Ready in ~2 s',
        'the rejected file changed nothing',
      );
    });
  });

  it('follows the cursor into another pod document and keeps the step across edits', async () => {
    await withPanel({}, async (panel) => {
      const text = example('image-pull-policy.yaml');
      await panel.showDocument(text, { cursorLine: 0 });
      assert.equal(await panel.text('[data-testid="pod-name"]'), 'image-pull-policy-latest');
      assert.ok(await panel.page.locator('[data-testid="doc-picker"]').isVisible());
      const third = text.split('\n').findIndex((l) => l.includes('image-pull-policy-tag'));
      await panel.send({ type: 'cursor', line: third });
      await panel.waitForText('[data-testid="pod-name"]', 'image-pull-policy-tag');
      await panel.page.keyboard.press('End');
      const before = await panel.text('[data-testid="pod-time"]');
      assert.notEqual(before, 't = 0 s');
      // An edit elsewhere in the file re-simulates and keeps the pod and the moment.
      await panel.showDocument(text.replace('policy test', 'policy check'), { cursorLine: third, version: 2 });
      assert.equal(await panel.text('[data-testid="pod-name"]'), 'image-pull-policy-tag');
      assert.equal(await panel.text('[data-testid="pod-time"]'), before);
      await panel.page.selectOption('[data-testid="doc-picker"]', '1');
      await panel.waitForText('[data-testid="pod-name"]', 'image-pull-policy-no-tag');
    });
  });

  it('keeps the last good timeline greyed while the document does not parse', async () => {
    await withPanel({}, async (panel) => {
      const text = example('crashloop.yaml');
      await panel.showDocument(text);
      await panel.page.keyboard.press('End');
      const status = await panel.status();
      await panel.showDocument(text.replace('    - name: app\n', '    - name: app\n   bad: [\n'), { version: 2 });
      await panel.page.locator('main.stale').waitFor();
      assert.match(await panel.text('[data-testid="notice"]'), /Showing the last good timeline\. .*line \d+/);
      assert.equal(await panel.status(), status, 'the last good step stays');
      await panel.screenshot('stale-dark.png');
      await panel.showDocument(text, { version: 3 });
      await panel.page.locator('main:not(.stale)').waitFor();
      assert.ok(await panel.page.locator('[data-testid="notice"]').isHidden());
    });
  });
});

describe('keyboard and playback', () => {
  it('←/→, Home/End and Space drive the timeline; playing reaches the end', async () => {
    await withPanel({}, async (panel) => {
      await panel.showDocument(example('init-containers.yaml'));
      const counter = () => panel.text('[data-testid="step-counter"]');
      await panel.page.keyboard.press('ArrowRight');
      assert.equal(await counter(), '2 / 6');
      await panel.page.keyboard.press('End');
      assert.equal(await counter(), '6 / 6');
      await panel.page.keyboard.press('ArrowLeft');
      assert.equal(await counter(), '5 / 6');
      await panel.page.keyboard.press('Home');
      assert.equal(await counter(), '1 / 6');
      await panel.page.selectOption('[data-testid="speed"]', '30');
      await panel.page.locator('body').press(' ');
      assert.equal(await panel.page.locator('[data-testid="play"]').getAttribute('aria-pressed'), 'true');
      await panel.waitForText('[data-testid="step-counter"]', '6 / 6', 15_000);
      await panel.page.waitForFunction(
        () => document.querySelector('[data-testid="play"]')?.getAttribute('aria-pressed') === 'false',
      );
      assert.equal(await panel.status(), 'Running');
    });
  });

  it('does not move the layout while stepping', async () => {
    await withPanel({ width: 640 }, async (panel) => {
      await panel.showDocument(example('crashloop.yaml'));
      const boxes = () =>
        panel.page.evaluate(() =>
          ['.kubectl', '.transport', '.chart', '.events-wrap', '.assumptions'].map((s) => {
            const r = document.querySelector(s).getBoundingClientRect();
            return [s, Math.round(r.top + window.scrollY), Math.round(r.height), Math.round(r.width)];
          }),
        );
      const first = await boxes();
      const count = Number((await panel.text('[data-testid="step-counter"]')).split('/ ')[1]);
      for (let i = 1; i < count; i++) {
        await panel.page.keyboard.press('ArrowRight');
        assert.deepEqual(await boxes(), first, `layout at step ${i + 1}`);
      }
    });
  });
});

describe('what-if typing', () => {
  it('keeps the field, its focus and caret while each keystroke re-simulates', async () => {
    await withPanel({}, async (panel) => {
      await panel.showDocument(example('crashloop.yaml'));
      const field = panel.page.locator('[data-field="containers.app.runs[0].afterSeconds"]');
      await field.fill('');
      await field.pressSequentially('125');
      const state = await panel.savedState(
        (s) => s?.overrides['Pod/crasher']?.containers.app.runs[0].afterSeconds === 125,
      );
      assert.deepEqual(state.overrides['Pod/crasher'].containers.app.runs, [{ exitCode: 1, afterSeconds: 125 }]);
      assert.equal(
        await panel.page.evaluate(() => document.activeElement?.getAttribute('data-field')),
        'containers.app.runs[0].afterSeconds',
      );
      assert.equal(await field.inputValue(), '125');
      // A second edit of another field after the in-place update still reads the field on screen.
      await panel.page.fill('[data-field="containers.app.runs[0].exitCode"]', '7');
      await field.fill('9');
      const next = await panel.savedState(
        (s) => s?.overrides['Pod/crasher']?.containers.app.runs[0].afterSeconds === 9,
      );
      assert.deepEqual(next.overrides['Pod/crasher'].containers.app.runs, [{ exitCode: 7, afterSeconds: 9 }]);
    });
  });
});

describe('persisted state', () => {
  it('redraws the saved step and what-if edits after a reload, before the host answers', async () => {
    let saved;
    await withPanel({}, async (panel) => {
      await panel.showDocument(example('crashloop.yaml'));
      await panel.page.fill('[data-field="containers.app.runs[0].afterSeconds"]', '5');
      await panel.waitForText('[data-testid="edited-count"]', '1 edited');
      // The arrows belong to the text field while it has focus; the step buttons do not.
      await panel.page.keyboard.press('ArrowRight');
      assert.equal(await panel.text('[data-testid="step-counter"]').then((t) => t.startsWith('1 /')), true);
      await panel.page.click('[data-testid="step-next"]');
      await panel.page.click('[data-testid="step-next"]');
      await panel.page.locator('details[data-section="events"] > summary').click();
      const time = await panel.text('[data-testid="pod-time"]');
      saved = await panel.savedState((s) => s?.at?.t > 0 && s.collapsed.includes('section:events'));
      assert.equal(saved.overrides['Pod/crasher'].containers.app.runs[0].afterSeconds, 5);
      assert.equal(time, `t = ${saved.at.t} s${saved.at.after ? '⁺' : ''}`);
    });
    await withPanel({ state: saved }, async (panel) => {
      await panel.page.locator('[data-testid="pod-status"]').waitFor();
      assert.equal(await panel.text('[data-testid="pod-time"]'), `t = ${saved.at.t} s${saved.at.after ? '⁺' : ''}`);
      assert.equal(await panel.text('[data-testid="edited-count"]'), '1 edited');
      assert.equal(await panel.page.locator('details[data-section="events"]').getAttribute('open'), null);
      assert.deepEqual((await panel.posted()).at(-1), { type: 'ready' });
    });
  });
});
