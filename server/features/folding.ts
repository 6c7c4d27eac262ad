/** textDocument/foldingRange: one range per YAML document and per multi-line map entry, list item and scalar. */
import type { FoldingRange, FoldingRangeParams } from 'vscode-languageserver';
import type { Feature } from './feature';
import { outlineRequest } from './outline';

/** VS Code keeps 5,000 ranges per file (editor.foldingMaximumRegions); a 1,000-document file has far more. */
const MAX_RANGES = 5000;

/** At most MAX_RANGES ranges, keeping the longest (the outer ones), in document order. */
function limitRanges(ranges: FoldingRange[]): FoldingRange[] {
  if (ranges.length <= MAX_RANGES) return ranges;
  const span = (r: FoldingRange) => r.endLine - r.startLine;
  return [...ranges]
    .sort((a, b) => span(b) - span(a))
    .slice(0, MAX_RANGES)
    .sort((a, b) => a.startLine - b.startLine);
}

export const foldingFeature: Feature = {
  capabilities: { foldingRangeProvider: true },
  register(ctx) {
    ctx.connection.onFoldingRanges((params: FoldingRangeParams, token) =>
      // No ranges is answered with null, not []: VS Code then keeps another provider's or indentation folding.
      outlineRequest(ctx, params.textDocument.uri, token, (o) => o.folds, 'folding ranges').then((r) =>
        Array.isArray(r) ? (r.length > 0 ? limitRanges(r) : null) : r,
      ),
    );
  },
};
