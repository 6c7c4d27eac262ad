// Loads the built lifecycle webview (dist/webview.js + css + codicons) into Debian's Chromium through the exact HTML
// and Content-Security-Policy the extension host serves (client/src/panelHtml.ts), with a stub of
// acquireVsCodeApi that records posted messages and holds the persisted state. Files are served from a fake
// https origin that plays the role of `webview.cspSource`.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before } from 'node:test';
import { fileURLToPath, pathToFileURL } from 'node:url';
import * as esbuild from 'esbuild';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS } from '../../../helpers/chromium.mjs';
import { THEMES } from './themes.mjs';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');
export const OUTPUT = path.join(ROOT, 'test/output/webview');
const DIST = path.join(ROOT, 'dist');
const ORIGIN = 'https://podlens.test';
const CHROMIUM = process.env.PODLENS_CHROMIUM ?? '/usr/bin/chromium';

export { CHROMIUM_ARGS };

/** The host's HTML builder, bundled from TypeScript so the test page is the page VS Code shows. */
async function loadPanelHtml() {
  const out = path.join(os.tmpdir(), `podlens-panelHtml-${process.pid}.mjs`);
  await esbuild.build({
    entryPoints: [path.join(ROOT, 'client/src/panelHtml.ts')],
    outfile: out,
    bundle: true,
    format: 'esm',
    platform: 'neutral',
    logLevel: 'warning',
  });
  const mod = await import(pathToFileURL(out).href);
  fs.rmSync(out, { force: true });
  return mod;
}

const CONTENT_TYPES = { '.js': 'text/javascript', '.css': 'text/css', '.ttf': 'font/ttf', '.map': 'application/json' };

/** Runs in the page before any of its scripts: theme variables, the VS Code API stub, CSP and error capture. */
function initScript({ theme, state }) {
  window.__posted = [];
  window.__state = state ?? undefined;
  window.__stateWrites = 0;
  window.__errors = [];
  window.__alerts = 0;
  window.alert = () => {
    window.__alerts++;
  };
  document.addEventListener('securitypolicyviolation', (e) => {
    window.__errors.push(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`);
  });
  window.addEventListener('error', (e) => window.__errors.push(`error: ${e.message}`));
  let acquired = false;
  window.acquireVsCodeApi = () => {
    if (acquired) throw new Error('acquireVsCodeApi called twice');
    acquired = true;
    return {
      postMessage: (m) => window.__posted.push(JSON.parse(JSON.stringify(m))),
      getState: () => window.__state,
      setState: (s) => {
        window.__state = JSON.parse(JSON.stringify(s));
        window.__stateWrites++;
        return s;
      },
    };
  };
  const apply = () => {
    for (const [k, v] of Object.entries(theme.vars)) document.documentElement.style.setProperty(`--vscode-${k}`, v);
    document.body?.classList.add(theme.kind);
  };
  if (document.body) apply();
  else document.addEventListener('DOMContentLoaded', apply);
}

/** One Chromium (fresh temp profile) serving the panel; each test opens its own page with `open`. */
export class Browser {
  static async launch() {
    const { panelHtml, makeNonce } = await loadPanelHtml();
    const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'podlens-chromium-'));
    const context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      args: CHROMIUM_ARGS,
      deviceScaleFactor: 1,
    });
    const html = () =>
      panelHtml({
        cspSource: ORIGIN,
        nonce: makeNonce((bytes) => globalThis.crypto.getRandomValues(bytes)),
        scriptUri: `${ORIGIN}/dist/webview.js`,
        styleUri: `${ORIGIN}/dist/webview.css`,
        codiconUri: `${ORIGIN}/dist/codicon.css`,
      });
    await context.route(`${ORIGIN}/**`, async (route) => {
      const url = new URL(route.request().url());
      if (url.pathname === '/index.html') return route.fulfill({ status: 200, contentType: 'text/html', body: html() });
      const file = path.join(DIST, path.basename(url.pathname));
      if (!url.pathname.startsWith('/dist/') || !fs.existsSync(file)) return route.fulfill({ status: 404, body: '' });
      return route.fulfill({
        status: 200,
        contentType: CONTENT_TYPES[path.extname(file)] ?? 'application/octet-stream',
        body: fs.readFileSync(file),
      });
    });
    return new Browser(context, profile);
  }

  constructor(context, profile) {
    this.context = context;
    this.profile = profile;
  }

  /**
   * A new panel page: the webview loaded with the given theme, viewport and persisted state.
   * @param {{ theme?: keyof typeof THEMES, width?: number, height?: number, state?: unknown }} [options]
   */
  async open(options = {}) {
    const page = await this.context.newPage();
    await page.setViewportSize({ width: options.width ?? 900, height: options.height ?? 1100 });
    const panel = new Panel(page);
    page.on('console', (m) => {
      if (m.type() === 'error') panel.consoleErrors.push(m.text());
    });
    page.on('pageerror', (e) => panel.consoleErrors.push(e.message));
    await page.addInitScript(initScript, { theme: THEMES[options.theme ?? 'dark'], state: options.state });
    await page.goto(`${ORIGIN}/index.html`);
    await page.waitForSelector('body[data-podlens="ready"]', { state: 'attached' });
    return panel;
  }

  async close() {
    await this.context.close();
    fs.rmSync(this.profile, { recursive: true, force: true });
  }
}

/**
 * For a node:test file: one Browser launched before its tests and closed after them. Returns `withPanel`, which
 * opens a panel, runs `fn`, asserts the page raised no error or CSP violation, and closes the panel.
 */
export function browserForFile() {
  let browser;
  before(async () => {
    browser = await Browser.launch();
  });
  after(async () => {
    await browser?.close();
  });
  return async function withPanel(options, fn) {
    const panel = await browser.open(options);
    try {
      await fn(panel);
      assert.deepEqual(await panel.errors(), [], 'no page errors or CSP violations');
    } finally {
      await panel.close();
    }
  };
}

export class Panel {
  constructor(page) {
    this.page = page;
    this.consoleErrors = [];
  }

  /** Posts a host → webview message, as the extension host does. */
  async send(message) {
    await this.page.evaluate((m) => window.postMessage(m, '*'), message);
  }

  /** Sends a manifest as the `document` message and waits for the STATUS cell. */
  async showDocument(text, extra = {}) {
    await this.send({
      type: 'document',
      uri: 'file:///work/pod.yaml',
      fileName: 'pod.yaml',
      version: 1,
      text,
      cursorLine: null,
      documentIndex: null,
      until: 900,
      // The host always says which cluster the panel simulates (podlens.kubernetesVersion, newest by default).
      target: { minor: 36, featureGates: {} },
      ...extra,
    });
    await this.page.locator('[data-testid="pod-status"]').waitFor();
  }

  posted() {
    return this.page.evaluate(() => window.__posted);
  }

  /** The persisted state once `predicate` holds for it; waits for each setState (the panel coalesces them). */
  async savedState(predicate = (s) => s !== undefined) {
    for (;;) {
      const { state, writes } = await this.page.evaluate(() => ({
        state: window.__state,
        writes: window.__stateWrites,
      }));
      if (predicate(state)) return state;
      await this.page.waitForFunction((n) => window.__stateWrites > n, writes, { timeout: 5000 });
    }
  }

  /** Errors the page raised (CSP violations, exceptions, console errors): a test expects none. */
  async errors() {
    const inPage = await this.page.evaluate(() => window.__errors);
    return [...inPage, ...this.consoleErrors];
  }

  text(selector) {
    return this.page.locator(selector).first().textContent();
  }

  status() {
    return this.page.locator('[data-testid="pod-status"]').textContent();
  }

  /** Waits until `selector`'s text satisfies `test` (a string or a RegExp). */
  async waitForText(selector, test, timeout = 5000) {
    await this.page.waitForFunction(
      ([sel, source, flags, exact]) => {
        const text = document.querySelector(sel)?.textContent ?? '';
        return exact === null ? new RegExp(source, flags).test(text) : text === exact;
      },
      typeof test === 'string' ? [selector, '', '', test] : [selector, test.source, test.flags, null],
      { timeout },
    );
  }

  /** Clicks "next" until STATUS reads `status` (at most `max` clicks); returns the STATUS values seen. */
  async stepUntilStatus(status, max = 80) {
    const seen = [await this.status()];
    for (let i = 0; i < max && seen[seen.length - 1] !== status; i++) {
      const next = this.page.locator('[data-testid="step-next"]');
      if (await next.isDisabled()) break;
      await next.click();
      const now = await this.status();
      if (now !== seen[seen.length - 1]) seen.push(now);
    }
    return seen;
  }

  /**
   * A full-page screenshot. Chromium's beyond-the-viewport capture does not re-evaluate `content-visibility:
   * auto`, so rows the panel skips while off screen are made visible first, as a user scrolling would see them.
   */
  async screenshot(name) {
    fs.mkdirSync(OUTPUT, { recursive: true });
    await this.page.evaluate(() => {
      for (const el of document.querySelectorAll('.event-row, details.facts')) el.style.contentVisibility = 'visible';
    });
    await this.page.screenshot({ path: path.join(OUTPUT, name), fullPage: true });
  }

  async close() {
    await this.page.close();
  }
}

export function example(name) {
  return fs.readFileSync(path.join(ROOT, 'examples', name), 'utf8');
}
