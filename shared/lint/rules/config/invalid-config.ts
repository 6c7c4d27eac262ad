/**
 * `invalid-config`: a malformed `.podlens.yaml`, reported by the engine while it reads the configuration.
 */
import { engineReported } from '../../helpers/engineReported';
import type { Rule } from '../../types';

export const invalidConfigRule: Rule = engineReported({
  id: 'invalid-config',
  family: 'config',
  severity: 'error',
  summary: 'The .podlens.yaml file is malformed: it must be `rules: { <rule-id>: off|hint|info|warning|error }`.',
});
