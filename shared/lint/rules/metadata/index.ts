/** The metadata rule family. */
import type { Rule } from '../../types';

export const metadataRules: Rule[] = [];
