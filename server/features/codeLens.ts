/**
 * CodeLens above every Pod and pod template: `▶ Preview lifecycle`, and the one-line prediction of the
 * simulation (`Ready in ~14 s`, `CrashLoopBackOff predicted for app`). Listing lenses costs no simulation;
 * the prediction is computed in codeLens/resolve, which the editor only asks for visible lenses, and is
 * memoised by the document's text, so edits elsewhere in the file do not re-simulate it.
 */
import type { CodeLens, CodeLensParams } from 'vscode-languageserver';
import { PREVIEW_LIFECYCLE_COMMAND, type PreviewLifecycleArgs } from '../../shared/protocol/lsp';
import { fileObjects, predictionSummary, simulate } from '../../shared/sim';
import type { ServerContext } from '../context';
import { runSafe } from '../runSafe';
import type { Feature } from './feature';
import { asWorkspaceObjects, podWorkspace } from './podWorkspace';

interface LensData {
  uri: string;
  index: number;
}

const PREDICTION_CACHE_SIZE = 256;

const isLensData = (d: unknown): d is LensData =>
  typeof d === 'object' &&
  d !== null &&
  typeof (d as LensData).uri === 'string' &&
  Number.isInteger((d as LensData).index);

export class PredictionCache {
  private readonly entries = new Map<string, string>();

  get(key: string, compute: () => string): string {
    let value = this.entries.get(key);
    if (value === undefined) value = compute();
    else this.entries.delete(key);
    this.entries.set(key, value);
    if (this.entries.size > PREDICTION_CACHE_SIZE) this.entries.delete(this.entries.keys().next().value as string);
    return value;
  }
}

export function codeLenses(ctx: ServerContext, uri: string): CodeLens[] {
  if (!ctx.settings().codeLens.enable) return [];
  const pods = ctx.analysis().pods(uri);
  return pods.flatMap((pod) => {
    const line = pod.lensLine;
    const range = { start: { line, character: 0 }, end: { line, character: 0 } };
    const args: PreviewLifecycleArgs = [uri, pod.index];
    const data: LensData = { uri, index: pod.index };
    return [
      {
        range,
        command: {
          title: '▶ Preview lifecycle',
          tooltip: 'Open the predicted lifecycle of this pod beside the editor',
          command: PREVIEW_LIFECYCLE_COMMAND,
          arguments: args,
        },
      },
      { range, data },
    ];
  });
}

export function resolveCodeLens(ctx: ServerContext, lens: CodeLens, cache: PredictionCache): CodeLens {
  if (lens.command || !isLensData(lens.data)) return lens;
  const { uri, index } = lens.data;
  const analysis = ctx.analysis();
  const doc = analysis.documentByIndex(uri, index);
  const args: PreviewLifecycleArgs = [uri, index];
  if (!doc?.pod) return { ...lens, command: { title: 'No prediction', command: '' } };
  const pod = doc.pod;
  const until = ctx.settings().simulation.until;
  // The document's own text, from its parsed segment: reading the file's text would apply every queued edit.
  const [start, , end] = doc.ast.range;
  // The other documents of the file and the workspace objects the panel gets decide which Services, ConfigMaps,
  // Secrets and namespace policies exist: part of the key.
  const objects = fileObjects(analysis.documents(uri));
  // The prediction follows the target version's kubelet (podlens.kubernetesVersion, .podlens.yaml).
  const target = analysis.target(uri);
  const facts = podWorkspace(ctx, [pod]);
  const key = `${until}\0${JSON.stringify(target)}\0${JSON.stringify(objects)}\0${JSON.stringify(facts)}\0${doc.ctx.lines.text.slice(start, end)}`;
  const title = cache.get(key, () =>
    predictionSummary(simulate(pod, undefined, { until, objects, target, workspace: asWorkspaceObjects(facts) })),
  );
  return {
    ...lens,
    command: {
      title,
      tooltip: `Predicted by podlens over ${until} simulated seconds, assuming what the manifest implies. Click to step through it.`,
      command: PREVIEW_LIFECYCLE_COMMAND,
      arguments: args,
    },
  };
}

export const codeLensFeature: Feature = {
  capabilities: { codeLensProvider: { resolveProvider: true } },
  register(ctx) {
    const cache = new PredictionCache();
    ctx.connection.onCodeLens((params: CodeLensParams, token) =>
      runSafe(ctx.log, () => codeLenses(ctx, params.textDocument.uri), [], 'code lenses', token),
    );
    ctx.connection.onCodeLensResolve((lens, token) =>
      runSafe(ctx.log, () => resolveCodeLens(ctx, lens, cache), lens, 'code lens resolve', token),
    );
  },
};
