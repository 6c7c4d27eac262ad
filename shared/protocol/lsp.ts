/**
 * Custom LSP requests and command arguments shared by the podlens server and the extension client. Declared
 * once here so both sides agree on names and shapes; the client parses the answers it acts on.
 */
import { z } from 'zod';
import { rangeSchema } from './webview';

export {
  KUSTOMIZE_PREVIEW_SCHEME,
  KustomizePreviewRequest,
  PodDocumentsRequest,
  PREVIEW_KUSTOMIZATION_COMMAND,
  PREVIEW_LIFECYCLE_COMMAND,
} from './ids';

export interface PodDocumentsParams {
  textDocument: { uri: string };
}

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

export interface KustomizePreviewParams {
  /** A kustomization file, or the directory that holds one. */
  uri: string;
}

const locationSchema = z.object({ uri: z.string(), range: rangeSchema });

const previewDiagnosticSchema = z.object({
  rule: z.string(),
  severity: z.enum(['error', 'warning', 'info', 'hint']),
  message: z.string(),
  /** Dotted path of the value at fault in the rendered object. */
  path: z.string(),
  /** The range in the rendered text. */
  range: rangeSchema,
  /** Where the value at fault was written: a base file, a patch, or a kustomization line; null when unknown. */
  origin: locationSchema.nullable(),
  related: z.array(locationSchema.extend({ message: z.string() })),
});
export type KustomizePreviewDiagnostic = z.infer<typeof previewDiagnosticSchema>;

export const kustomizePreviewResultSchema = z.object({
  /** The kustomization file that was built; null when the URI holds none. */
  kustomization: z.string().nullable(),
  /** The rendered objects as multi-document YAML. */
  text: z.string(),
  diagnostics: z.array(previewDiagnosticSchema),
  /** What the preview could not render (missing files, generators, failing JSON patches). */
  problems: z.array(z.object({ uri: z.string(), message: z.string() })),
});
export type KustomizePreviewResult = z.infer<typeof kustomizePreviewResultSchema>;
