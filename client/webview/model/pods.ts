/**
 * The pod documents of a manifest file (Pods and workload pod templates) and the choice of which one the
 * panel previews: a CodeLens's explicit index, else the document under the cursor, else the previous one.
 */
import { isAnalysable, type ManifestFile, type PodView, type WorkloadKind } from '../../../shared/model';
import type { Range } from '../../../shared/util/range';

export interface PodDocument {
  /** Index of the YAML document in the file. */
  index: number;
  kind: WorkloadKind;
  name: string;
  /** Identifies the pod across edits (what-if edits are kept per pod): `Deployment/web`. */
  key: string;
  range: Range;
  pod: PodView;
  /** Why the document cannot be trusted as written (a YAML error), with its line. */
  problem: string | null;
}

function podName(pod: PodView): string {
  const { name, generateName } = pod.metadata;
  if (name.kind === 'value') return name.value;
  if (generateName.kind === 'value') return `${generateName.value}…`;
  return '(unnamed)';
}

export function podDocuments(file: ManifestFile): PodDocument[] {
  const out: PodDocument[] = [];
  for (const doc of file.documents) {
    if (!doc.pod || !doc.workload || !isAnalysable(doc)) continue;
    const error = doc.issues.find((i) => i.severity === 'error');
    const name = podName(doc.pod);
    out.push({
      index: doc.index,
      kind: doc.workload,
      name,
      key: `${doc.workload}/${name}`,
      range: doc.range,
      pod: doc.pod,
      problem: error ? `line ${error.range.start.line + 1}: ${error.message}` : null,
    });
  }
  return out;
}

/** The first YAML error of the file, for a file whose pod documents vanished while being edited. */
export function firstProblem(file: ManifestFile): string | null {
  for (const doc of file.documents) {
    const error = doc.issues.find((i) => i.severity === 'error');
    if (error) return `line ${error.range.start.line + 1}: ${error.message}`;
  }
  return null;
}

/** The pod document whose lines contain `line`, if any. */
export function documentAtLine(docs: readonly PodDocument[], line: number): PodDocument | undefined {
  return docs.find((d) => d.range.start.line <= line && line <= d.range.end.line);
}

/**
 * Which pod document to show: the explicitly requested index, else the one at the cursor, else the one
 * shown before (same pod key), else the first.
 */
export function choosePodDocument(
  docs: readonly PodDocument[],
  want: { index: number | null; cursorLine: number | null; previousKey: string | null; previousIndex: number | null },
): PodDocument | undefined {
  const byIndex = (i: number | null) => (i === null ? undefined : docs.find((d) => d.index === i));
  return (
    byIndex(want.index) ??
    (want.cursorLine === null ? undefined : documentAtLine(docs, want.cursorLine)) ??
    docs.find((d) => d.key === want.previousKey) ??
    byIndex(want.previousIndex) ??
    docs[0]
  );
}
