/**
 * `podlens/compareVersions`: the open file linted and simulated against the file's own target and a second
 * one (the "Compare with v1.xx" command). Parameters are zod-parsed: a malformed request gets an empty answer.
 */
import {
  CompareVersionsRequest,
  type CompareVersionsResult,
  compareVersionsParamsSchema,
} from '../../shared/protocol/lsp';
import { compareVersions } from '../compareVersions';
import type { ServerContext } from '../context';
import { runSafe } from '../runSafe';
import type { Feature } from './feature';

const EMPTY: CompareVersionsResult = { base: '', other: '', added: [], removed: [], pods: [], report: '' };

export function compareRequest(ctx: ServerContext, raw: unknown): CompareVersionsResult {
  const params = compareVersionsParamsSchema.safeParse(raw);
  if (!params.success) return EMPTY;
  const uri = params.data.textDocument.uri;
  const analysis = ctx.analysis();
  if (!analysis.has(uri)) return EMPTY;
  const config = analysis.spec().config;
  const until = ctx.settings().simulation.until;
  return compareVersions(analysis.documents(uri), config, analysis.target(uri), params.data.other, until);
}

export const compareVersionsFeature: Feature = {
  capabilities: {},
  register(ctx) {
    ctx.connection.onRequest(CompareVersionsRequest.method, (params: unknown, token) =>
      runSafe(ctx.log, () => compareRequest(ctx, params), EMPTY, 'compare versions', token),
    );
  },
};
