// Regenerates the README's images in docs/images/: a stepped demo of the lifecycle panel (rendered here, in
// Debian's Chromium, through the same harness the webview tests use) and crops of the real-VS-Code screenshots
// the e2e suite saves in test/output/e2e/ (run `npm run test:e2e` first for those).
//   node scripts/gen/gen-readme-images.mjs
import fs from 'node:fs';
import path from 'node:path';
import { Browser, example, ROOT } from '../../test/client/webview/browser/harness.mjs';

const OUT = path.join(ROOT, 'docs/images');
const E2E = path.join(ROOT, 'test/output/e2e');
fs.mkdirSync(OUT, { recursive: true });

const dataUrl = (file) => `data:image/png;base64,${fs.readFileSync(file).toString('base64')}`;

/** Lays PNG frames out on one page (with captions) and screenshots it: no image library needed. */
async function compose(browser, frames, columns, out, width) {
  const page = await browser.context.newPage();
  await page.setViewportSize({ width, height: 400 });
  const cells = frames
    .map((f) => `<figure><img src="${dataUrl(f.file)}"><figcaption>${f.caption}</figcaption></figure>`)
    .join('');
  await page.setContent(`<!doctype html><style>
    body { margin: 0; padding: 12px; background: #181818; font: 14px system-ui, sans-serif; color: #ccc; }
    main { display: grid; grid-template-columns: repeat(${columns}, 1fr); gap: 12px; }
    figure { margin: 0; } img { width: 100%; border: 1px solid #333; display: block; }
    figcaption { padding: 6px 2px; } b { color: #fff; }
  </style><main>${cells}</main>`);
  await page.waitForFunction(() => [...document.images].every((i) => i.complete));
  await page.screenshot({ path: out, fullPage: true });
  await page.close();
}

async function steppedPanel(browser) {
  const panel = await browser.open({ theme: 'dark', width: 760, height: 560 });
  await panel.showDocument(example('init-containers.yaml'), { fileName: 'init-containers.yaml' });
  const frames = [];
  const tmp = fs.mkdtempSync(path.join(ROOT, 'test/output/readme-'));
  for (const status of ['Init:0/2', 'Init:1/2', 'PodInitializing', 'Running']) {
    await panel.stepUntilStatus(status);
    const t = (await panel.text('[data-testid="pod-time"]'))?.trim();
    const file = path.join(tmp, `${frames.length}.png`);
    await panel.page.screenshot({ path: file, clip: { x: 0, y: 0, width: 760, height: 430 } });
    frames.push({ file, caption: `<b>${status}</b> · ${t}` });
  }
  await panel.close();
  await compose(browser, frames, 2, path.join(OUT, 'lifecycle-steps.png'), 1560);
  fs.rmSync(tmp, { recursive: true, force: true });
}

async function crashLoop(browser) {
  const panel = await browser.open({ theme: 'dark', width: 900, height: 520 });
  await panel.showDocument(example('crashloop.yaml'), { fileName: 'crashloop.yaml' });
  await panel.page.locator('[data-testid="step-last"]').click();
  await panel.page.screenshot({
    path: path.join(OUT, 'crashloop-panel.png'),
    clip: { x: 0, y: 0, width: 900, height: 400 },
  });
  await panel.close();
}

/** Editor-area crops of the e2e screenshots (1400x900 workbench), when they exist. */
async function workbenchCrops(browser) {
  const crops = {
    'hover.png': ['07-hover-effective-value.png', { x: 340, y: 60, width: 960, height: 520 }],
    'completion.png': ['08-completion.png', { x: 340, y: 60, width: 960, height: 520 }],
    'codelens-and-panel.png': ['12-panel-open.png', { x: 340, y: 40, width: 1060, height: 840 }],
  };
  for (const [out, [src, clip]] of Object.entries(crops)) {
    const file = path.join(E2E, src);
    if (!fs.existsSync(file)) {
      console.log(`skipped ${out}: ${path.relative(ROOT, file)} is missing (run npm run test:e2e)`);
      continue;
    }
    const page = await browser.context.newPage();
    await page.setViewportSize({ width: 1400, height: 900 });
    await page.setContent(`<body style="margin:0"><img src="${dataUrl(file)}">`);
    await page.waitForFunction(() => document.images[0]?.complete);
    await page.screenshot({ path: path.join(OUT, out), clip });
    await page.close();
  }
}

const browser = await Browser.launch();
try {
  await steppedPanel(browser);
  await crashLoop(browser);
  await workbenchCrops(browser);
} finally {
  await browser.close();
}
for (const f of fs.readdirSync(OUT))
  console.log(`docs/images/${f} ${(fs.statSync(path.join(OUT, f)).size / 1024).toFixed(0)} KiB`);
