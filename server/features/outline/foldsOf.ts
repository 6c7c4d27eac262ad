/** Folding ranges of one parsed document: the document itself, and every multi-line map entry and list item. */
import { type FoldingRange, FoldingRangeKind } from 'vscode-languageserver';
import { isMap, isPair, isScalar, isSeq, type Node, visit } from 'yaml';
import type { ManifestDocument } from '../../../shared/model';

/** Last line holding content of a node: a range ending at column 0 stops on the line before. */
function lastLine(doc: ManifestDocument, node: Node): number | undefined {
  const end = node.range?.[1];
  if (end === undefined) return undefined;
  const pos = doc.ctx.lines.positionAt(end);
  return pos.character === 0 ? pos.line - 1 : pos.line;
}

export function foldsOf(doc: ManifestDocument): FoldingRange[] {
  const out: FoldingRange[] = [];
  const add = (startLine: number, endLine: number | undefined, kind?: FoldingRangeKind) => {
    if (endLine !== undefined && endLine > startLine) out.push({ startLine, endLine, ...(kind && { kind }) });
  };
  add(
    doc.range.start.line,
    doc.range.end.character === 0 ? doc.range.end.line - 1 : doc.range.end.line,
    FoldingRangeKind.Region,
  );
  visit(doc.ast, {
    Pair(_, pair) {
      const key = pair.key as Node | null;
      const value = pair.value as Node | null;
      if (!key?.range || !value || !(isMap(value) || isSeq(value) || isScalar(value))) return;
      add(doc.ctx.lines.positionAt(key.range[0]).line, lastLine(doc, value));
    },
    Seq(_, seq) {
      for (const item of seq.items) {
        if (!isPair(item) && (isMap(item) || isSeq(item)) && item.range)
          add(doc.ctx.lines.positionAt(item.range[0]).line, lastLine(doc, item));
      }
    },
  });
  return out;
}

export function shiftFold(r: FoldingRange, lines: number): FoldingRange {
  return { ...r, startLine: r.startLine + lines, endLine: r.endLine + lines };
}
