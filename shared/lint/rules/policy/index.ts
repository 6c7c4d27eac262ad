/** The namespace-policy family: what the admission plug-ins reading the workspace's LimitRanges, RuntimeClasses and ResourceQuotas refuse. */
import type { Rule } from '../../types';
import { limitRangeViolationRule } from './limit-range-violation';
import { resourceQuotaExceededRule } from './resource-quota-exceeded';
import { runtimeClassAdmissionRule } from './runtime-class-admission';

export const policyRules: readonly Rule[] = [
  limitRangeViolationRule,
  runtimeClassAdmissionRule,
  resourceQuotaExceededRule,
];
