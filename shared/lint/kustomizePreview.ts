/**
 * Lints what a kustomization renders and moves every finding to the text that produced the value at fault: a
 * finding on a field an overlay patch set lands in the patch file, one on a transformer-set value on the
 * kustomization's line, and one on anything else in the base file.
 */

import { memoryWorkspace, objectFacts } from '../analysis/workspace';
import { parseManifests } from '../model';
import { type Origin, type Problem, type ReadFile, renderKustomization } from '../model/kustomizeRender';
import { emitObjects, originIndex } from '../model/kustomizeRender/emit';
import type { Range } from '../util/range';
import { byPosition, type LintOptions, lintDocuments } from './run';
import type { Finding } from './types';

/** A finding on the rendered output, with where its range and its related ranges came from. */
export interface PreviewFinding extends Finding {
  /** The file range that produced the value at fault; absent when nothing written maps there. */
  origin?: Origin;
  relatedOrigins?: { origin: Origin; message: string }[];
}

export interface KustomizePreview {
  /** The rendered objects as multi-document YAML: what the findings' `range`s point into. */
  text: string;
  kustomization?: string;
  findings: PreviewFinding[];
  problems: Problem[];
  /** The origin of any range of `text` (hover and navigation from the rendered document). */
  originOf(range: Range): Origin | undefined;
}

/**
 * Renders and lints the kustomization in `dir`. Never throws on user input.
 * @example previewKustomization('/repo/overlays/prod', read).findings[0]?.origin?.path // '/repo/overlays/prod/patch.yaml'
 */
export function previewKustomization(
  dir: string,
  read: ReadFile,
  options: Omit<LintOptions, 'path' | 'kustomize' | 'kustomizePatch'> = {},
): KustomizePreview {
  const rendered = renderKustomization(dir, read);
  const { text, spans } = emitObjects(rendered.objects);
  const originOf = originIndex(spans);
  const file = parseManifests(text);
  // The rendered objects are one another's workspace: a key a generated ConfigMap lacks, a Service selecting
  // none of the rendered pods, are found as in the files of a workspace (each written by the kustomization).
  const where = rendered.kustomization ?? dir;
  const objects = file.documents.flatMap((d) => objectFacts(d, where)?.object ?? []);
  const workspace = options.workspace ?? memoryWorkspace(objects);
  const linted = lintDocuments(file.documents, { ...options, workspace }).sort(byPosition);
  const findings = linted.map((f): PreviewFinding => {
    const origin = originOf(f.range);
    const relatedOrigins = (f.related ?? []).flatMap((r) => {
      const o = originOf(r.range);
      return o ? [{ origin: o, message: r.message }] : [];
    });
    // Fixes edit the rendered text, which nobody can save: they are dropped.
    const { fixes: _fixes, ...rest } = f;
    return { ...rest, ...(origin && { origin }), ...(relatedOrigins.length > 0 && { relatedOrigins }) };
  });
  return {
    text,
    ...(rendered.kustomization && { kustomization: rendered.kustomization }),
    findings,
    problems: rendered.problems,
    originOf,
  };
}
