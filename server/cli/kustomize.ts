/**
 * `--kustomize DIR` for `lint` and `simulate`: renders the kustomization in DIR as `kustomize build` would and
 * works on the rendered objects. Lint findings are reported in the files that wrote the values at fault (a base,
 * an overlay's patch, the kustomization line of a transformer); a finding with no such origin stays in the
 * rendered output, named `DIR (rendered)`.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { LintConfig } from '../../shared/lint';
import { previewKustomization } from '../../shared/lint/kustomizePreview';
import { type Problem, renderKustomization } from '../../shared/model/kustomizeRender';
import { emitObjects } from '../../shared/model/kustomizeRender/emit';
import type { CliDiagnostic, CliFileResult } from './format/types';
import { UsageError } from './io';

function read(p: string): string | undefined {
  try {
    return fs.statSync(p).isFile() ? fs.readFileSync(p, 'utf8') : undefined;
  } catch {
    return undefined;
  }
}

function checkedDir(dir: string): string {
  if (!fs.statSync(dir, { throwIfNoEntry: false })?.isDirectory())
    throw new UsageError(`--kustomize "${dir}" is not a directory`);
  return path.resolve(dir);
}

/** How a path is shown: relative to the working directory, as the other lint paths are. */
const shown = (p: string) => path.relative(process.cwd(), p) || '.';

/** The rendered name of DIR's output, for findings and simulations that have no file of their own. */
export function renderedName(dir: string): string {
  return `${dir} (rendered)`;
}

export function problemLines(problems: readonly Problem[]): string[] {
  return problems.map((p) => `podlens: ${shown(p.path)}: ${p.message}`);
}

/** The lint results of the rendered kustomization, one entry per file a finding maps to. */
export function lintKustomization(dir: string, config: LintConfig): { files: CliFileResult[]; problems: Problem[] } {
  const preview = previewKustomization(checkedDir(dir), read, { config });
  const byFile = new Map<string, CliDiagnostic[]>();
  for (const f of preview.findings) {
    const file = f.origin ? shown(f.origin.path) : renderedName(dir);
    const list = byFile.get(file) ?? [];
    list.push({
      rule: f.rule,
      severity: f.severity,
      message: f.message,
      document: f.document,
      path: f.path,
      range: f.origin?.range ?? f.range,
    });
    byFile.set(file, list);
  }
  const files = [...byFile].map(([p, diagnostics]) => ({ path: p, diagnostics }));
  return { files, problems: preview.problems };
}

/** The rendered objects as YAML, for `simulate`. */
export function renderedText(dir: string): { text: string; problems: Problem[] } {
  const rendered = renderKustomization(checkedDir(dir), read);
  return { text: emitObjects(rendered.objects).text, problems: rendered.problems };
}
