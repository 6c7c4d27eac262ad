// The environment and Node options the VS Code client gives the language server (shared/protocol/serverProcess.ts),
// read from its source, so that every benchmark measures the server as the editor starts it.
import fs from 'node:fs';
import path from 'node:path';
import { transformSync } from 'esbuild';

/** `{ env, nodeOptions }` of shared/protocol/serverProcess.ts under the repository root `root`. */
export async function serverProcess(root) {
  const source = fs.readFileSync(path.join(root, 'shared/protocol/serverProcess.ts'), 'utf8');
  const { code } = transformSync(source, { loader: 'ts', format: 'esm' });
  const module = await import(`data:text/javascript;base64,${Buffer.from(code).toString('base64')}`);
  return { env: module.SERVER_PROCESS_ENV, nodeOptions: module.SERVER_NODE_OPTIONS ?? [] };
}
