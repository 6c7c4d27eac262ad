/**
 * `podlens/podWorkspace`: the workspace objects the pods of a file can read, as a list the lifecycle panel
 * rebuilds into a WorkspaceObjects for its own simulation. The CodeLens predicts from the same list, so the
 * prediction above a pod and the panel it opens agree.
 */
import { memoryWorkspace, podWorkspaceObjects } from '../../shared/analysis/workspace';
import type { IndexedObject, WorkspaceObjects } from '../../shared/analysis/workspace/types';
import type { PodView } from '../../shared/model';
import { type PodWorkspaceParams, PodWorkspaceRequest } from '../../shared/protocol/lsp';
import type { ServerContext } from '../context';
import { runSafe } from '../runSafe';
import type { Feature } from './feature';

export interface PodWorkspace {
  objects: readonly IndexedObject[];
  complete: boolean;
}

export function podWorkspace(ctx: ServerContext, pods: readonly PodView[]): PodWorkspace {
  const workspace = ctx.workspace();
  return { objects: podWorkspaceObjects(workspace, pods), complete: workspace.complete };
}

/** The same lookups as the index, over the list the panel gets. */
export function asWorkspaceObjects(facts: PodWorkspace): WorkspaceObjects {
  return memoryWorkspace(facts.objects, facts.complete);
}

function filePodWorkspace(ctx: ServerContext, uri: string): PodWorkspace {
  const pods = ctx
    .analysis()
    .documents(uri)
    .flatMap((d) => (d.pod ? [d.pod] : []));
  return podWorkspace(ctx, pods);
}

export const podWorkspaceFeature: Feature = {
  capabilities: {},
  register(ctx) {
    ctx.connection.onRequest(PodWorkspaceRequest.method, (params: PodWorkspaceParams, token) =>
      runSafe(
        ctx.log,
        () => filePodWorkspace(ctx, params.textDocument.uri),
        { objects: [], complete: false },
        'pod workspace',
        token,
      ),
    );
  },
};
