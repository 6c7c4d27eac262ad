/**
 * Names the extension needs at activation, kept apart from the zod schemas so that activating loads no schema
 * library: the CodeLens command, the lifecycle webview's view type and the custom LSP method.
 */

/** The command every lifecycle CodeLens runs; its arguments are `PreviewLifecycleArgs` (./lsp). */
export const PREVIEW_LIFECYCLE_COMMAND = 'podlens.previewLifecycle';

/** The lifecycle panel's webview view type (package.json `onWebviewPanel:` activation). */
export const LIFECYCLE_VIEW_TYPE = 'podlens.lifecycle';

/** Which documents of a file carry a pod spec (Pods and workload pod templates). */
export const PodDocumentsRequest = { method: 'podlens/podDocuments' } as const;

/** The workspace objects a file's pods can read, for the lifecycle panel's simulation. */
export const PodWorkspaceRequest = { method: 'podlens/podWorkspace' } as const;
