// Writes docs/rules/README.md from the rule registry (scripts/gen/ruleIndex.ts). test/docs/ruleIndex.test.ts fails
// when the committed index is out of date: run `npm run gen:rules` (node scripts/gen/gen-rule-index.mjs) after adding
// a rule.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import * as esbuild from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const out = path.join(os.tmpdir(), `podlens-rule-index-${process.pid}.mjs`);
await esbuild.build({
  entryPoints: [path.join(root, 'scripts/gen/ruleIndex.ts')],
  outfile: out,
  bundle: true,
  format: 'esm',
  platform: 'neutral',
  mainFields: ['module', 'main'],
  logLevel: 'warning',
});
const { renderRuleIndex } = await import(pathToFileURL(out).href);
fs.rmSync(out, { force: true });
fs.writeFileSync(path.join(root, 'docs/rules/README.md'), renderRuleIndex());
console.log('wrote docs/rules/README.md');
