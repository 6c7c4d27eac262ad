// The lifecycle panel in Chromium: real example manifests stepped through, asserting what is rendered (STATUS,
// lanes, events), what-if edits re-simulating, and the screenshots (dark, light, high contrast, 400 px).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { browserForFile, example } from './harness.mjs';

/** Opens a panel, runs `fn`, asserts the page raised no error or CSP violation, closes it. */
const withPanel = browserForFile();

const laneNames = (panel) =>
  panel.page.locator('[data-testid="lane"]').evaluateAll((els) => els.map((e) => e.getAttribute('data-container')));

describe('init containers', () => {
  it('steps Init:0/2 -> Init:1/2 -> Running, lanes in start order, events up to the step', async () => {
    await withPanel({}, async (panel) => {
      await panel.showDocument(example('init-containers.yaml'));
      assert.equal(await panel.status(), 'Init:0/2');
      assert.equal(await panel.text('[data-testid="prediction"]'), 'Ready in ~24 s');
      assert.deepEqual(await laneNames(panel), ['init-myservice', 'init-other', 'myapp-container']);
      const seen = await panel.stepUntilStatus('Running');
      assert.deepEqual(seen.slice(0, 2), ['Init:0/2', 'Init:1/2']);
      assert.equal(seen.at(-1), 'Running');
      assert.equal(await panel.text('[data-testid="pod-ready"]'), '1/1');
      assert.equal(await panel.text('[data-testid="pod-phase"]'), 'Running');
      // Rows up to the current step are past or current, none later is.
      const rows = await panel.page
        .locator('[data-testid="event-row"]')
        .evaluateAll((els) => els.map((e) => ({ reason: e.getAttribute('data-reason'), cls: e.className })));
      assert.ok(rows.length >= 10, `events rows: ${rows.length}`);
      assert.ok(rows.some((r) => r.reason === 'Started' && /current/.test(r.cls)));
      assert.ok(
        rows.every((r) => !/future/.test(r.cls)),
        'at the last step no event lies in the future',
      );
      const kinds = await panel.page
        .locator('[data-container="init-myservice"] rect.span')
        .evaluateAll((els) => els.map((e) => e.getAttribute('data-kind')));
      assert.deepEqual(kinds, ['pulling', 'running', 'completed']);
      await panel.screenshot('init-containers-dark.png');
    });
  });
});

describe('CrashLoopBackOff', () => {
  it('shows the back-off, restarts as markers and the prediction', async () => {
    await withPanel({}, async (panel) => {
      await panel.showDocument(example('crashloop.yaml'));
      assert.equal(await panel.text('[data-testid="prediction"]'), 'CrashLoopBackOff predicted for app');
      const seen = await panel.stepUntilStatus('CrashLoopBackOff');
      assert.equal(seen.at(-1), 'CrashLoopBackOff');
      assert.match(await panel.text('[data-testid="pod-restarts"]'), /^[1-9]\d* \(\d+s ago\)$/);
      const lane = panel.page.locator('[data-testid="lane"][data-container="app"]');
      assert.ok((await lane.locator('.m-restart').count()) >= 3, 'restart markers');
      assert.ok((await lane.locator('.m-exitError').count()) >= 3, 'exit markers');
      assert.ok((await lane.locator('rect[data-kind="backoff"]').count()) >= 1, 'back-off spans');
      const tip = await lane.locator('rect[data-kind="backoff"] title').first().textContent();
      assert.match(tip, /app: CrashLoopBackOff[\s\S]*Crash-loop back-off/);
      await panel.page.keyboard.press('End');
      await panel.screenshot('crashloop-dark.png');
    });
  });
});

describe('probes failing', () => {
  it('a failing readiness probe keeps READY 0/1 with Unhealthy ticks', async () => {
    await withPanel({}, async (panel) => {
      await panel.showDocument(example('readiness-probe.yaml'));
      assert.equal(await panel.text('[data-testid="prediction"]'), 'Ready in ~10 s');
      await panel.page.selectOption('[data-field="containers.web-server.probes.readiness.mode"]', 'failure');
      await panel.waitForText('[data-testid="prediction"]', /never Ready/);
      await panel.stepUntilStatus('Running');
      await panel.page.locator('[data-testid="step-next"]').click();
      assert.equal(await panel.text('[data-testid="pod-ready"]'), '0/1');
      const lane = panel.page.locator('[data-testid="lane"][data-container="web-server"]');
      assert.ok((await lane.locator('.m-probe').count()) >= 3, 'probe failure ticks');
      assert.ok((await lane.locator('rect[data-kind="notReady"]').count()) >= 1, 'running, not ready');
      const unhealthy = panel.page.locator('[data-testid="event-row"][data-reason="Unhealthy"]');
      assert.ok((await unhealthy.count()) >= 3);
      assert.match(await unhealthy.first().textContent(), /Readiness probe failed/);
      assert.equal(
        await panel.page.locator('[data-fact="containers.web-server.probes.readiness"]').getAttribute('data-edited'),
        'true',
      );
      await panel.screenshot('readiness-failing-dark.png');
    });
  });

  it('a failing liveness probe kills and restarts the container into CrashLoopBackOff', async () => {
    await withPanel({ theme: 'light' }, async (panel) => {
      await panel.showDocument(example('liveness-probe.yaml'));
      await panel.page.selectOption('[data-field="containers.nginx.probes.liveness.mode"]', 'failure');
      await panel.waitForText('[data-testid="prediction"]', 'CrashLoopBackOff predicted for nginx');
      const killing = panel.page.locator('[data-testid="event-row"][data-reason="Killing"]');
      assert.ok((await killing.count()) >= 3);
      assert.match(await killing.first().textContent(), /liveness probe/i);
      const seen = await panel.stepUntilStatus('CrashLoopBackOff');
      assert.equal(seen.at(-1), 'CrashLoopBackOff');
      await panel.screenshot('liveness-failing-light.png');
    });
  });
});

describe('deletion with preStop', () => {
  it('delete-at what-if: Terminating during the preStop sleep, then the pod is gone', async () => {
    await withPanel({ theme: 'light' }, async (panel) => {
      await panel.showDocument(example('lifecycle-hooks.yaml'));
      assert.equal(await panel.text('[data-testid="prediction"]'), 'Ready in ~2 s');
      await panel.page.fill('[data-field="actions[0].atSeconds"]', '30');
      await panel.waitForText('[data-testid="prediction"]', 'Ready in ~2 s; deleted, gone at 40 s');
      const seen = await panel.stepUntilStatus('Terminating');
      assert.deepEqual(seen, ['ContainerCreating', 'Running', 'Terminating']);
      assert.equal(await panel.text('[data-testid="pod-time"]'), 't = 30 s');
      const lane = panel.page.locator('[data-testid="lane"][data-container="web"]');
      assert.equal(await lane.locator('rect[data-kind="stopping"]').count(), 1);
      const killing = panel.page.locator('[data-testid="event-row"][data-reason="Killing"]');
      assert.match(await killing.textContent(), /Stopping container web/);
      await panel.page.keyboard.press('End');
      assert.equal(await panel.status(), '(deleted)');
      assert.equal(await panel.text('[data-testid="pod-phase"]'), 'gone');
      await panel.page.keyboard.press('Home');
      await panel.page.keyboard.press('ArrowRight');
      await panel.page.keyboard.press('ArrowRight');
      await panel.screenshot('deletion-prestop-light.png');
    });
  });
});

describe('what-if edits', () => {
  it('changing a run re-simulates at once; reset returns to the inferred timeline', async () => {
    await withPanel({}, async (panel) => {
      await panel.showDocument(example('crashloop.yaml'));
      await panel.page.selectOption('[data-field="containers.app.runs[0].mode"]', 'forever');
      await panel.waitForText('[data-testid="prediction"]', 'Ready in ~2 s');
      await panel.page.keyboard.press('End');
      assert.equal(await panel.status(), 'Running');
      assert.equal(await panel.text('[data-testid="pod-restarts"]'), '0');
      assert.equal(await panel.page.locator('.m-restart').count(), 0);
      assert.equal(await panel.text('[data-testid="edited-count"]'), '1 edited');
      const state = await panel.savedState((s) => s?.overrides?.['Pod/crasher']);
      assert.deepEqual(state.overrides['Pod/crasher'], { containers: { app: { runs: [{ forever: true }] } } });

      // Second attempt exits 0 after 5 s: one restart, then Completed under Always -> back-off again.
      await panel.page.selectOption('[data-field="containers.app.runs[0].mode"]', 'exit');
      await panel.page.fill('[data-field="containers.app.runs[0].exitCode"]', '3');
      await panel.page.fill('[data-field="containers.app.runs[0].afterSeconds"]', '4');
      await panel.waitForText('[data-testid="prediction"]', 'CrashLoopBackOff predicted for app');
      const state2 = await panel.savedState(
        (s) => s?.overrides?.['Pod/crasher']?.containers?.app?.runs?.[0]?.afterSeconds === 4,
      );
      assert.deepEqual(state2.overrides['Pod/crasher'].containers.app.runs, [{ exitCode: 3, afterSeconds: 4 }]);
      const messages = await panel.page
        .locator('[data-testid="event-row"][data-reason="BackOff"]')
        .first()
        .textContent();
      assert.match(messages, /Back-off restarting failed container app/);

      await panel.page.click('[data-testid="reset-assumptions"]');
      await panel.waitForText('[data-testid="edited-count"]', 'All inferred');
      assert.equal(await panel.text('[data-testid="prediction"]'), 'CrashLoopBackOff predicted for app');
      const state3 = await panel.savedState((s) => s && !s.overrides['Pod/crasher']);
      assert.equal(state3.overrides['Pod/crasher'], undefined);
    });
  });

  it('an image that cannot be pulled gives ErrImagePull then ImagePullBackOff', async () => {
    await withPanel({}, async (panel) => {
      await panel.showDocument(example('readiness-probe.yaml'));
      await panel.page.uncheck('[data-field="images[nginx:1.27].pullable"]');
      await panel.waitForText('[data-testid="prediction"]', /ImagePullBackOff|ErrImagePull/);
      const seen = await panel.stepUntilStatus('ImagePullBackOff');
      assert.ok(seen.includes('ErrImagePull'), seen.join(' -> '));
      assert.equal(seen.at(-1), 'ImagePullBackOff');
    });
  });

  it('an invalid what-if keeps the last good timeline greyed and names the field', async () => {
    await withPanel({}, async (panel) => {
      await panel.showDocument(example('readiness-probe.yaml'));
      await panel.page.fill('[data-field="node.allocatable.memory"]', 'lots');
      await panel.page.locator('main.stale').waitFor();
      assert.match(await panel.text('[data-testid="notice"]'), /Showing the last good timeline/);
      assert.match(await panel.text('[data-testid="what-if-errors"]'), /node\.allocatable\.memory/);
      await panel.page.fill('[data-field="node.allocatable.memory"]', '8Gi');
      await panel.page.locator('main:not(.stale)').waitFor();
    });
  });
});

describe('screenshots', () => {
  for (const [theme, width] of [
    ['light', 900],
    ['hc', 900],
    ['hcLight', 900],
    ['dark', 400],
    ['light', 400],
  ]) {
    it(`renders the init-container pod in ${theme} at ${width} px`, async () => {
      await withPanel({ theme, width, height: 900 }, async (panel) => {
        await panel.showDocument(example('init-containers.yaml'));
        await panel.stepUntilStatus('Init:1/2');
        await panel.page.locator('[data-testid="step-next"]').click();
        const overflow = await panel.page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        assert.ok(overflow <= 0, `no horizontal scrolling at ${width} px (overflow ${overflow})`);
        await panel.screenshot(`init-containers-${theme}-${width}.png`);
      });
    });
  }
});
