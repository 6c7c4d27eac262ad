/** The structure family: what strict decoding of the object (as `kubectl apply` sends it) rejects, from the schema. */
import type { Rule } from '../../types';
import { duplicateKeyRule } from './duplicateKey';
import { invalidEnumRule } from './invalidEnum';
import { invalidQuantityRule } from './invalidQuantity';
import { invalidTypeRule } from './invalidType';
import { missingRequiredFieldRule } from './missingRequiredField';
import { unknownFieldRule } from './unknownField';

export const structureRules: Rule[] = [
  unknownFieldRule,
  invalidTypeRule,
  invalidEnumRule,
  missingRequiredFieldRule,
  invalidQuantityRule,
  duplicateKeyRule,
];
