/** The API-validation family: what the API server's validation (pkg/apis/core/validation and apps/batch) rejects. */
import type { Rule } from '../../types';
import { activeDeadlineSecondsRule } from './active-deadline-seconds';
import { apiVersionRule } from './api-version';
import { containerRestartPolicyRule } from './container-restart-policy';
import { duplicateContainerNameRule } from './duplicate-container-name';
import { duplicateMountPathRule } from './duplicate-mount-path';
import { duplicatePortNameRule } from './duplicate-port-name';
import { duplicateVolumeNameRule } from './duplicate-volume-name';
import { ephemeralContainersRule } from './ephemeral-containers';
import { featureGateOffRule } from './feature-gate-off';
import { handlerPortRule } from './handler-port';
import { hostNetworkHostPortRule } from './host-network-host-port';
import { hostPortConflictRule } from './host-port-conflict';
import { imageWhitespaceRule } from './image-whitespace';
import { initContainerProbesRule } from './init-container-probes';
import { invalidAffinityRule } from './invalid-affinity';
import { invalidAnnotationRule } from './invalid-annotation';
import { invalidContainerNameRule } from './invalid-container-name';
import { invalidDnsConfigRule } from './invalid-dns-config';
import { invalidEnvNameRule } from './invalid-env-name';
import { invalidEnvSourceRule } from './invalid-env-source';
import { invalidEphemeralVolumeRule } from './invalid-ephemeral-volume';
import { invalidFileModeRule } from './invalid-file-mode';
import { invalidFinalizerRule } from './invalid-finalizer';
import { invalidHostAliasRule } from './invalid-host-alias';
import { invalidHostUsersRule } from './invalid-host-users';
import { invalidHostnameOverrideRule } from './invalid-hostname-override';
import { invalidLabelRule } from './invalid-label';
import { invalidMountPropagationRule } from './invalid-mount-propagation';
import { invalidNameRule } from './invalid-name';
import { invalidPodOsRule } from './invalid-pod-os';
import { invalidPodResourcesRule } from './invalid-pod-resources';
import { invalidPortRule } from './invalid-port';
import { invalidPortNameRule } from './invalid-port-name';
import { invalidProcMountRule } from './invalid-proc-mount';
import { invalidReadinessGateRule } from './invalid-readiness-gate';
import { invalidResizePolicyRule } from './invalid-resize-policy';
import { invalidResourceRule } from './invalid-resource';
import { invalidResourceClaimRule } from './invalid-resource-claim';
import { invalidSchedulingGateRule } from './invalid-scheduling-gate';
import { invalidSecurityContextRule } from './invalid-security-context';
import { invalidSecurityProfileRule } from './invalid-security-profile';
import { invalidSpecNameRule } from './invalid-spec-name';
import { invalidSubPathRule } from './invalid-sub-path';
import { invalidSysctlRule } from './invalid-sysctl';
import { invalidTolerationRule } from './invalid-toleration';
import { invalidTopologySpreadRule } from './invalid-topology-spread';
import { invalidVolumeDeviceRule } from './invalid-volume-device';
import { invalidVolumeFileRule } from './invalid-volume-file';
import { invalidVolumeNameRule } from './invalid-volume-name';
import { invalidVolumeSourceRule } from './invalid-volume-source';
import { lifecycleHandlerRule } from './lifecycle-handler';
import { probeHandlerRule } from './probe-handler';
import { probeValuesRule } from './probe-values';
import { profileAnnotationMismatchRule } from './profile-annotation-mismatch';
import { requestsExceedLimitsRule } from './requests-exceed-limits';
import { selectorMismatchRule } from './selector-mismatch';
import { templateRestartPolicyRule } from './template-restart-policy';
import { volumeMountNotFoundRule } from './volume-mount-not-found';
import { volumeSourceRule } from './volume-source';

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
