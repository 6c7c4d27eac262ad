/**
 * `yaml-syntax`: the document is not valid YAML. The engine reports the parser's errors itself, before any rule runs.
 */
import { engineReported } from '../../helpers/engineReported';
import type { Rule } from '../../types';

export const yamlSyntaxRule: Rule = engineReported({
  id: 'yaml-syntax',
  family: 'syntax',
  severity: 'error',
  summary: 'The document is not valid YAML, so kubectl cannot read it.',
});
