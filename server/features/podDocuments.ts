/**
 * `podlens/podDocuments`: which documents of a file carry a pod spec. The extension uses it for the
 * `podlens.isPodManifest` context key (the editor-title button) and before opening a lifecycle panel.
 */
import { type PodDocumentsParams, PodDocumentsRequest, type PodDocumentsResult } from '../../shared/protocol/lsp';
import type { ServerContext } from '../context';
import { runSafe } from '../runSafe';
import type { Feature } from './feature';

export function podDocuments(ctx: ServerContext, uri: string): PodDocumentsResult {
  const analysis = ctx.analysis();
  const version = analysis.version(uri);
  if (version === undefined) return { version: null, documents: [] };
  return {
    version,
    documents: analysis.pods(uri).map(({ index, kind, name, range }) => ({ index, kind, name, range })),
  };
}

export const podDocumentsFeature: Feature = {
  capabilities: {},
  register(ctx) {
    ctx.connection.onRequest(PodDocumentsRequest.method, (params: PodDocumentsParams, token) =>
      runSafe(
        ctx.log,
        () => podDocuments(ctx, params.textDocument.uri),
        { version: null, documents: [] },
        'pod documents',
        token,
      ),
    );
  },
};
