/**
 * `unknown-rule-id`: a suppression comment or a configuration naming a rule podlens does not have, reported by the
 * engine while it reads them.
 */
import { engineReported } from '../../helpers/engineReported';
import type { Rule } from '../../types';

export const unknownRuleIdRule: Rule = engineReported({
  id: 'unknown-rule-id',
  family: 'config',
  severity: 'warning',
  summary: 'A suppression comment or a configuration names a rule id podlens does not have.',
});
