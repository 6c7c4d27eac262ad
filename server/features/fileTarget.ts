/**
 * `podlens/fileTarget`: the Kubernetes version and feature gates a file is checked against, which only the server
 * knows whole (the folder's setting, else its `.podlens.yaml`): the client's status bar shows it.
 */
import { FileTargetRequest, type FileTargetResult, fileTargetParamsSchema } from '../../shared/protocol/lsp';
import type { ServerContext } from '../context';
import { runSafe } from '../runSafe';
import type { Feature } from './feature';

export function fileTarget(ctx: ServerContext, raw: unknown): FileTargetResult {
  const params = fileTargetParamsSchema.safeParse(raw);
  if (!params.success) return null;
  // A plain copy: the target may come from a frozen default.
  const { minor, featureGates } = ctx.analysis().target(params.data.textDocument.uri);
  return { minor, featureGates: { ...featureGates } };
}

export const fileTargetFeature: Feature = {
  capabilities: {},
  register(ctx) {
    ctx.connection.onRequest(FileTargetRequest.method, (params: unknown, token) =>
      runSafe(ctx.log, () => fileTarget(ctx, params), null, 'file target', token),
    );
  },
};
