/**
 * Language server entry. Started by the VS Code client over stdio (see client/src/languageClient.ts), or by other editors:
 *   node dist/server.js --stdio      (also: npx podlens-language-server --stdio)
 */
import {
  createConnection,
  ProposedFeatures,
  StreamMessageReader,
  StreamMessageWriter,
} from 'vscode-languageserver/node';
import { AnalysisPool, isAnalysisWorker, runAnalysisWorker } from './analysisPool';
import { limitHeapGrowth } from './heapGrowth';
import { startServer } from './server';
import { cachingJsonEncoder } from './wire';
import { isIndexWorker, runIndexWorker } from './workspaceIndexWorker';

function main(): void {
  const args = process.argv.slice(2);
  if (args.includes('--help') || args.includes('-h')) {
    process.stdout.write(
      'podlens language server\nusage: podlens-language-server --stdio | --node-ipc | --socket=<port>\n',
    );
    process.exit(0);
  }
  limitHeapGrowth(process.execArgv, process.env.NODE_OPTIONS);
  if (!args.some((a) => a === '--stdio' || a === '--node-ipc' || a.startsWith('--socket') || a.startsWith('--pipe'))) {
    // Editors that spawn the server without flags speak LSP over stdio.
    process.argv.push('--stdio');
  }

  // Over stdio (the VS Code client and other editors), diagnostics are written with the caching encoder.
  const stdio = process.argv.includes('--stdio');
  // With an explicit reader the library no longer exits when the editor closes our stdin: do it here (a proper
  // `exit` notification still comes first when the editor shuts the server down).
  if (stdio) process.stdin.once('end', () => process.exit(1));
  const connection = stdio
    ? createConnection(
        ProposedFeatures.all,
        new StreamMessageReader(process.stdin),
        new StreamMessageWriter(process.stdout, { contentTypeEncoder: cachingJsonEncoder }),
      )
    : createConnection(ProposedFeatures.all);
  startServer(connection, { pool: new AnalysisPool(__filename), script: __filename });
  connection.listen();
}

// The bundle doubles as the analysis worker (see analysisPool.ts) and the workspace scan worker.
if (isAnalysisWorker()) runAnalysisWorker();
else if (isIndexWorker()) runIndexWorker();
else main();
