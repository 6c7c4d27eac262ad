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

/** The file linted and simulated against a second Kubernetes version: what changes. */
export const CompareVersionsRequest = { method: 'podlens/compareVersions' } as const;

/** The target a file is checked against: its workspace folder's version and gates (`FileTargetResult`). */
export const FileTargetRequest = { method: 'podlens/fileTarget' } as const;

/** Sent by the server when a file's target may have changed (settings, a `.podlens.yaml`); no params. */
export const TargetsChangedNotification = { method: 'podlens/targetsChanged' } as const;

/** The command that asks for a version to compare with and shows the comparison. */
export const COMPARE_VERSIONS_COMMAND = 'podlens.compareWithVersion';

/** The command that renders a kustomization and opens the rendered objects read-only. */
export const PREVIEW_KUSTOMIZATION_COMMAND = 'podlens.previewKustomization';

/** URI scheme of the read-only documents that show a rendered kustomization. */
export const KUSTOMIZE_PREVIEW_SCHEME = 'podlens-kustomize';

/** Render and lint a kustomization; params and result are `KustomizePreviewParams` / `KustomizePreviewResult`. */
export const KustomizePreviewRequest = { method: 'podlens/kustomizePreview' } as const;

/** The workspace objects a file's pods can read, for the lifecycle panel's simulation. */
export const PodWorkspaceRequest = { method: 'podlens/podWorkspace' } as const;

/** The client says which lines of a document its editors show (`VisibleRangesParams`): a big file's first findings. */
export const VisibleRangesNotification = { method: 'podlens/visibleRanges' } as const;
