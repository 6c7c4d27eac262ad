/**
 * Rule presets (`podlens.rulePreset`, `preset:` in .podlens.yaml). Best-practice findings (missing probes and
 * resources, recommended labels, the latest tag) matter for workloads that run for real; on a bare Pod, which
 * examples and experiments are made of, they are noise unless the user asks for them:
 * - `default`: best-practice findings on a bare Pod are hints; everything else keeps its severity.
 * - `strict`: every finding keeps its rule's severity, bare Pods included.
 * - `quiet`: best-practice rules are off; only predicted failures and API problems remain.
 * A level set for a rule id (`podlens.rules`, `rules:`) always wins over the preset.
 */
import type { RulePreset } from '../settings';
import type { ManifestDocument, RuleMeta, Severity } from './types';

export function presetSeverity(
  preset: RulePreset | undefined,
  meta: Pick<RuleMeta, 'bestPractice'> | undefined,
  reported: Severity,
  doc: Pick<ManifestDocument, 'workload'>,
): Severity | undefined {
  if (!meta?.bestPractice || preset === 'strict') return reported;
  if (preset === 'quiet') return undefined;
  return doc.workload === 'Pod' ? 'hint' : reported;
}
