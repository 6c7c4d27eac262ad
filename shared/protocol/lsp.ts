/**
 * Custom LSP requests and command arguments shared by the podlens server and the extension client. Declared
 * once here so both sides agree on names and shapes; the client parses the answers it acts on.
 */
import { z } from 'zod';
import { rangeSchema } from './range';

export { PodDocumentsRequest, PodWorkspaceRequest, PREVIEW_LIFECYCLE_COMMAND } from './ids';
export { type WorkspaceFacts, workspaceFactsSchema } from './workspace';

export interface PodDocumentsParams {
  textDocument: { uri: string };
}

/** `podlens/podWorkspace` takes the same parameters and answers `WorkspaceFacts` for the file's pods. */
export type PodWorkspaceParams = PodDocumentsParams;

const podDocumentInfoSchema = z.object({
  /** 0-based index of the YAML document in the file. */
  index: z.number().int().nonnegative(),
  /** `Pod`, `Deployment`, `CronJob`, ... */
  kind: z.string(),
  /** metadata.name, when it is a plain value. */
  name: z.string().nullable(),
  /** The document's range in the file. */
  range: rangeSchema,
});
export type PodDocumentInfo = z.infer<typeof podDocumentInfoSchema>;

export const podDocumentsResultSchema = z.object({
  /** The document version the answer was computed from; null when the server does not have the document open. */
  version: z.number().int().nullable(),
  documents: z.array(podDocumentInfoSchema),
});
export type PodDocumentsResult = z.infer<typeof podDocumentsResultSchema>;

/** `[uri, documentIndex]`: open the panel of that file on that pod document. */
export type PreviewLifecycleArgs = [uri: string, documentIndex: number];
