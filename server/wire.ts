/**
 * The JSON encoder of the stdio transport, with one difference from vscode-jsonrpc's: a diagnostic object is
 * encoded once and its UTF-8 bytes reused while the same object is published again. Every keystroke republishes
 * a file's whole diagnostics list, and in a 1,000-document file nearly all of it is unchanged (the publisher
 * keeps the same Diagnostic objects for unchanged findings), so encoding becomes copying cached bytes.
 */
import type { ContentTypeEncoder, Message } from 'vscode-languageserver/node';

const encoded = new WeakMap<object, Buffer>();
const COMMA = Buffer.from(',');

interface PublishMessage {
  jsonrpc: string;
  method: 'textDocument/publishDiagnostics';
  params: { uri: string; version?: number; diagnostics: object[]; [extra: string]: unknown };
}

function isPublish(msg: Message): msg is Message & PublishMessage {
  const m = msg as Partial<PublishMessage>;
  return m.method === 'textDocument/publishDiagnostics' && Array.isArray(m.params?.diagnostics);
}

function diagnosticBytes(d: object): Buffer {
  let bytes = encoded.get(d);
  if (bytes === undefined) {
    bytes = Buffer.from(JSON.stringify(d), 'utf8');
    encoded.set(d, bytes);
  }
  return bytes;
}

/** The message as UTF-8 JSON, byte for byte what JSON.stringify would give. */
export function encodeMessage(msg: Message): Buffer {
  if (!isPublish(msg)) return Buffer.from(JSON.stringify(msg), 'utf8');
  const { uri, version, diagnostics, ...extra } = msg.params;
  const ver = version === undefined ? '' : `,"version":${JSON.stringify(version)}`;
  const parts: Buffer[] = [
    Buffer.from(
      `{"jsonrpc":${JSON.stringify(msg.jsonrpc)},"method":"textDocument/publishDiagnostics","params":{"uri":${JSON.stringify(uri)}${ver},"diagnostics":[`,
      'utf8',
    ),
  ];
  diagnostics.forEach((d, i) => {
    if (i > 0) parts.push(COMMA);
    parts.push(diagnosticBytes(d));
  });
  // Properties after the diagnostics (a partial publish's marker), as JSON.stringify orders and omits them.
  const tail = Object.entries(extra)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => `,${JSON.stringify(k)}:${JSON.stringify(v)}`)
    .join('');
  parts.push(Buffer.from(`]${tail}}}`));
  return Buffer.concat(parts);
}

export const cachingJsonEncoder: ContentTypeEncoder = {
  name: 'application/json',
  // The stdio writer always asks for utf-8, the only charset JSON-RPC over stdio uses.
  encode: (msg) => Promise.resolve(encodeMessage(msg)),
};
