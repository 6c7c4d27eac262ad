// Compiles the extension-host mocha suite (test/e2e/suite/*.ts) to CommonJS in .e2e/suite/ with esbuild:
// one file per test file (mocha.addFile) + index.js; `vscode` and `mocha` stay external (provided at run time).
import fs from 'node:fs';
import path from 'node:path';
import * as esbuild from 'esbuild';
import { ROOT, SUITE_BUILD } from './lib.mjs';

const src = path.join(ROOT, 'test/e2e/suite');
const entryPoints = fs
  .readdirSync(src)
  .filter((f) => f === 'index.ts' || f.endsWith('.test.ts'))
  .map((f) => path.join(src, f));
fs.rmSync(SUITE_BUILD, { recursive: true, force: true });
await esbuild.build({
  entryPoints,
  outdir: SUITE_BUILD,
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  sourcemap: 'inline',
  external: ['vscode', 'mocha'],
  logLevel: 'warning',
});
console.log(`[e2e] suite compiled: ${entryPoints.length} files -> ${path.relative(ROOT, SUITE_BUILD)}/`);
