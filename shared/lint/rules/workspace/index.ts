/** Rules that read the workspace index: references and selectors across files. They report nothing without one. */
import type { Rule } from '../../types';
import { missingConfigKeyRule } from './missing-config-key';
import { referencedObjectMissingRule } from './referenced-object-missing';
import { serviceSelectsNothingRule } from './service-selects-nothing';
import { serviceTargetPortUnknownRule } from './service-target-port-unknown';

export const workspaceRules: Rule[] = [
  missingConfigKeyRule,
  serviceSelectsNothingRule,
  serviceTargetPortUnknownRule,
  referencedObjectMissingRule,
];
