// One extension activation in a fresh Node process, as VS Code's "Running Extensions" view times it:
//   load      require('dist/client.js')                       (codeLoadingTime)
//   call      activate(context) until it returns its promise  (activateCallTime)
//   resolved  until that promise settles                      (activateResolvedTime: here the real
//             vscode-languageclient start: it forks dist/server.js over IPC and completes `initialize`)
//   total     load + call + resolved: the activation time users see.
// `vscode` is a stub (fake-vscode.cjs); nothing else is stubbed. Prints one JSON line; then deactivates and makes
// sure the server it started is gone.
//   node scripts/bench/activation.mjs --root <dir with dist/client.js and dist/server.js> [--verbose]
import fs from 'node:fs';
import Module, { createRequire } from 'node:module';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';

const require = createRequire(import.meta.url);
const { values: args } = parseArgs({ options: { root: { type: 'string' }, verbose: { type: 'boolean' } } });
const root = path.resolve(args.root);
const pkg = JSON.parse(fs.readFileSync(new URL('../../package.json', import.meta.url), 'utf8'));
const defaults = Object.fromEntries(
  Object.entries(pkg.contributes?.configuration?.properties ?? {}).map(([k, v]) => [k, v.default]),
);
const { create, fallbacks } = require('./fake-vscode.cjs');
const vscode = create({ defaults, verbose: args.verbose });
const load = Module._load;
Module._load = function (request, ...rest) {
  return request === 'vscode' ? vscode : load.call(this, request, ...rest);
};

function children() {
  const out = [];
  for (const d of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${d}/stat`, 'utf8');
      if (Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) === process.pid) out.push(Number(d));
    } catch {}
  }
  return out;
}

const memento = () => {
  const m = new Map();
  return {
    get: (k, d) => (m.has(k) ? m.get(k) : d),
    update: async (k, v) => void m.set(k, v),
    keys: () => [...m.keys()],
  };
};
const context = {
  subscriptions: [],
  extensionPath: root,
  extensionUri: vscode.Uri.file(root),
  asAbsolutePath: (p) => path.join(root, p),
  globalState: { ...memento(), setKeysForSync() {} },
  workspaceState: memento(),
  secrets: { get: async () => undefined, store: async () => {}, delete: async () => {}, onDidChange: () => ({}) },
  storageUri: undefined,
  globalStorageUri: vscode.Uri.file(path.join(root, '.globalStorage')),
  logUri: vscode.Uri.file(path.join(root, '.log')),
  extensionMode: vscode.ExtensionMode.Production,
  extension: { id: `${pkg.publisher}.${pkg.name}`, packageJSON: pkg, extensionPath: root },
  environmentVariableCollection: { replace() {}, append() {}, prepend() {}, get() {}, forEach() {}, clear() {} },
};

const result = { ok: false };
try {
  const t0 = performance.now();
  const ext = require(path.join(root, 'dist', 'client.js'));
  const t1 = performance.now();
  const pending = ext.activate(context);
  const t2 = performance.now();
  await pending;
  const t3 = performance.now();
  Object.assign(result, {
    ok: true,
    loadMs: t1 - t0,
    callMs: t2 - t1,
    resolvedMs: t3 - t2,
    totalMs: t3 - t0,
    serverProcesses: children().length,
    subscriptions: context.subscriptions.length,
  });
  // Shut down as VS Code would. With a client that starts in the background, deactivate() can come while it is
  // still starting and fail ("not running and can't be stopped"); the first failure is recorded, then retried.
  const deadline = performance.now() + 10_000;
  for (let attempt = 0; ; attempt++) {
    try {
      await Promise.race([
        Promise.resolve(ext.deactivate?.()),
        new Promise((_, reject) => setTimeout(() => reject(new Error('deactivate() took over 5 s')), 5000)),
      ]);
      result.deactivated = true;
      break;
    } catch (err) {
      result.deactivateError ??= String(err?.message ?? err).split('\n')[0];
      result.deactivateRetries = attempt + 1;
      if (performance.now() > deadline) break;
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  for (const d of context.subscriptions) {
    try {
      d?.dispose?.();
    } catch {}
  }
} catch (err) {
  result.error = String(err?.stack ?? err);
}
result.fallbacks = [...fallbacks];
// The client stops its server on deactivate; anything still alive after a grace period is killed by pid.
const grace = Date.now() + 3000;
while (children().length && Date.now() < grace) await new Promise((r) => setTimeout(r, 50));
result.orphans = children().length;
for (const pid of children()) {
  try {
    process.kill(pid, 'SIGKILL');
  } catch {}
}
process.stdout.write(`${JSON.stringify(result)}\n`);
process.exit(0);
