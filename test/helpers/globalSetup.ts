// Builds the bundles once per test run: LSP and CLI tests drive dist/server.js and dist/cli.js for real.
import { execFileSync } from 'node:child_process';

export default function setup(): void {
  execFileSync(process.execPath, ['esbuild.mjs'], { stdio: 'inherit' });
}
