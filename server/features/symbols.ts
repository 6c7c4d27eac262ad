/** textDocument/documentSymbol: the outline of a manifest file, documents by kind and name with their containers. */
import type { DocumentSymbolParams } from 'vscode-languageserver';
import type { Feature } from './feature';
import { outlineRequest } from './outline';

export const symbolsFeature: Feature = {
  capabilities: { documentSymbolProvider: { label: 'podlens' } },
  register(ctx) {
    ctx.connection.onDocumentSymbol((params: DocumentSymbolParams, token) =>
      outlineRequest(ctx, params.textDocument.uri, token, (o) => o.symbols, 'document symbols'),
    );
  },
};
