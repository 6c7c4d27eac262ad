/**
 * `podlens simulate <file>|--kustomize DIR [--document N] [--scenario file.json] [--until S] [--delete-at S] [--at T...]
 * [--format text|json] [--width N] [--workspace DIR [--workspace-complete]] [--config .podlens.yaml]
 * [--kubernetes-version 1.31] [--feature-gates A=true]`: the editor's lifecycle prediction on the command line;
 * with a workspace, the objects of its manifests decide what exists and which namespace policies apply; the
 * target cluster comes from the flags over `.podlens.yaml`'s, as for lint. Exit 0, or 2 with one line
 * on stderr for usage, I/O, a non-pod document and invalid scenarios.
 */
import fs from 'node:fs';
import { parseArgs } from 'node:util';
import { mergeLintConfigs, targetOf } from '../../shared/lint';
import { type ManifestDocument, parseManifests } from '../../shared/model';
import { fileObjects, simulate, toJson } from '../../shared/sim';
import { kustomizeOptions } from '../kustomize';
import { loadCliConfig } from './config';
import { UsageError } from './io';
import { problemLines, renderedName, renderedText } from './kustomize';
import { loadWorkspace } from './loadWorkspace';
import { formatSimulationText } from './simulateFormat';
import { targetFlags } from './target';

export interface SimulateIo {
  /** May throw (ENOENT...): reported as one line, exit code 2. */
  readFile(path: string): string;
  stdout(text: string): void;
  /** One line, without the trailing newline (as CliIo.stderr). */
  stderr(line: string): void;
}

export const SIMULATE_USAGE =
  'usage: podlens simulate <file>|--kustomize DIR [--document N] [--scenario file.json] [--until S] [--delete-at S] [--at T...] [--format text|json] [--width N] [--workspace DIR [--workspace-complete]] [--config .podlens.yaml] [--kubernetes-version 1.31] [--feature-gates A=true]';

class CliError extends Error {}

function number(name: string, text: string | undefined, min: number, integer = false): number | undefined {
  if (text === undefined) return undefined;
  const n = Number(text);
  if (text.trim() === '' || !Number.isFinite(n) || n < min || (integer && !Number.isInteger(n))) {
    const what = integer ? 'an integer' : 'a number';
    throw new CliError(`--${name} must be ${what} >= ${min} (got "${text}")`);
  }
  return n;
}

function read(io: SimulateIo, path: string, what: string): string {
  try {
    return io.readFile(path);
  } catch (err) {
    throw new CliError(`cannot read ${what} ${path}: ${(err as { code?: string }).code ?? (err as Error).message}`);
  }
}

function loadScenario(io: SimulateIo, path: string | undefined): unknown {
  if (path === undefined) return undefined;
  const text = read(io, path, 'scenario');
  try {
    return JSON.parse(text);
  } catch (err) {
    throw new CliError(`scenario ${path} is not valid JSON: ${(err as Error).message}`);
  }
}

function run(argv: string[], io: SimulateIo): number {
  let parsed: ReturnType<typeof parseArgs<{ options: typeof OPTIONS; allowPositionals: true }>>;
  try {
    parsed = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true });
  } catch (err) {
    throw new CliError(`${(err as Error).message} (${SIMULATE_USAGE})`);
  }
  const { values, positionals } = parsed;
  const format = values.format ?? 'text';
  if (format !== 'text' && format !== 'json') throw new CliError(`unknown --format "${format}" (text or json)`);
  const kustomize = values.kustomize;
  if (positionals.length !== (kustomize === undefined ? 1 : 0))
    throw new CliError(`simulate takes exactly one file or --kustomize DIR (${SIMULATE_USAGE})`);
  const rendered = kustomize === undefined ? undefined : renderedText(kustomize);
  const file = kustomize === undefined ? (positionals[0] as string) : renderedName(kustomize);
  const docIndex = number('document', values.document, 0, true);
  const until = number('until', values.until, 1);
  const deleteAt = number('delete-at', values['delete-at'], 0);
  const at = (values.at ?? []).map((t) => number('at', t, 0) as number);
  const width = number('width', values.width, 40, true);
  const scenario = loadScenario(io, values.scenario);
  const workspace = workspaceOption(values.workspace, values['workspace-complete'] ?? false);
  const flags = targetFlags(values['kubernetes-version'], values['feature-gates']);
  const target = targetOf(mergeLintConfigs(loadCliConfig(values.config).config, flags));

  // A file a kustomization builds is simulated with what kustomize writes (its images, for one).
  const documents = rendered
    ? parseManifests(rendered.text).documents
    : parseManifests(read(io, file, 'file'), { path: file, ...kustomizeOptions(file) }).documents;
  for (const line of problemLines(rendered?.problems ?? [])) io.stderr(line);
  const pods = documents.filter((d) => d.pod && !d.templated);
  const doc = docIndex === undefined ? pods[0] : documents[docIndex];
  if (docIndex !== undefined && !doc)
    throw new CliError(`${file} has no document ${docIndex} (it has ${documents.length})`);
  if (!doc) throw new CliError(`${file} has no pod document (a Pod or a workload with a pod template)`);
  if (!doc.pod || doc.templated) {
    const kind = doc.kind.kind === 'value' ? doc.kind.value : 'not a Kubernetes object';
    throw new CliError(`document ${doc.index} of ${file} is not a pod document (${kind})`);
  }

  const result = simulate(doc.pod, scenario as Parameters<typeof simulate>[1], {
    ...(until === undefined ? {} : { until }),
    ...(deleteAt === undefined ? {} : { deleteAt }),
    at,
    objects: fileObjects(documents),
    ...(workspace ? { workspace } : {}),
    target,
  });
  if (result.steps.length === 0 && result.errors.length > 0) {
    const e = result.errors[0] as { field: string; message: string };
    const invalid = e.field.startsWith('scenario') ? 'invalid scenario' : 'cannot simulate this pod';
    throw new CliError(`${invalid}: ${e.field}: ${e.message}`);
  }
  if (format === 'json') io.stdout(`${JSON.stringify(toJson(result, { document: doc.index }), null, 2)}\n`);
  else
    io.stdout(
      formatSimulationText(result, { file, document: doc.index, at, pod: doc.pod, ...(width ? { width } : {}) }) +
        kustomizedImages(doc),
    );
  for (const e of result.errors) io.stderr(`podlens: ${e.field}: ${e.message}`);
  return 0;
}

/** One line per container whose image the building kustomization replaces, saying where the image comes from. */
function kustomizedImages(doc: ManifestDocument): string {
  const source = doc.kustomize?.source;
  if (!doc.pod || source === undefined) return '';
  return [...doc.pod.initContainers, ...doc.pod.containers]
    .filter((c) => c.imageAsWritten !== undefined && c.image.kind === 'value')
    .map((c) => {
      const name = c.name.kind === 'value' ? c.name.value : `#${c.index}`;
      const image = c.image.kind === 'value' ? c.image.value : '';
      return `container ${name} runs ${image} (written ${c.imageAsWritten}; from ${source} images)\n`;
    })
    .join('');
}

function workspaceOption(dir: string | undefined, complete: boolean) {
  if (dir === undefined) {
    if (complete) throw new CliError('--workspace-complete needs --workspace DIR');
    return undefined;
  }
  let isDir = false;
  try {
    isDir = fs.statSync(dir).isDirectory();
  } catch {
    isDir = false;
  }
  if (!isDir) throw new CliError(`--workspace ${dir} is not a directory`);
  return loadWorkspace(dir, complete);
}

const OPTIONS = {
  document: { type: 'string' },
  scenario: { type: 'string' },
  until: { type: 'string' },
  'delete-at': { type: 'string' },
  at: { type: 'string', multiple: true },
  format: { type: 'string', short: 'f' },
  width: { type: 'string' },
  workspace: { type: 'string' },
  'workspace-complete': { type: 'boolean' },
  kustomize: { type: 'string', short: 'k' },
  config: { type: 'string', short: 'c' },
  'kubernetes-version': { type: 'string' },
  'feature-gates': { type: 'string' },
} as const;

/**
 * Runs the command; never throws. Returns the exit code.
 * @example runSimulate(['pod.yaml', '--format', 'json'], { readFile, stdout, stderr }) // 0
 */
export function runSimulate(argv: string[], io: SimulateIo): number {
  try {
    return run(argv, io);
  } catch (err) {
    io.stderr(
      `podlens: ${err instanceof CliError || err instanceof UsageError ? err.message : `internal error: ${(err as Error)?.message ?? err}`}`,
    );
    return 2;
  }
}
