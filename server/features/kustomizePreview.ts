/**
 * `podlens/kustomizePreview`: renders the kustomization a file or directory URI names, lints the rendered
 * objects and answers with the rendered text and each finding's origin as a file URI and range. Files come from
 * the open documents first (unsaved edits count), then from disk, and only from inside the workspace folders,
 * as everything else the server reads.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { LintConfig } from '../../shared/lint';
import { type PreviewFinding, previewKustomization } from '../../shared/lint/kustomizePreview';
import type { Origin } from '../../shared/model/kustomizeRender';
import {
  type KustomizePreviewDiagnostic,
  type KustomizePreviewParams,
  KustomizePreviewRequest,
  type KustomizePreviewResult,
} from '../../shared/protocol/lsp';
import type { ServerContext } from '../context';
import { runSafe } from '../runSafe';
import type { Feature } from './feature';

const EMPTY: KustomizePreviewResult = { kustomization: null, text: '', diagnostics: [], problems: [] };

function fsPath(uri: string): string | undefined {
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}

const toUri = (p: string) => pathToFileURL(p).href;

function location(o: Origin): { uri: string; range: Origin['range'] } {
  return { uri: toUri(o.path), range: o.range };
}

function toDiagnostic(f: PreviewFinding): KustomizePreviewDiagnostic {
  return {
    rule: f.rule,
    severity: f.severity,
    message: f.message,
    path: f.path,
    range: f.range,
    origin: f.origin ? location(f.origin) : null,
    related: (f.relatedOrigins ?? []).map((r) => ({ ...location(r.origin), message: r.message })),
  };
}

/** Reads a file by path: the open document's text, else the file on disk inside one of `roots`. */
function reader(ctx: ServerContext, roots: readonly string[]) {
  const inside = (p: string) => roots.some((r) => p === r || p.startsWith(r + path.sep));
  return (p: string): string | undefined => {
    const open = ctx.documents.get(toUri(p));
    if (open) return open.getText();
    if (!inside(p)) return undefined;
    try {
      return fs.statSync(p).isFile() ? fs.readFileSync(p, 'utf8') : undefined;
    } catch {
      return undefined;
    }
  };
}

export function kustomizePreview(
  ctx: ServerContext,
  uri: string,
  roots: readonly string[],
  config: LintConfig,
): KustomizePreviewResult {
  const target = fsPath(uri);
  if (target === undefined) return EMPTY;
  const read = reader(ctx, roots);
  // A kustomization file names its directory; a directory is built as it is.
  const dir = read(target) !== undefined ? path.dirname(target) : target;
  const preview = previewKustomization(dir, read, { config });
  return {
    kustomization: preview.kustomization ? toUri(preview.kustomization) : null,
    text: preview.text,
    diagnostics: preview.findings.map(toDiagnostic),
    problems: preview.problems.map((p) => ({ uri: toUri(p.path), message: p.message })),
  };
}

/** The request handler; `roots` and `config` are read at each request (folders and levels change). */
export function kustomizePreviewFeature(roots: () => readonly string[], config: () => LintConfig): Feature {
  return {
    capabilities: {},
    register(ctx) {
      ctx.connection.onRequest(KustomizePreviewRequest.method, (params: KustomizePreviewParams, token) =>
        runSafe(ctx.log, () => kustomizePreview(ctx, params.uri, roots(), config()), EMPTY, 'kustomize preview', token),
      );
    },
  };
}
