/**
 * Rules the engine reports itself rather than through a check: YAML syntax, the Helm/template notice, the
 * analysis budget and problems
 * in podlens configuration. They are registered like any other rule so they have ids, levels, docs and SARIF entries.
 */
import type { Rule } from './types';

function engineReported(meta: Rule['meta']): Rule {
  return { meta, check: () => undefined };
}

const yamlSyntaxRule = engineReported({
  id: 'yaml-syntax',
  family: 'syntax',
  severity: 'error',
  summary: 'The document is not valid YAML, so kubectl cannot read it.',
});

const helmTemplateRule = engineReported({
  id: 'helm-template',
  family: 'syntax',
  severity: 'info',
  summary: 'Helm/Go-template markers found: the templates are not analysed until rendered.',
});

const analysisStoppedRule = engineReported({
  id: 'analysis-stopped',
  family: 'syntax',
  severity: 'info',
  summary: 'The document is too large or complex to analyse: podlens checks its YAML syntax only.',
});

const unknownRuleIdRule = engineReported({
  id: 'unknown-rule-id',
  family: 'config',
  severity: 'warning',
  summary: 'A suppression comment or a configuration names a rule id podlens does not have.',
});

const invalidConfigRule = engineReported({
  id: 'invalid-config',
  family: 'config',
  severity: 'error',
  summary: 'The .podlens.yaml file is malformed: it must be `rules: { <rule-id>: off|hint|info|warning|error }`.',
});

export const builtinRules: readonly Rule[] = [
  yamlSyntaxRule,
  helmTemplateRule,
  analysisStoppedRule,
  unknownRuleIdRule,
  invalidConfigRule,
];
