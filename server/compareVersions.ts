/**
 * A file against two Kubernetes targets: the findings only one of them reports, and each pod's predicted
 * timeline under both kubelets. Pure over its inputs, so the LSP request and tests share it.
 */
import type { KubernetesTarget } from '../shared/k8s/version/target';
import { versionLabel } from '../shared/k8s/version/target';
import { type Finding, type LintConfig, lintDocuments } from '../shared/lint';
import type { ManifestDocument } from '../shared/model';
import type { CompareVersionsResult, FindingSummary } from '../shared/protocol/lsp';
import { fileObjects, type SimulationResult, simulate } from '../shared/sim';

/** More steps than anyone reads in a comparison; the panel shows the whole timeline. */
const MAX_STEPS = 60;

const label = (t: KubernetesTarget) => {
  const gates = Object.entries(t.featureGates).map(([g, on]) => `${g}=${on}`);
  return `${versionLabel(t.minor)}${gates.length > 0 ? ` (${gates.join(', ')})` : ''}`;
};

const summary = (f: Finding): FindingSummary => ({
  rule: f.rule,
  severity: f.severity,
  message: f.message,
  line: f.range.start.line,
});

const keyOf = (f: FindingSummary) => `${f.rule}\0${f.line}\0${f.message}`;

function timeline(r: SimulationResult): CompareVersionsResult['pods'][number]['base'] {
  if (r.steps.length === 0) return { steps: [], rejected: r.errors.map((e) => `${e.field}: ${e.message}`) };
  const steps = r.steps.slice(0, MAX_STEPS).map((s) => {
    const k = s.snapshot.kubectl;
    const what = s.snapshot.exists ? `${k.STATUS} ${k.READY} restarts ${k.RESTARTS}` : 'deleted';
    return `${s.t}${s.after ? '+' : ''} ${what}`;
  });
  return { steps, rejected: [] };
}

/**
 * @example compareVersions(docs, config, { minor: 36, featureGates: {} }, { minor: 29, featureGates: {} }, 900).added
 */
export function compareVersions(
  docs: readonly ManifestDocument[],
  config: LintConfig,
  base: KubernetesTarget,
  other: KubernetesTarget,
  until: number,
): CompareVersionsResult {
  const lint = (target: KubernetesTarget) => lintDocuments([...docs], { config, target }).map(summary);
  const before = lint(base);
  const after = lint(other);
  const beforeKeys = new Set(before.map(keyOf));
  const afterKeys = new Set(after.map(keyOf));
  const objects = fileObjects(docs);
  const pods = docs.flatMap((d) => {
    if (!d.pod || d.templated) return [];
    const pod = d.pod;
    const run = (target: KubernetesTarget) => timeline(simulate(pod, undefined, { until, objects, target }));
    const a = run(base);
    const b = run(other);
    const name = pod.metadata.name.kind === 'value' ? pod.metadata.name.value : `document ${d.index + 1}`;
    return [{ index: d.index, name, base: a, other: b, same: JSON.stringify(a) === JSON.stringify(b) }];
  });
  const result = {
    base: label(base),
    other: label(other),
    added: after.filter((f) => !beforeKeys.has(keyOf(f))),
    removed: before.filter((f) => !afterKeys.has(keyOf(f))),
    pods,
  };
  return { ...result, report: report(result) };
}

function findingLines(list: readonly FindingSummary[]): string[] {
  return list.map((f) => `- line ${f.line + 1}: **${f.severity}** \`${f.rule}\`: ${f.message}`);
}

function timelineLines(t: CompareVersionsResult['pods'][number]['base']): string[] {
  return t.rejected.length > 0 ? t.rejected.map((r) => `rejected by the API server: ${r}`) : t.steps;
}

/** The comparison as a Markdown page: diagnostics first, then each pod's two timelines side by side in order. */
function report(r: Omit<CompareVersionsResult, 'report'>): string {
  const out = [`# ${r.base} → ${r.other}`, '', `## Diagnostics`, ''];
  if (r.added.length === 0 && r.removed.length === 0) out.push('No diagnostic changes.', '');
  if (r.added.length > 0) out.push(`New in ${r.other}:`, '', ...findingLines(r.added), '');
  if (r.removed.length > 0) out.push(`Gone in ${r.other}:`, '', ...findingLines(r.removed), '');
  out.push('## Predicted lifecycle', '');
  if (r.pods.length === 0) out.push('No pod to simulate.', '');
  for (const p of r.pods) {
    out.push(`### ${p.name} (document ${p.index + 1})`, '');
    if (p.same) {
      out.push(`Same timeline on both kubelets.`, '');
      continue;
    }
    out.push(`kubelet ${r.base}:`, '', '```', ...timelineLines(p.base), '```', '');
    out.push(`kubelet ${r.other}:`, '', '```', ...timelineLines(p.other), '```', '');
  }
  return out.join('\n');
}
