// Issue 15, the accessible panel: a keyboard-only walk (focus order asserted, every action done with keys, a
// visible focus ring on each stop), axe-core with zero serious or critical violations in the four themes
// (dark, light, high-contrast dark and light), the what-if banner with its reset, the `⁺` explained and the
// time shown once, and narrow panels that keep every column.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import { describe, it } from 'node:test';
import { browserForFile, example } from './harness.mjs';

const withPanel = browserForFile();
const AXE = fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** What the focused element is, as a test names it: test id, else role or tag, plus its container. */
function focused(page) {
  return page.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return null;
    const name =
      el.getAttribute('data-testid') ??
      el.getAttribute('data-field') ??
      el.getAttribute('class')?.split(' ')[0] ??
      el.tagName.toLowerCase();
    const container = el.getAttribute('data-container') ?? el.parentElement?.getAttribute('data-container');
    const style = getComputedStyle(el);
    const ring = style.outlineStyle !== 'none' && Number.parseFloat(style.outlineWidth) >= 1;
    const text = el.tagName === 'SUMMARY' ? `:${el.textContent}` : '';
    return { id: `${name}${container ? `:${container}` : ''}${text}`, ring };
  });
}

/** Tabs from the top of the page until `stop` is focused (or `max` presses); returns the stops in order. */
async function tabUntil(page, stop, max = 60) {
  const stops = [];
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    const f = await focused(page);
    if (!f) continue;
    stops.push(f);
    if (f.id === stop) break;
  }
  return stops;
}

const counter = (panel) => panel.text('[data-testid="step-counter"]');

async function axeViolations(page) {
  await page.evaluate(AXE);
  return page.evaluate(async () => {
    const result = await window.axe.run(document, { resultTypes: ['violations'] });
    return result.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map(
        (v) =>
          `${v.id} (${v.impact}) on ${v.nodes.length}: ${v.nodes[0]?.target.join(' ')} ${v.nodes[0]?.failureSummary}`,
      );
  });
}

describe('keyboard only', () => {
  it('reaches every control in a sensible order with a visible focus ring, and operates each', async () => {
    await withPanel({ width: 900 }, async (panel) => {
      await panel.showDocument(example('init-containers.yaml'));
      const page = panel.page;
      await page.locator('body').focus();
      const stops = await tabUntil(page, 'load-scenario');
      const ids = stops.map((s) => s.id);
      const order = [
        'play',
        'step-next',
        'step-last',
        'speed',
        'scrubber',
        'summary:Containers',
        'lane-label:init-myservice',
        'lane-track:init-myservice',
        'lane-label:myapp-container',
        'lane-track:myapp-container',
        'summary:Events',
        'event-row',
        'summary:Assumptions (what-if)',
        'load-scenario',
      ];
      const positions = order.map((id) => ids.indexOf(id));
      assert.ok(
        positions.every((p, i) => p >= 0 && (i === 0 || p > (positions[i - 1] ?? -1))),
        `focus order: ${ids.join(' → ')}`,
      );
      assert.equal(ids.filter((id) => id === 'event-row').length, 1, 'the events table is one Tab stop');
      assert.deepEqual(
        stops.filter((s) => !s.ring).map((s) => s.id),
        [],
        'every stop shows a focus ring',
      );

      // The step buttons, the scrubber and the announcement of the step.
      await page.locator('[data-testid="step-next"]').focus();
      await page.keyboard.press('Enter');
      assert.match(await counter(panel), /^2 \//);
      await page.locator('[data-testid="scrubber"]').focus();
      await page.keyboard.press('ArrowRight');
      assert.match(await counter(panel), /^3 \//);
      await page.keyboard.press('End');
      const [last, total] = (await counter(panel)).split(' / ');
      assert.equal(last, total);
      assert.match(await panel.text('[data-testid="announcer"]'), new RegExp(`^Step ${total} of ${total}, t = `));
      await page.keyboard.press('Home');
      assert.match(await counter(panel), /^1 \//);

      // A lane: Enter goes to its next change and reveals the container, Shift+Enter goes back.
      await page.locator('[data-testid="lane"][data-container="myapp-container"] .lane-track').focus();
      await page.keyboard.press('Enter');
      const atChange = await counter(panel);
      assert.notEqual(atChange, '1 / 1');
      assert.doesNotMatch(atChange, /^1 \//);
      assert.equal((await panel.posted()).filter((m) => m.type === 'reveal').length, 1);
      await page.keyboard.press('Enter');
      const later = Number((await counter(panel)).split(' / ')[0]);
      assert.ok(later > Number(atChange.split(' / ')[0]), 'Enter again goes to a later change');
      await page.keyboard.press('Shift+Enter');
      assert.equal(await counter(panel), atChange);

      // Events: one Tab stop, arrows between rows, Enter goes to the row's step and reveals it.
      const rows = page.locator('[data-testid="event-row"]');
      await rows.nth(0).focus();
      await page.keyboard.press('ArrowDown');
      await page.keyboard.press('ArrowDown');
      assert.equal(await rows.nth(2).evaluate((el) => el === document.activeElement), true);
      await page.keyboard.press('Enter');
      const step = Number(await rows.nth(2).getAttribute('data-step'));
      assert.equal(await counter(panel).then((c) => Number(c.split(' / ')[0]) - 1), step);
      assert.equal((await panel.posted()).filter((m) => m.type === 'reveal').length, 4);

      // A what-if with the keyboard: the run mode select, then Reset from the banner.
      const mode = page.locator('[data-field="containers.myapp-container.runs[0].mode"]');
      await mode.focus();
      await page.keyboard.press('ArrowUp');
      await page.locator('[data-testid="what-if-banner"]').waitFor();
      await page.locator('[data-testid="what-if-reset"]').focus();
      await page.keyboard.press('Enter');
      await page.locator('[data-testid="what-if-banner"]').waitFor({ state: 'hidden' });

      // Sections open and close from the keyboard.
      const events = page.locator('details.section[data-section="events"] > summary');
      await events.focus();
      await page.keyboard.press('Enter');
      assert.equal(await page.locator('details.section[data-section="events"]').evaluate((d) => d.open), false);
      await page.keyboard.press('Space');
      assert.equal(await page.locator('details.section[data-section="events"]').evaluate((d) => d.open), true);
    });
  });
});

describe('what-if state', () => {
  it('shows a banner, says "with what-if" in the header, reports it to the host, and resets', async () => {
    await withPanel({}, async (panel) => {
      await panel.showDocument(example('readiness-probe.yaml'));
      const page = panel.page;
      const headline = await panel.text('[data-testid="prediction"]');
      assert.equal(await page.locator('[data-testid="what-if-banner"]').isVisible(), false);
      assert.equal(await page.locator('[data-testid="prediction-what-if"]').isVisible(), false);
      const name = await page.locator('[data-testid="lane-label"]').first().getAttribute('data-container');
      await page.selectOption(`[data-field="containers.${name}.runs[0].mode"]`, 'exit');
      await panel.waitForText('[data-testid="what-if-count"]', 'What-if: 1 assumption changed');
      assert.equal(await panel.text('[data-testid="prediction-what-if"]'), ' (with what-if)');
      const whatIfHeadline = await panel.text('[data-testid="prediction"]');
      assert.notEqual(whatIfHeadline, headline);
      const reports = () => panel.posted().then((p) => p.filter((m) => m.type === 'whatIf'));
      assert.deepEqual((await reports()).at(-1), {
        type: 'whatIf',
        uri: 'file:///work/pod.yaml',
        documentIndex: 0,
        changed: 1,
        headline: whatIfHeadline,
      });
      await page.locator('[data-testid="what-if-reset"]').click();
      await page.locator('[data-testid="what-if-banner"]').waitFor({ state: 'hidden' });
      assert.equal(await panel.text('[data-testid="prediction"]'), headline);
      assert.equal((await reports()).at(-1).changed, 0);
    });
  });
});

describe('the lock', () => {
  it('is saved for a reload, also when it comes before the first document', async () => {
    await withPanel({}, async (panel) => {
      await panel.send({ type: 'panel', locked: true });
      await panel.showDocument(example('crashloop.yaml'));
      assert.equal((await panel.savedState((s) => s?.text !== undefined)).locked, true);
      await panel.send({ type: 'panel', locked: false });
      assert.equal((await panel.savedState((s) => s?.locked === false)).locked, false);
    });
  });
});

describe('the step time', () => {
  it('is shown once, and its ⁺ has a tooltip and a legend entry', async () => {
    await withPanel({}, async (panel) => {
      await panel.showDocument(example('crashloop.yaml'));
      const page = panel.page;
      for (let i = 0; i < 40; i++) {
        if (await page.locator('[data-testid="pod-time"] .after-mark').count()) break;
        await page.locator('[data-testid="step-next"]').click();
      }
      const mark = page.locator('[data-testid="pod-time"] .after-mark');
      assert.equal(await mark.textContent(), '⁺');
      assert.match(await mark.getAttribute('title'), /right after this instant/);
      const legend = page.locator('.legend .legend-after');
      assert.match(await legend.textContent(), /^t⁺right after that instant/);
      const shown = await page.evaluate(
        () => [...document.querySelectorAll('body *')].filter((e) => /^t = /.test(e.textContent ?? '')).length,
      );
      assert.equal(shown, 1, 'one element shows the time');
    });
  });
});

describe('narrow panels and long names', () => {
  it('keeps the From column and the full container name below 560 px', async () => {
    const long = 'a-container-with-a-very-long-name-that-does-not-fit-the-label-column';
    const text = example('crashloop.yaml').replace('- name: app', `- name: ${long}`);
    await withPanel({ width: 480, height: 900 }, async (panel) => {
      await panel.showDocument(text);
      const page = panel.page;
      const from = page.locator('[data-testid="event-row"] .col-from').first();
      assert.ok(await from.isVisible(), 'From is shown');
      assert.equal(await from.textContent(), 'default-scheduler');
      const box = await from.boundingBox();
      assert.ok(box && box.width > 40, `From has room (${box?.width} px)`);
      const label = page.locator('[data-testid="lane-label"]');
      assert.match(await label.getAttribute('title'), new RegExp(long));
      assert.match(await page.locator('.lane-track').getAttribute('aria-label'), new RegExp(`^${long}: `));
      await panel.screenshot('a11y-narrow-480.png');
    });
  });
});

describe('axe-core', () => {
  for (const theme of ['dark', 'light', 'hc', 'hcLight']) {
    it(`finds no serious or critical violation in ${theme}`, async () => {
      await withPanel({ theme, width: 900 }, async (panel) => {
        await panel.showDocument(example('init-containers.yaml'));
        await panel.page.selectOption('[data-field="containers.myapp-container.runs[0].mode"]', 'exit');
        await panel.page.locator('[data-testid="what-if-banner"]').waitFor();
        assert.deepEqual(await axeViolations(panel.page), []);
        await panel.screenshot(`a11y-${theme}.png`);
      });
    });
  }
});
