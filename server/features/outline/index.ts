/**
 * The outline of an open file (document symbols and folding ranges) from one parse per segment of the analysis
 * host's split, shared by the symbols and folding features and dropped when the file closes. The file's text is
 * never read.
 */
import {
  type CancellationToken,
  type DocumentSymbol,
  type FoldingRange,
  LSPErrorCodes,
  ResponseError,
} from 'vscode-languageserver';
import { isLintable } from '../../../shared/lint';
import type { ManifestDocument } from '../../../shared/model';
import type { ServerContext } from '../../context';
import { formatError } from '../../runSafe';
import { foldsOf, shiftFold } from './foldsOf';
import { SegmentMemo } from './memo';
import { documentSymbol, shiftSymbol } from './symbolsOf';

export interface SegmentOutline {
  symbols: DocumentSymbol[];
  folds: FoldingRange[];
}

/**
 * Only Kubernetes objects (and chart templates) get an outline from podlens: folding and symbols of a CI workflow
 * or a compose file belong to the YAML extension, and ours would replace its folding.
 */
const isOurs = (doc: ManifestDocument) => isLintable(doc) || doc.templated !== undefined;

function outlineOf(docs: ManifestDocument[]): SegmentOutline {
  const ours = docs.filter(isOurs);
  return { symbols: ours.flatMap((d) => documentSymbol(d) ?? []), folds: ours.flatMap(foldsOf) };
}

const shift = (o: SegmentOutline, lines: number): SegmentOutline => ({
  symbols: o.symbols.map((s) => shiftSymbol(s, lines)),
  folds: o.folds.map((f) => shiftFold(f, lines)),
});

interface FileOutline {
  memo: SegmentMemo<SegmentOutline>;
  /** The last complete answer, reused while the document's version is unchanged. */
  last?: { version: number; parts: SegmentOutline[] };
}

const files = new Map<string, FileOutline>();
const watched = new WeakSet<ServerContext>();

/**
 * Answers an outline request: `pick` selects what the feature needs. Errors are logged and answered with an
 * empty list; cancellation is answered as such.
 */
export async function outlineRequest<T>(
  ctx: ServerContext,
  uri: string,
  token: CancellationToken,
  pick: (o: SegmentOutline) => T[],
  what: string,
): Promise<T[] | ResponseError<void>> {
  if (!watched.has(ctx)) {
    watched.add(ctx);
    ctx.documents.onDidClose((e) => files.delete(e.document.uri));
  }
  try {
    const analysis = ctx.analysis();
    const version = analysis.version(uri);
    if (version === undefined) return [];
    let file = files.get(uri);
    if (!file) files.set(uri, (file = { memo: new SegmentMemo(outlineOf, shift, analysis.parseOptions(uri)) }));
    if (file.last?.version === version) return file.last.parts.flatMap(pick);
    const parts = await file.memo.all(analysis.segments(uri), token);
    if (!parts || token.isCancellationRequested) {
      return new ResponseError(LSPErrorCodes.RequestCancelled, 'request cancelled');
    }
    file.last = { version, parts };
    return parts.flatMap(pick);
  } catch (err) {
    ctx.log(formatError(`podlens: ${what} failed`, err));
    return [];
  }
}
