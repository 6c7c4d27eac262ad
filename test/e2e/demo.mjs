// The demo flow end to end: `npm run demo` (scripts/demo.sh, code-server variant) is started as a user starts it,
// the workspace it prints is opened in chromium, a manifest is edited and saved, the demo is stopped with Ctrl+C
// (SIGINT), and the repository's `git status --porcelain` is what it was before: the demo works on a throw-away
// copy of examples/ with autosave off and never edits tracked files.
//   node test/e2e/demo.mjs      (exit 1 when a step fails)
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import {
  createStepRunner,
  freePort,
  launchChromium,
  log,
  makeRunDirs,
  OUTPUT,
  onExit,
  ROOT,
  removeRunDirs,
  waitUntil,
} from './lib.mjs';

const FILE = 'crashloop.yaml';
const EDIT = '# edited in the demo\n';
const gitStatus = () => execFileSync('git', ['status', '--porcelain'], { cwd: ROOT, encoding: 'utf8' });

fs.mkdirSync(OUTPUT, { recursive: true });
const d = makeRunDirs('demo'); // chromium's profile only: the demo makes its own code-server dirs
const before = gitStatus();
let output = '';
let demo;
let context;
let page;
const { step, results } = createStepRunner({ page: () => page, shots: OUTPUT });

/** Ctrl+C in the demo's terminal: SIGINT to its process group; resolves with its exit code. */
function stopDemo() {
  if (!demo || demo.exitCode !== null || demo.signalCode !== null) return Promise.resolve(demo?.exitCode);
  const exited = new Promise((resolve) => demo.once('exit', (code, signal) => resolve(code ?? signal)));
  process.kill(-demo.pid, 'SIGINT');
  return exited;
}

try {
  let url;
  let workspace;
  await step('demo-starts-on-a-copy', async () => {
    const port = await freePort();
    demo = spawn('bash', ['scripts/demo.sh'], {
      cwd: ROOT,
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, PODLENS_DEMO_FORCE_CODE_SERVER: '1', PODLENS_DEMO_PORT: String(port) },
    });
    onExit(() => {
      if (demo.exitCode === null && demo.signalCode === null) process.kill(-demo.pid, 'SIGKILL');
    });
    for (const stream of [demo.stdout, demo.stderr]) stream.on('data', (b) => (output += b));
    // A script that stops before printing its URL fails the step at once, with what it printed (a `what` text
    // built here would only hold the output from before the wait).
    const printed = await waitUntil(
      () =>
        output.match(/Open:\s+(http:\S+)/)?.[1] ??
        (demo.exitCode !== null || demo.signalCode !== null ? { exited: demo.exitCode ?? demo.signalCode } : undefined),
      { timeout: 300000, interval: 250, what: "the demo's URL" },
    ).catch((e) => {
      throw new Error(`${e.message}; output so far:\n${output.slice(-2000)}`);
    });
    if (typeof printed !== 'string')
      throw new Error(`scripts/demo.sh exited (${printed.exited}) before printing its URL; its output:\n${output}`);
    url = printed;
    workspace = output.match(/throw-away copy of examples\/ in (\S+) \(autosave off\)/)?.[1];
    if (!workspace) throw new Error(`the demo does not say where its copy of examples/ is:\n${output}`);
    if (path.resolve(workspace).startsWith(ROOT)) throw new Error(`the copy ${workspace} is inside the repository`);
    const settings = JSON.parse(fs.readFileSync(path.join(workspace, '.vscode/settings.json'), 'utf8'));
    if (settings['files.autoSave'] !== 'off') throw new Error('autosave is not off in the copy');
    if (!new URL(url).searchParams.get('folder')?.startsWith(workspace)) throw new Error(`${url} opens another folder`);
    log(`  demo at ${url} on ${workspace}`);
  });

  await step('demo-edit-and-save', { needs: ['demo-starts-on-a-copy'] }, async () => {
    context = await launchChromium(d);
    page = context.pages()[0] ?? (await context.newPage());
    page.setDefaultTimeout(60000);
    await page.goto(url);
    await page.locator('.explorer-folders-view .monaco-list-row', { hasText: FILE }).click();
    await page.locator('.tabs-container .tab.active', { hasText: FILE }).waitFor();
    const lines = page.locator('.editor-instance .monaco-editor .view-lines').first();
    await lines.filter({ hasText: 'CrashLoopBackOff' }).waitFor();
    await lines.click();
    await page.keyboard.press('Control+Home');
    await page.keyboard.type(EDIT);
    // Saved on purpose, as autosave would: the save must land in the copy, not in the repository.
    await page.keyboard.press('Control+S');
    await waitUntil(() => fs.readFileSync(path.join(workspace, FILE), 'utf8').startsWith(EDIT), {
      what: `the edit saved in the copy's ${FILE}`,
    });
    await page.screenshot({ path: path.join(OUTPUT, 'demo-edited-copy.png') });
    if (fs.readFileSync(path.join(ROOT, 'examples', FILE), 'utf8').startsWith(EDIT))
      throw new Error(`examples/${FILE} in the repository was edited`);
  });

  await step('demo-stops-clean', { needs: ['demo-starts-on-a-copy'] }, async () => {
    await context?.close();
    context = undefined;
    const code = await stopDemo();
    log(`  demo exited (${code}); last line: ${output.trim().split('\n').pop()}`);
    if (fs.existsSync(workspace)) throw new Error(`the demo left its copy behind: ${workspace}`);
    const after = gitStatus();
    if (after !== before) throw new Error(`git status --porcelain changed:\nbefore:\n${before}\nafter:\n${after}`);
    log(`  git status --porcelain unchanged (${after.trim() ? after.trim().split('\n').length : 0} entries)`);
  });
} catch (e) {
  results.push({ name: 'harness', status: 'fail', error: String(e?.message || e) });
  log(`FAIL harness: ${e?.stack || e}`);
} finally {
  await context?.close().catch(() => {});
  await stopDemo();
  fs.writeFileSync(path.join(OUTPUT, 'logs-demo.txt'), output);
  removeRunDirs(d);
  const failed = results.filter((r) => r.status === 'fail');
  fs.writeFileSync(path.join(OUTPUT, 'demo-result.json'), JSON.stringify({ ok: !failed.length, results }, null, 2));
  log(
    `demo suite: ${failed.length ? 'FAIL' : 'PASS'} — ${results.length - failed.length} passed, ${failed.length} failed`,
  );
  for (const f of failed) log(`  FAILED:  ${f.name}: ${f.error}`);
  process.exitCode = failed.length ? 1 : 0;
}
