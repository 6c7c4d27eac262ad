/** The api rule family. */
import type { Rule } from '../../types';

export const apiValidationRules: Rule[] = [];
