/** The structure family: what strict decoding of the object (as `kubectl apply` sends it) rejects, from the schema. */
import type { Rule } from '../../types';
import { duplicateKeyRule } from './duplicate-key';
import { invalidEnumRule } from './invalid-enum';
import { invalidQuantityRule } from './invalid-quantity';
import { invalidTypeRule } from './invalid-type';
import { missingRequiredFieldRule } from './missing-required-field';
import { unknownFieldRule } from './unknown-field';

export const structureRules: Rule[] = [
  unknownFieldRule,
  invalidTypeRule,
  invalidEnumRule,
  missingRequiredFieldRule,
  invalidQuantityRule,
  duplicateKeyRule,
];
