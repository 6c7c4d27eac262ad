/** The API-validation family: what the API server's validation (pkg/apis/core/validation and apps/batch) rejects. */
import type { Rule } from '../../types';
import { apiVersionRule } from './apiVersion';
import { containerRestartPolicyRule } from './container-restart-policy';
import { duplicateContainerNameRule, imageWhitespaceRule, invalidContainerNameRule } from './containers';
import { invalidEnvNameRule, invalidEnvSourceRule } from './env';
import { handlerPortRule, lifecycleHandlerRule } from './handlers';
import { invalidAnnotationRule, invalidLabelRule } from './labels';
import { duplicateMountPathRule, invalidSubPathRule, volumeMountNotFoundRule } from './mounts';
import { invalidNameRule, invalidSpecNameRule } from './names';
import {
  duplicatePortNameRule,
  hostNetworkHostPortRule,
  hostPortConflictRule,
  invalidPortNameRule,
  invalidPortRule,
} from './ports';
import { initContainerProbesRule, probeHandlerRule, probeValuesRule } from './probes';
import { invalidResourceRule, requestsExceedLimitsRule } from './resources';
import { invalidSecurityContextRule } from './securityContext';
import {
  activeDeadlineSecondsRule,
  ephemeralContainersRule,
  selectorMismatchRule,
  templateRestartPolicyRule,
} from './template';
import { duplicateVolumeNameRule, invalidVolumeNameRule, volumeSourceRule } from './volumes';

export const apiValidationRules: Rule[] = [
  apiVersionRule,
  invalidNameRule,
  invalidSpecNameRule,
  invalidContainerNameRule,
  duplicateContainerNameRule,
  imageWhitespaceRule,
  containerRestartPolicyRule,
  invalidPortRule,
  invalidPortNameRule,
  duplicatePortNameRule,
  hostPortConflictRule,
  hostNetworkHostPortRule,
  invalidEnvNameRule,
  invalidEnvSourceRule,
  requestsExceedLimitsRule,
  invalidResourceRule,
  probeHandlerRule,
  probeValuesRule,
  initContainerProbesRule,
  lifecycleHandlerRule,
  handlerPortRule,
  invalidSecurityContextRule,
  invalidLabelRule,
  invalidAnnotationRule,
  invalidVolumeNameRule,
  duplicateVolumeNameRule,
  volumeSourceRule,
  volumeMountNotFoundRule,
  duplicateMountPathRule,
  invalidSubPathRule,
  templateRestartPolicyRule,
  selectorMismatchRule,
  activeDeadlineSecondsRule,
  ephemeralContainersRule,
];
