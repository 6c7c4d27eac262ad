/** The metadata rule family. */
import type { Rule } from '../../types';
import { missingNameRule } from './missing-name';
import { recommendedLabelsRule } from './recommended-labels';

export const metadataRules: Rule[] = [missingNameRule, recommendedLabelsRule];
