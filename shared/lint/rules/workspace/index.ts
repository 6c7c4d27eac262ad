/** Rules that read the workspace index: references and selectors across files. They report nothing without one. */
import type { Rule } from '../../types';
import { missingConfigKey } from './missingConfigKey';
import { referencedObjectMissing } from './referencedObjectMissing';
import { serviceSelectsNothing, serviceTargetPortUnknown } from './services';

export const workspaceRules: Rule[] = [
  missingConfigKey,
  serviceSelectsNothing,
  serviceTargetPortUnknown,
  referencedObjectMissing,
];
