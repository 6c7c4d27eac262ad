// Renders the extension icon (client/media/icon.png, 128x128 PNG as the Marketplace wants) from the SVG below
// with Debian's chromium through playwright-core. The SVG here is the source; re-run after editing it:
//   node scripts/gen/gen-icon.mjs [--svg out.svg]
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const OUT = path.join(ROOT, 'client/media/icon.png');

// A pod (hexagon, the Kubernetes shape) holding three container lanes of a lifecycle timeline, seen through a lens.
const SVG = `<svg xmlns="http://www.w3.org/2000/svg" width="128" height="128" viewBox="0 0 128 128">
  <defs>
    <linearGradient id="bg" x1="0" y1="0" x2="0" y2="1">
      <stop offset="0" stop-color="#27405f"/><stop offset="1" stop-color="#1e2a3a"/>
    </linearGradient>
    <clipPath id="hex"><path d="M60 12 L101 35.5 L101 82.5 L60 106 L19 82.5 L19 35.5 Z"/></clipPath>
  </defs>
  <rect x="2" y="2" width="124" height="124" rx="24" fill="url(#bg)"/>
  <path d="M60 12 L101 35.5 L101 82.5 L60 106 L19 82.5 L19 35.5 Z" fill="#326ce5" fill-opacity="0.22"
        stroke="#6ea2ff" stroke-width="5" stroke-linejoin="round"/>
  <g clip-path="url(#hex)" stroke-linecap="round" stroke-width="9">
    <line x1="31" y1="43" x2="52" y2="43" stroke="#9aa7b8"/>
    <line x1="58" y1="43" x2="70" y2="43" stroke="#4fc27a"/>
    <line x1="40" y1="59" x2="62" y2="59" stroke="#e8b64c"/>
    <line x1="68" y1="59" x2="89" y2="59" stroke="#4fc27a"/>
    <line x1="46" y1="75" x2="84" y2="75" stroke="#4fc27a"/>
  </g>
  <circle cx="84" cy="84" r="20" fill="#1e2a3a" fill-opacity="0.55" stroke="#ffffff" stroke-width="6"/>
  <line x1="98.5" y1="98.5" x2="114" y2="114" stroke="#ffffff" stroke-width="10" stroke-linecap="round"/>
  <path d="M79 75 L93 84 L79 93 Z" fill="#ffffff"/>
</svg>`;

const svgArg = process.argv.indexOf('--svg');
if (svgArg > 0) fs.writeFileSync(process.argv[svgArg + 1], SVG);

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'podlens-icon-'));
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu'],
  env: { ...process.env, XDG_CONFIG_HOME: tmp, XDG_CACHE_HOME: tmp }, // Debian chromium's crash-report dir
});
try {
  const page = await browser.newPage({ viewport: { width: 128, height: 128 }, deviceScaleFactor: 1 });
  await page.setContent(`<html><body style="margin:0;background:transparent">${SVG}</body></html>`);
  fs.mkdirSync(path.dirname(OUT), { recursive: true });
  await page.locator('svg').screenshot({ path: OUT, omitBackground: true });
  console.log(`wrote ${path.relative(ROOT, OUT)} (${fs.statSync(OUT).size} bytes)`);
} finally {
  await browser.close();
  fs.rmSync(tmp, { recursive: true, force: true });
}
