/**
 * `podlens` CLI: lint and simulate manifests with the same core as the editor.
 * Exit codes: 0 clean, 1 error-severity findings, 2 usage or I/O errors (one line on stderr, no stack trace).
 */

import { AnalysisPool, isAnalysisWorker, runAnalysisWorker } from '../analysisPool';
import { readManifest } from './files';
import { type CliIo, nodeIo, UsageError } from './io';
import { runLint } from './lintCommand';
import { runSimulate } from './simulateCommand';

declare const PODLENS_VERSION: string;
const VERSION = typeof PODLENS_VERSION === 'string' ? PODLENS_VERSION : '0.0.0-dev';

const HELP = `podlens ${VERSION} — Kubernetes Pod manifests: lint and lifecycle prediction

Usage:
  podlens lint <files|dirs|globs...>|--kustomize DIR [--format text|json|sarif] [--level error|warning|info|hint] [--config .podlens.yaml]
               [--workspace DIR [--workspace-complete]] [--kubernetes-version 1.29..1.36] [--feature-gates Name=true,Name=false]
  podlens simulate <file>|--kustomize DIR [--document N] [--scenario file.json] [--until S] [--delete-at S] [--at T...] [--format text|json] [--width N] [--workspace DIR [--workspace-complete]]
                   [--config .podlens.yaml] [--kubernetes-version 1.29..1.36] [--feature-gates Name=true,Name=false]
  podlens --help | --version

Exit codes: 0 clean, 1 findings of error severity, 2 usage or I/O errors.
Rule documentation: https://github.com/podlens/podlens/tree/main/docs/rules
`;

/** Manifests and scenarios pass the same checks as `lint` inputs: no FIFO, binary, oversized or non-UTF-8 file. */
function readTextFile(file: string): string {
  const read = readManifest(file);
  if (!read.ok) throw new Error(read.message);
  return read.text;
}

export async function main(argv: string[], io: CliIo): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case undefined:
      case '--help':
      case '-h':
      case 'help':
        io.stdout(HELP);
        return command === undefined ? 2 : 0;
      case '--version':
      case '-v':
        io.stdout(`${VERSION}\n`);
        return 0;
      case 'lint':
        return await runLint(rest, io, VERSION, new AnalysisPool(__filename));
      case 'simulate':
        return runSimulate(rest, { ...io, readFile: readTextFile });
      default:
        throw new UsageError(`unknown command "${command}" (run "podlens --help" for the commands)`);
    }
  } catch (err) {
    if (err instanceof UsageError || (err as { code?: string })?.code?.startsWith('ERR_PARSE_ARGS')) {
      io.stderr(`podlens: ${(err as Error).message}`);
      return 2;
    }
    io.stderr(`podlens: internal error: ${err instanceof Error ? err.message : String(err)}`);
    if (process.env.PODLENS_DEBUG) io.stderr(String((err as Error)?.stack));
    return 2;
  }
}

// The bundle doubles as the analysis worker for big files (see ../analysisPool.ts).
if (isAnalysisWorker()) runAnalysisWorker();
else
  void main(process.argv.slice(2), nodeIo).then((code) => {
    process.exitCode = code;
  });
