/**
 * The language server restarts cleanly (issue 8): killed, the client's restart policy brings up exactly one new
 * server that lints new edits; the restart command leaves exactly one server too. Servers are found by command line
 * (`ps`): the bundled dist/server.js of this extension, started by this extension host (--clientProcessId). The
 * last one is handed to the runner (test/e2e/runCodeServer.mjs), which kills this extension host after the suite and
 * checks that the server ends by itself.
 */
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { closeAll, EXTENSION_ID, fixture, open, podlensDiagnostics, step, waitFor } from './helpers';

function serverPids(): number[] {
  const extension = vscode.extensions.getExtension(EXTENSION_ID);
  assert.ok(extension, 'the extension under test is installed');
  const script = path.join(extension.extensionPath, 'dist', 'server.js');
  return execFileSync('ps', ['-eo', 'pid=,stat=,args='], { encoding: 'utf8' })
    .split('\n')
    .map((line) => /^\s*(\d+)\s+(\S+)\s+(.*)$/.exec(line))
    .filter((m): m is RegExpExecArray => m !== null)
    .filter(([, , stat, args]) => !stat?.startsWith('Z') && args?.includes(script))
    .filter(([, , , args]) => args?.includes(`--clientProcessId=${process.pid}`))
    .map(([, pid]) => Number(pid));
}

/** Types a misspelled key at the end of the file and waits for its unknown-field diagnostic. */
async function lintsANewEdit(uri: vscode.Uri, key: string): Promise<void> {
  const editor = await open(uri);
  const end = editor.document.lineAt(editor.document.lineCount - 1).range.end;
  await editor.edit((e) => e.insert(end, `\n      ${key}: 1`));
  const line = editor.document.lineCount - 1;
  await waitFor(
    () => podlensDiagnostics(uri, 'unknown-field').some((d) => d.range.start.line === line),
    `an unknown-field diagnostic for the new "${key}" line`,
  );
}

suite('server restart', () => {
  teardown(closeAll);

  step('restart-after-kill', async () => {
    const uri = fixture('typo-pod.yaml');
    await open(uri);
    await waitFor(() => podlensDiagnostics(uri, 'unknown-field').length > 0, 'the first diagnostics');
    const [before, ...others] = await waitFor(() => {
      const pids = serverPids();
      return pids.length === 1 ? pids : undefined;
    }, 'exactly one podlens server');
    assert.deepEqual(others, []);
    process.kill(before as number, 'SIGKILL');
    const after = await waitFor(() => {
      const pids = serverPids();
      return pids.length === 1 && pids[0] !== before ? pids[0] : undefined;
    }, 'one new server after the kill (the client restarts it)');
    await lintsANewEdit(uri, 'restartedKey');
    assert.deepEqual(serverPids(), [after], 'still exactly one server, the new one');
  });

  step('restart-command', async () => {
    const uri = fixture('typo-pod.yaml');
    await open(uri);
    const [before] = await waitFor(() => {
      const pids = serverPids();
      return pids.length === 1 ? pids : undefined;
    }, 'exactly one podlens server');
    await vscode.commands.executeCommand('podlens.restartServer');
    const after = await waitFor(() => {
      const pids = serverPids();
      return pids.length === 1 && pids[0] !== before ? pids[0] : undefined;
    }, 'one new server after podlens.restartServer');
    await lintsANewEdit(uri, 'commandRestartedKey');
    assert.deepEqual(serverPids(), [after], 'the old server is gone');
    // The runner kills this extension host after the suite and checks that this server ends by itself.
    const result = process.env.PODLENS_E2E_RESULT;
    if (result) fs.writeFileSync(`${result}.servers.json`, JSON.stringify([{ pid: after, host: process.pid }]));
  });
});
