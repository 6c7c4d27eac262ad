// `npm run fuzz -- --runs N --seed S`: a long run of the core fuzz (test/reliability/fuzz), which CI runs short.
// Prints the runs, the seed, every problem with its run number and the slowest call; exits 1 on any problem.
// Reproduce run R of seed S with sampleJob(S, R) from test/reliability/fuzz/campaign.ts.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import * as esbuild from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { values } = parseArgs({
  options: { runs: { type: 'string', default: '1000' }, seed: { type: 'string', default: String(Date.now() % 1e9) } },
});
const runs = Number(values.runs);
const seed = Number(values.seed);
if (!Number.isInteger(runs) || runs < 1 || !Number.isInteger(seed)) {
  console.error('usage: npm run fuzz -- --runs <positive integer> --seed <integer>');
  process.exit(2);
}

// Bundled under the ignored .cache/ so that esbuild, left external, resolves from the repository's node_modules.
const out = path.join(root, '.cache/fuzz', `campaign-${process.pid}.mjs`);
await esbuild.build({
  entryPoints: [path.join(root, 'test/reliability/fuzz/campaign.ts')],
  outfile: out,
  bundle: true,
  platform: 'node',
  format: 'esm',
  external: ['esbuild'],
  banner: { js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);" },
  logLevel: 'warning',
});
const { runCampaign } = await import(pathToFileURL(out).href);
fs.rmSync(out, { force: true });

const started = Date.now();
const result = await runCampaign({
  seed,
  runs,
  sourceDir: path.join(root, 'test/reliability/fuzz'),
  onProblem: (p) => console.error(`  problem at run ${p.run}: ${p.problems[0]?.split('\n')[0]}`),
  onProgress: (r) =>
    console.error(`  ${r.runs} runs, ${r.problems.length} problem(s), ${Math.round((Date.now() - started) / 1000)} s`),
});
const slowest = result.slowest;
console.log(`seed ${result.seed}: ${result.runs} runs, ${result.problems.length} problem(s)`);
console.log(`slowest call: ${slowest.what} at run ${slowest.run}, ${Math.round(slowest.ms)} ms`);
for (const p of result.problems) {
  console.log(`run ${p.run} (${p.bytes} chars):`);
  for (const line of p.problems.slice(0, 5)) console.log(`  ${line.split('\n').slice(0, 6).join('\n    ')}`);
}
process.exit(result.problems.length > 0 ? 1 : 0);
