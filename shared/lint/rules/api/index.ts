/** The API-validation family: what the API server's validation (pkg/apis/core/validation and apps/batch) rejects. */
import type { Rule } from '../../types';
import { apiVersionRule } from './apiVersion';
import { containerRestartPolicyRule } from './container-restart-policy';
import { duplicateContainerNameRule, imageWhitespaceRule, invalidContainerNameRule } from './containers';
import { invalidEnvNameRule, invalidEnvSourceRule } from './env';
import { featureGateOffRule } from './feature-gate-off';
import { handlerPortRule, lifecycleHandlerRule } from './handlers';
import { invalidAffinityRule } from './invalid-affinity';
import { invalidDnsConfigRule } from './invalid-dns-config';
import { invalidEphemeralVolumeRule } from './invalid-ephemeral-volume';
import { invalidFileModeRule } from './invalid-file-mode';
import { invalidFinalizerRule } from './invalid-finalizer';
import { invalidHostAliasRule } from './invalid-host-alias';
import { invalidHostUsersRule } from './invalid-host-users';
import { invalidHostnameOverrideRule } from './invalid-hostname-override';
import { invalidMountPropagationRule } from './invalid-mount-propagation';
import { invalidPodOsRule } from './invalid-pod-os';
import { invalidPodResourcesRule } from './invalid-pod-resources';
import { invalidProcMountRule } from './invalid-proc-mount';
import { invalidReadinessGateRule } from './invalid-readiness-gate';
import { invalidResizePolicyRule } from './invalid-resize-policy';
import { invalidResourceClaimRule } from './invalid-resource-claim';
import { invalidSchedulingGateRule } from './invalid-scheduling-gate';
import { invalidSecurityProfileRule } from './invalid-security-profile';
import { invalidSysctlRule } from './invalid-sysctl';
import { invalidTolerationRule } from './invalid-toleration';
import { invalidTopologySpreadRule } from './invalid-topology-spread';
import { invalidVolumeDeviceRule } from './invalid-volume-device';
import { invalidVolumeFileRule } from './invalid-volume-file';
import { invalidVolumeSourceRule } from './invalid-volume-source';
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
import { profileAnnotationMismatchRule } from './profile-annotation-mismatch';
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
  featureGateOffRule,
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
  invalidTolerationRule,
  invalidAffinityRule,
  invalidTopologySpreadRule,
  invalidDnsConfigRule,
  invalidSchedulingGateRule,
  invalidReadinessGateRule,
  invalidHostAliasRule,
  invalidSysctlRule,
  invalidSecurityProfileRule,
  invalidPodOsRule,
  invalidPodResourcesRule,
  invalidProcMountRule,
  invalidHostUsersRule,
  invalidHostnameOverrideRule,
  profileAnnotationMismatchRule,
  invalidFileModeRule,
  invalidVolumeDeviceRule,
  invalidVolumeFileRule,
  invalidVolumeSourceRule,
  invalidEphemeralVolumeRule,
  invalidMountPropagationRule,
  invalidFinalizerRule,
  invalidResizePolicyRule,
  invalidResourceClaimRule,
];
