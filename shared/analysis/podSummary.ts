/**
 * The pod documents of a segment in brief: what CodeLenses, the editor-title button and the lifecycle panel
 * need (kind, name, ranges, where the lens goes) without keeping or re-parsing the documents.
 */
import { fieldValue, isAnalysable, type ManifestDocument, nodeAtPath } from '../model';
import type { Range } from '../util/range';

export interface PodSummary {
  /** Document index (within the segment while cached; in the file when returned by a snapshot). */
  index: number;
  kind: string;
  name: string | null;
  range: Range;
  /** The line the lenses sit above: a workload's `template:` key, else the object's first key. */
  lensLine: number;
}

/** The pod documents a lens belongs on: Pods and workloads with a pod spec, not templates or patches. */
function lensDocuments(docs: readonly ManifestDocument[]): ManifestDocument[] {
  return docs.filter((d) => d.pod && isAnalysable(d) && !d.partial);
}

function lensLine(doc: ManifestDocument): number {
  const pod = doc.pod;
  if (pod && pod.specPath.length > 1) {
    const template = nodeAtPath(doc, pod.specPath.slice(0, -1));
    if (template?.keyRange) return template.keyRange.start.line;
  }
  const keys = [doc.apiVersion, doc.kind].flatMap((f) => (f.kind === 'absent' ? [] : [f.keyRange.start.line]));
  return keys.length > 0 ? Math.min(...keys) : doc.range.start.line;
}

export function podSummaries(docs: readonly ManifestDocument[]): PodSummary[] {
  return lensDocuments(docs).map((d) => ({
    index: d.index,
    kind: d.workload ?? 'Pod',
    name: (d.pod && fieldValue(d.pod.metadata.name)) ?? null,
    range: d.range,
    lensLine: lensLine(d),
  }));
}
