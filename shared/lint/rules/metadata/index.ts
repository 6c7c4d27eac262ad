/** The metadata rule family. */
import type { Rule } from '../../types';
import { missingName } from './missingName';
import { recommendedLabels } from './recommendedLabels';

export const metadataRules: Rule[] = [missingName, recommendedLabels];
