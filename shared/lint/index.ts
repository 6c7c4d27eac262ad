/** Public entry of the lint engine: run rules, read configuration, list rules. */

export { builtinRules } from './builtinRules';
export {
  CONFIG_FILE_NAME,
  type ConfigFileResult,
  configFromSettings,
  DEFAULT_LINT_CONFIG,
  type LintConfig,
  mergeLintConfigs,
  parseConfigFile,
  RULE_LEVELS,
  type RuleLevel,
  targetOf,
} from './config';
export { crossFileRules, workspaceRules } from './crossFileRules';
export { isLintable } from './kinds';
export { allRuleMetas, allRules, ruleById, ruleIds } from './registry';
export {
  applyLevels,
  byPosition,
  type LintOptions,
  lintDocument,
  lintDocuments,
  lintText,
  type RuleFailure,
} from './run';
export { syntaxFindings, templateFinding } from './syntax';
export * from './types';
