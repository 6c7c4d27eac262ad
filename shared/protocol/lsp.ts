/**
 * Custom LSP requests and command arguments shared by the podlens server and the extension client. Declared
 * once here so both sides agree on names and shapes; the client parses the answers it acts on.
 */
import { z } from 'zod';
import { rangeSchema } from './range';
import { targetSchema } from './webview';

export {
  COMPARE_VERSIONS_COMMAND,
  CompareVersionsRequest,
  FileTargetRequest,
  KUSTOMIZE_PREVIEW_SCHEME,
  KustomizePreviewRequest,
  PodDocumentsRequest,
  PodWorkspaceRequest,
  PREVIEW_KUSTOMIZATION_COMMAND,
  PREVIEW_LIFECYCLE_COMMAND,
  TargetsChangedNotification,
  VisibleRangesNotification,
} from './ids';
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

/**
 * `podlens/visibleRanges`: the lines (0-based, inclusive) the editors showing a document have on screen. A big
 * file's first diagnostics are those of the documents there; the rest follow in the complete publish.
 */
export const visibleRangesParamsSchema = z
  .object({
    textDocument: z.object({ uri: z.string().min(1) }).strict(),
    ranges: z
      .array(z.object({ start: z.number().int().nonnegative(), end: z.number().int().nonnegative() }).strict())
      .max(64),
  })
  .strict();
export type VisibleRangesParams = z.infer<typeof visibleRangesParamsSchema>;

/**
 * A `textDocument/publishDiagnostics` that holds the findings of some documents only carries this property set to
 * true; the complete publish for the same version follows unless a newer version replaces it. Clients that do not
 * know it see an ordinary publish.
 */
export const PARTIAL_DIAGNOSTICS_PROPERTY = 'podlensPartial';

/** `[uri, documentIndex]`: open the panel of that file on that pod document. */
export type PreviewLifecycleArgs = [uri: string, documentIndex: number];

export const compareVersionsParamsSchema = z
  .object({
    textDocument: z.object({ uri: z.string().min(1) }).strict(),
    /** The second target: the file's own (settings, `.podlens.yaml`) is the first. */
    other: targetSchema,
  })
  .strict();
export type CompareVersionsParams = z.infer<typeof compareVersionsParamsSchema>;

export const fileTargetParamsSchema = z
  .object({ textDocument: z.object({ uri: z.string().min(1) }).strict() })
  .strict();
export type FileTargetParams = z.infer<typeof fileTargetParamsSchema>;

/** The file's target; null when the request did not parse. */
export const fileTargetResultSchema = targetSchema.nullable();
export type FileTargetResult = z.infer<typeof fileTargetResultSchema>;

const findingSummarySchema = z.object({
  rule: z.string(),
  severity: z.string(),
  message: z.string(),
  /** 0-based line of the finding. */
  line: z.number().int().nonnegative(),
});
export type FindingSummary = z.infer<typeof findingSummarySchema>;

const timelineSchema = z.object({
  /** One line per step, `12+ CrashLoopBackOff 0/1 restarts 2`; empty when the API server rejects the pod. */
  steps: z.array(z.string()),
  /** Why the version's API server rejects the pod, when it does. */
  rejected: z.array(z.string()),
});

export const compareVersionsResultSchema = z.object({
  base: z.string(),
  other: z.string(),
  /** Findings only the second version reports, and those it no longer reports. */
  added: z.array(findingSummarySchema),
  removed: z.array(findingSummarySchema),
  pods: z.array(
    z.object({
      index: z.number().int().nonnegative(),
      name: z.string(),
      base: timelineSchema,
      other: timelineSchema,
      same: z.boolean(),
    }),
  ),
  /** The comparison as Markdown, for a read-only document. */
  report: z.string(),
});
export type CompareVersionsResult = z.infer<typeof compareVersionsResultSchema>;

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
