/**
 * The one list of every rule, in a fixed order (explicit static imports, no discovery, so bundles are deterministic).
 * Ids are unique and never reused; the registry checks that once, when first used.
 */
import { builtinRules } from './builtinRules';
import { apiValidationRules } from './rules/api';
import { lifecycleRules } from './rules/lifecycle';
import { metadataRules } from './rules/metadata';
import { policyRules } from './rules/policy';
import { structureRules } from './rules/structure';
import { substitutionPlaceholderRule } from './rules/syntax/substitution-placeholder';
import { workloadRules } from './rules/workload';
import { workspaceRules } from './rules/workspace';
import type { Rule, RuleMeta } from './types';

let registry: { list: readonly Rule[]; byId: ReadonlyMap<string, Rule> } | undefined;

function load() {
  if (registry) return registry;
  const list = [
    ...builtinRules,
    substitutionPlaceholderRule,
    ...structureRules,
    ...apiValidationRules,
    ...workloadRules,
    ...policyRules,
    ...lifecycleRules,
    ...metadataRules,
    ...workspaceRules,
  ];
  const byId = new Map<string, Rule>();
  for (const rule of list) {
    // A duplicate id is a programming error in a rule family, not user input.
    if (byId.has(rule.meta.id)) throw new Error(`podlens: duplicate rule id ${rule.meta.id}`);
    if (!/^[a-z][a-z0-9]*(-[a-z0-9]+)*$/.test(rule.meta.id))
      throw new Error(`podlens: rule id not kebab-case: ${rule.meta.id}`);
    byId.set(rule.meta.id, rule);
  }
  registry = { list, byId };
  return registry;
}

/** Every rule, the engine's own first, then the structure, API-validation (pod spec, workload spec, then namespace policies), lifecycle and metadata families. */
export function allRules(): readonly Rule[] {
  return load().list;
}

export function ruleById(id: string): Rule | undefined {
  return load().byId.get(id);
}

/** Metadata of every rule (SARIF `tool.driver.rules`, hovers, docs checks). */
export function allRuleMetas(): RuleMeta[] {
  return load().list.map((r) => r.meta);
}

export function ruleIds(): string[] {
  return [...load().byId.keys()];
}
