/**
 * Rules the engine reports itself rather than through a check: YAML syntax, the Helm/template notice, the analysis
 * budget and problems in podlens configuration, in the order the registry lists them.
 */
import { invalidConfigRule } from './rules/config/invalid-config';
import { unknownRuleIdRule } from './rules/config/unknown-rule-id';
import { analysisStoppedRule } from './rules/syntax/analysis-stopped';
import { helmTemplateRule } from './rules/syntax/helm-template';
import { yamlSyntaxRule } from './rules/syntax/yaml-syntax';
import type { Rule } from './types';

export const builtinRules: readonly Rule[] = [
  yamlSyntaxRule,
  helmTemplateRule,
  analysisStoppedRule,
  unknownRuleIdRule,
  invalidConfigRule,
];
