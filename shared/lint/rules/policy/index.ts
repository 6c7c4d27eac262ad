/** The namespace-policy family: what the admission plug-ins reading the workspace's LimitRanges, RuntimeClasses and ResourceQuotas refuse. */
import type { Rule } from '../../types';
import { limitRangeViolationRule } from './limitRangeViolation';
import { resourceQuotaExceededRule } from './resourceQuotaExceeded';
import { runtimeClassAdmissionRule } from './runtimeClassAdmission';

export const policyRules: readonly Rule[] = [
  limitRangeViolationRule,
  runtimeClassAdmissionRule,
  resourceQuotaExceededRule,
];
