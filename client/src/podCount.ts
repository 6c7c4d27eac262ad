/**
 * How many pod documents a file has, read from the server's pod-documents answer: all the extension host uses it
 * for (the editor-title button, the panel following editors, the "no pod to preview" message). The entries are
 * counted, not validated one by one: zod-parsing the 1,133 entries of a big file's answer cost the extension host
 * more than the request itself, and nothing here reads them.
 */
import { z } from 'zod';

export const podDocumentCountSchema = z
  .object({
    /** The document version the answer was computed from; null when the server does not have the document open. */
    version: z.number().int().nullable(),
    documents: z.array(z.unknown()),
  })
  .transform(({ version, documents }) => ({ version, count: documents.length }));

export type PodDocumentCount = z.output<typeof podDocumentCountSchema>;
