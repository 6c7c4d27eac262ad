// The stdio encoder reuses each diagnostic's bytes, and must still write exactly what JSON.stringify would: also
// the properties a publish carries after its diagnostics (the partial marker of a big file's first publish).
import { describe, expect, it } from 'vitest';
import { encodeMessage } from '../../server/wire';
import { PARTIAL_DIAGNOSTICS_PROPERTY } from '../../shared/protocol/lsp';

const diagnostic = {
  range: { start: { line: 1, character: 2 }, end: { line: 1, character: 9 } },
  severity: 1,
  source: 'podlens',
  message: 'unknown field "imagePullPolcy"',
};

const publish = (params: object) => ({ jsonrpc: '2.0', method: 'textDocument/publishDiagnostics', params });

describe('caching JSON encoder', () => {
  it('writes a partial publish with its marker, byte for byte as JSON.stringify', () => {
    const msg = publish({
      uri: 'file:///big.yaml',
      version: 3,
      diagnostics: [diagnostic, diagnostic],
      [PARTIAL_DIAGNOSTICS_PROPERTY]: true,
    });
    const bytes = encodeMessage(msg);
    expect(bytes.toString('utf8')).toBe(JSON.stringify(msg));
    expect(JSON.parse(bytes.toString('utf8')).params[PARTIAL_DIAGNOSTICS_PROPERTY]).toBe(true);
  });

  it('writes a complete publish without version or marker as JSON.stringify does', () => {
    const msg = publish({ uri: 'file:///small.yaml', diagnostics: [diagnostic] });
    expect(encodeMessage(msg).toString('utf8')).toBe(JSON.stringify(msg));
  });
});
