/** The lifecycle rule family. */
import type { Rule } from '../../types';

export const lifecycleRules: Rule[] = [];
