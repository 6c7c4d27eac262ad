/**
 * `podlens/podDocuments`: which documents of a file carry a pod spec. The extension uses it for the
 * `podlens.isPodManifest` context key (the editor-title button) and before opening a lifecycle panel.
 */
import { type PodDocumentsParams, PodDocumentsRequest, type PodDocumentsResult } from '../../shared/protocol/lsp';
import type { ServerContext } from '../context';
import { runSafe } from '../runSafe';
import type { Feature } from './feature';

export function podDocuments(ctx: ServerContext, uri: string): PodDocumentsResult {
  if (!ctx.sync(uri)) return { version: null, documents: [] };
  return {
    version: ctx.documents.get(uri)?.version ?? null,
    documents: ctx.store.pods(uri).map(({ index, kind, name, range }) => ({ index, kind, name, range })),
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
