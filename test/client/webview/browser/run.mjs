// `npm run test:webview`: builds the bundles, then runs the browser tests (node:test, one file at a time so a
// single Chromium per file stays within two cores). Chromium is Debian's /usr/bin/chromium (PODLENS_CHROMIUM
// overrides); without it the run fails with the apt command that installs it.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../../../..');
const chromium = process.env.PODLENS_CHROMIUM ?? '/usr/bin/chromium';
if (!fs.existsSync(chromium)) {
  console.error(`test:webview needs Chromium at ${chromium}: apt-get install -y --no-install-recommends chromium`);
  process.exit(1);
}

const build = spawnSync(process.execPath, ['esbuild.mjs'], { cwd: root, stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);

const only = process.argv.slice(2);
const files = fs
  .readdirSync(here)
  .filter((f) => f.endsWith('.test.mjs') && (only.length === 0 || only.some((o) => f.includes(o))))
  .sort()
  .map((f) => path.join(here, f));
const run = spawnSync(process.execPath, ['--test', '--test-concurrency=1', ...files], { cwd: root, stdio: 'inherit' });
process.exit(run.status ?? 1);
