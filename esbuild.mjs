// Builds the four bundles: extension client, language server, webview UI and CLI.
//   node esbuild.mjs [--production] [--watch]
// --production minifies and drops source maps; a size report from esbuild's metafile is printed either way.
import fs from 'node:fs';
import path from 'node:path';
import * as esbuild from 'esbuild';

const production = process.argv.includes('--production');
const version = JSON.parse(fs.readFileSync('package.json', 'utf8')).version;
const watch = process.argv.includes('--watch');
const outdir = 'dist';

// The `yaml` package's Node build reads process.env on every token it lexes; its browser build does not and
// is otherwise identical, so every bundle uses it (about 25% faster parsing in the server).
const yamlBrowser = path.resolve('node_modules/yaml/browser/index.js');

const common = {
  bundle: true,
  minify: production,
  sourcemap: production ? false : 'linked',
  metafile: true,
  logLevel: 'warning',
  legalComments: 'none',
  alias: { yaml: yamlBrowser },
  define: {
    'process.env.NODE_ENV': production ? '"production"' : '"development"',
    PODLENS_VERSION: JSON.stringify(version),
  },
};

// ESM dependencies bundled into CommonJS (fdir via tinyglobby) read import.meta.url; give them the file's URL.
const nodeCjs = {
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  define: { ...common.define, 'import.meta.url': '__podlens_import_meta_url' },
};
const importMetaBanner = "var __podlens_import_meta_url = require('url').pathToFileURL(__filename).href;";

const targets = [
  {
    name: 'client',
    entryPoints: ['client/src/extension.ts'],
    outfile: `${outdir}/client.js`,
    ...nodeCjs,
    banner: { js: importMetaBanner },
    external: ['vscode'],
  },
  {
    name: 'server',
    entryPoints: ['server/main.ts'],
    outfile: `${outdir}/server.js`,
    ...nodeCjs,
    banner: { js: `#!/usr/bin/env node\n${importMetaBanner}` },
  },
  {
    name: 'cli',
    entryPoints: ['server/cli/main.ts'],
    outfile: `${outdir}/cli.js`,
    ...nodeCjs,
    banner: { js: `#!/usr/bin/env node\n${importMetaBanner}` },
  },
  {
    name: 'webview',
    entryPoints: ['client/webview/main.ts'],
    outfile: `${outdir}/webview.js`,
    platform: 'browser',
    format: 'iife',
    target: 'es2022',
  },
];

/** Who contributes to a bundle: an npm package, or a folder of ours two levels deep (shared/k8s, server/cli). */
function inputGroup(file) {
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(file);
  return pkg ? pkg[1] : file.split('/').slice(0, 2).join('/');
}

function sizeReport(results) {
  const rows = [];
  for (const { name, metafile } of results) {
    for (const [file, out] of Object.entries(metafile.outputs)) {
      if (file.endsWith('.map')) continue;
      const groups = new Map();
      for (const [input, { bytesInOutput }] of Object.entries(out.inputs)) {
        const g = inputGroup(input);
        groups.set(g, (groups.get(g) ?? 0) + bytesInOutput);
      }
      const top = [...groups].sort((a, b) => b[1] - a[1]).slice(0, 5);
      rows.push({
        bundle: name,
        file,
        bytes: out.bytes,
        kb: (out.bytes / 1024).toFixed(1),
        top: top.map(([k, v]) => `${k} ${(v / 1024).toFixed(0)}k`).join(', '),
      });
    }
  }
  const w = Math.max(...rows.map((r) => r.file.length));
  console.log(`podlens bundles (${production ? 'production' : 'development'}):`);
  for (const r of rows) console.log(`  ${r.file.padEnd(w)}  ${r.kb.padStart(8)} KiB   ${r.top}`);
  fs.mkdirSync(outdir, { recursive: true });
  fs.writeFileSync(`${outdir}/sizes.json`, JSON.stringify(rows, null, 2));
}

/**
 * V8 keeps a script's source one byte per character only if every character is Latin-1: a single one above U+00FF
 * doubles the memory the source takes in every isolate that loads it (the server's main thread and each analysis
 * worker hold its 2 MB). esbuild escapes strings and identifiers to ASCII, but not regular expression literals.
 */
function assertOneByte(file) {
  const text = fs.readFileSync(file, 'utf8');
  const at = text.search(/[\u0100-\uffff]/);
  if (at < 0) return;
  const code = text.codePointAt(at).toString(16).toUpperCase().padStart(4, '0');
  const context = text.slice(Math.max(0, at - 40), at + 20);
  throw new Error(`${file}: U+${code} at offset ${at} (${JSON.stringify(context)}); write it as a \\u escape`);
}

async function copyAssets() {
  fs.mkdirSync(outdir, { recursive: true });
  fs.copyFileSync('client/webview/styles.css', `${outdir}/webview.css`);
  const codicons = 'node_modules/@vscode/codicons/dist';
  for (const f of ['codicon.css', 'codicon.ttf']) fs.copyFileSync(path.join(codicons, f), path.join(outdir, f));
}

if (watch) {
  const contexts = await Promise.all(targets.map(({ name, ...t }) => esbuild.context({ ...common, ...t })));
  await copyAssets();
  await Promise.all(contexts.map((c) => c.watch()));
  console.log('[watch] build started; rebuilding on change');
} else {
  const results = await Promise.all(
    targets.map(async ({ name, ...t }) => ({ name, ...(await esbuild.build({ ...common, ...t })) })),
  );
  await copyAssets();
  for (const f of ['server.js', 'cli.js']) fs.chmodSync(path.join(outdir, f), 0o755);
  for (const t of targets) assertOneByte(t.outfile);
  sizeReport(results);
}
