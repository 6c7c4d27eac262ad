// The built CLI (dist/cli.js, bundled by the global setup) run as a user runs it: a child process, its exit code
// and its output.
import { spawnSync } from 'node:child_process';
import path from 'node:path';

export const REPO_ROOT = path.resolve(__dirname, '../..');
export const CLI_JS = path.join(REPO_ROOT, 'dist/cli.js');

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** `podlens <args>` in `cwd` (the repository root unless given). */
export function runCli(args: readonly string[], cwd = REPO_ROOT): CliRun {
  const r = spawnSync(process.execPath, [CLI_JS, ...args], { cwd, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}
