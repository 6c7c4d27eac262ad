// biome-ignore-all lint/performance/useDomNodeTextContent: playwright Locator.innerText() calls (rendered text)
// Coexistence end-to-end: podlens next to a stand-in for Red Hat YAML (fixtures/stand-in-vscode-yaml: publisher
// `redhat`, name `vscode-yaml`, its schema settings, no code) with `yaml.schemas: { kubernetes: "*.yaml" }`, in
// code-server, for each `podlens.coexistence` value:
//   auto     the one-time offer appears; podlens publishes latest-tag but leaves unknown-field to Red Hat YAML
//   both     (clicked in the offer) the setting is written and unknown-field comes back
//   podlens  (user settings.json changed, window reloaded) the new server logs the mode at start; unknown-field stays
//   auto     (set again, reloaded) unknown-field goes away again, and the offer is not made again
// Screenshots: test/output/e2e/coexistence-*.png (docs/images/coexistence.png is the first one).
//   node test/e2e/coexistence.mjs      (after npm run package; exit 1 when a step fails)
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import {
  codeServerArgs,
  codeServerEntry,
  createStepRunner,
  installExtension,
  launchChromium,
  log,
  makeRunDirs,
  node24,
  OUTPUT,
  ROOT,
  removeRunDirs,
  saveLogs,
  startCodeServer,
  VSIX,
  waitUntil,
} from './lib.mjs';

const STAND_IN = path.join(ROOT, 'test/e2e/fixtures/stand-in-vscode-yaml');
const OFFER = /Red Hat YAML checks Kubernetes manifests/;

fs.mkdirSync(OUTPUT, { recursive: true });
const d = makeRunDirs('coexistence');
fs.cpSync(path.join(ROOT, 'test/e2e/fixtures/coexistence'), d.ws, { recursive: true });
const userSettings = path.join(d.ud, 'User', 'settings.json');

const readUserSettings = () => JSON.parse(fs.readFileSync(userSettings, 'utf8'));
fs.writeFileSync(
  userSettings,
  JSON.stringify({
    ...readUserSettings(),
    'yaml.schemas': { kubernetes: '*.yaml' },
  }),
);

/** The stand-in packed as a .vsix with vsce (offline), so it installs exactly like a marketplace download. */
function packStandIn() {
  const src = path.join(d.base, 'stand-in');
  fs.cpSync(STAND_IN, src, { recursive: true });
  const out = path.join(d.base, 'stand-in.vsix');
  const vsce = path.join(ROOT, 'node_modules/@vscode/vsce/vsce');
  const args = ['package', '--no-dependencies', '--allow-missing-repository', '--skip-license', '-o', out];
  execFileSync(node24(), [vsce, ...args], { cwd: src, stdio: 'pipe' });
  return out;
}

function installStandIn(vsix) {
  const out = execFileSync(node24(), [codeServerEntry(), ...codeServerArgs(d), '--install-extension', vsix], {
    encoding: 'utf8',
    env: { ...process.env, XDG_CONFIG_HOME: path.join(d.xdg, 'config'), XDG_DATA_HOME: path.join(d.xdg, 'data') },
  });
  if (!/successfully installed/i.test(out)) throw new Error(`stand-in install failed: ${out}`);
  log(out.trim().split('\n').pop());
}

/** Everything the podlens Output channel (a log channel) has written to disk so far. */
function podlensLog() {
  const files = fs.readdirSync(d.ud, { recursive: true }).filter((f) => /(^|\/)podlens\.log$/.test(String(f)));
  return files.map((f) => fs.readFileSync(path.join(d.ud, String(f)), 'utf8')).join('\n');
}

let server;
let context;
let page;
const { step, results } = createStepRunner({ page: () => page, shots: OUTPUT });
const shot = async (name) => {
  await page.screenshot({ path: path.join(OUTPUT, name) });
  log(`  screenshot ${name}`);
};

/** Runs a command from the palette (F1), waiting for each widget before typing into it. */
async function command(title) {
  await page.keyboard.press('F1');
  await page.locator('.quick-input-widget').waitFor({ state: 'visible' });
  await page.keyboard.type(title);
  await page.locator('.quick-input-widget .monaco-list-row.focused', { hasText: title }).waitFor();
  await page.keyboard.press('Enter');
  await page.locator('.quick-input-widget').waitFor({ state: 'hidden' });
}

/** The rows of the Problems view, opened through its focus command so the toggle state does not matter. */
async function problems() {
  const view = page.locator('.markers-panel');
  if (!(await view.first().isVisible())) {
    await command('View: Focus Problems');
  }
  return (await view.locator('.monaco-list-row').allInnerTexts()).map((s) => s.replace(/\s+/g, ' ').trim());
}

const hasRule = (rows, rule) => rows.some((r) => r.includes(rule));

/**
 * The offer with its buttons: its toast, or, once VS Code has hidden the toast (info toasts hide after a while),
 * the same notification in the notification center.
 */
async function shownOffer() {
  const toast = page.locator('.notification-toast', { hasText: OFFER });
  if (await toast.isVisible()) return toast;
  await command('Notifications: Show Notifications');
  const entry = page.locator('.notifications-center .monaco-list-row', { hasText: OFFER });
  await entry.waitFor();
  return entry;
}

/** The podlens servers started so far, as their start lines in the podlens Output channel. */
const startLines = () => podlensLog().match(/^.*podlens \S+ started .*$/gm) ?? [];

/**
 * Sets podlens.coexistence in the user settings.json and reloads the window, which reads the file afresh (an edit
 * on disk alone was not picked up within 30 s in our runs, and typing into the JSON editor was flaky); resolves once the
 * new server has started with it.
 */
async function setCoexistence(mode) {
  const started = startLines().length;
  fs.writeFileSync(userSettings, JSON.stringify({ ...readUserSettings(), 'podlens.coexistence': mode }, null, 2));
  await page.keyboard.press('Escape');
  await command('Developer: Reload Window');
  await page.locator('.tabs-container .tab.active', { hasText: 'pod.yaml' }).waitFor();
  return waitUntil(
    () => {
      const lines = startLines();
      return lines.length > started && lines.at(-1).includes(`coexistence="${mode}"`) ? lines.at(-1) : undefined;
    },
    { timeout: 60000, what: `a podlens server started with coexistence="${mode}"` },
  );
}

/** Waits until the Problems view shows latest-tag and shows (or not) unknown-field. */
async function expectUnknownField(shown) {
  return waitUntil(
    async () => {
      const rows = await problems();
      return hasRule(rows, 'latest-tag') && hasRule(rows, 'unknown-field') === shown ? rows : undefined;
    },
    { timeout: 30000, what: `latest-tag with${shown ? '' : 'out'} unknown-field in Problems` },
  );
}

try {
  const standIn = packStandIn();
  installExtension(d, VSIX);
  installStandIn(standIn);
  server = await startCodeServer(d, { folder: d.ws });
  context = await launchChromium(d);
  page = context.pages()[0] ?? (await context.newPage());
  page.setDefaultTimeout(30000);

  await step('coexistence-auto-offer', async () => {
    await page.goto(`${server.url}/?folder=${encodeURIComponent(d.ws)}`);
    await page.locator('.explorer-folders-view .monaco-list-row', { hasText: 'pod.yaml' }).click();
    await page.locator('.tabs-container .tab.active', { hasText: 'pod.yaml' }).waitFor();
    await page.locator('.notification-toast', { hasText: OFFER }).waitFor();
    const rows = await expectUnknownField(false);
    log(`  problems: ${rows.join(' | ')}`);
    await waitUntil(() => /coexistence auto: Red Hat YAML's Kubernetes schema is active/.test(podlensLog()), {
      what: 'the coexistence line in the podlens Output channel',
    });
    const offer = await shownOffer();
    for (const title of ['Use podlens for everything', 'Keep both', 'Let Red Hat YAML handle schema'])
      await offer.locator('.monaco-button', { hasText: title }).waitFor();
    await shot('coexistence-1-auto.png');
  });

  await step('coexistence-both', { needs: ['coexistence-auto-offer'] }, async () => {
    await (await shownOffer()).locator('.monaco-button', { hasText: 'Keep both' }).click();
    await waitUntil(() => readUserSettings()['podlens.coexistence'] === 'both', {
      what: 'podlens.coexistence: both in the user settings',
    });
    log(`  problems: ${(await expectUnknownField(true)).join(' | ')}`);
    await shot('coexistence-2-both.png');
  });

  await step('coexistence-podlens', { needs: ['coexistence-both'] }, async () => {
    const started = await setCoexistence('podlens');
    if (!started.includes('coexistence podlens: podlens provides every feature'))
      throw new Error(`unexpected start line: ${started}`);
    log(`  problems: ${(await expectUnknownField(true)).join(' | ')}`);
    await shot('coexistence-3-podlens.png');
  });

  await step('coexistence-auto-again', { needs: ['coexistence-podlens'] }, async () => {
    const started = await setCoexistence('auto');
    if (!started.includes("coexistence auto: Red Hat YAML's Kubernetes schema is active"))
      log(`  started before the stand-in was seen (a settings change line follows): ${started.slice(-120)}`);
    log(`  problems: ${(await expectUnknownField(false)).join(' | ')}`);
    if (await page.locator('.notification-toast, .notifications-center', { hasText: OFFER }).count())
      throw new Error('the coexistence offer came back: it is made once');
  });
} catch (e) {
  results.push({ name: 'harness', status: 'fail', error: String(e?.message || e) });
  log(`FAIL harness: ${e?.stack || e}`);
  if (page) await page.screenshot({ path: path.join(OUTPUT, 'FAIL-coexistence-harness.png') }).catch(() => {});
} finally {
  await context?.close().catch(() => {});
  await server?.stop();
  saveLogs(d, 'coexistence');
  removeRunDirs(d);
  const failed = results.filter((r) => r.status === 'fail');
  fs.writeFileSync(
    path.join(OUTPUT, 'coexistence-result.json'),
    JSON.stringify({ ok: !failed.length, results }, null, 2),
  );
  log(
    `coexistence suite: ${failed.length ? 'FAIL' : 'PASS'} — ${results.length - failed.length} passed, ${failed.length} failed`,
  );
  for (const f of failed) log(`  FAILED:  ${f.name}: ${f.error}`);
  process.exitCode = failed.length ? 1 : 0;
}
