/** The lifecycle rule family: what the kubelet will do with the pod (the Kubernetes v1.36 kubelet), in a fixed order. */
import type { Rule } from '../../types';
import { allowPrivilegeEscalationRule } from './allow-privilege-escalation';
import { crashloopPredictedRule } from './crashloop-predicted';
import { deprecatedVolumeTypeRule } from './deprecated-volume-type';
import { duplicateContainerPortRule } from './duplicate-container-port';
import { duplicateEnvRule } from './duplicate-env';
import { fractionalByteQuantityRule } from './fractional-byte-quantity';
import { gracePeriodZeroOrNegativeRule } from './grace-period-zero-or-negative';
import { hostNamespaceRule } from './host-namespace';
import { imagePullSecretNameRule } from './image-pull-secret-name';
import { initNeverSucceedsRule } from './init-never-succeeds';
import { latestTagRule } from './latest-tag';
import { livenessEqualsReadinessRule } from './liveness-equals-readiness';
import { livenessKillsSlowStartRule } from './liveness-kills-slow-start';
import { missingLivenessProbeRule } from './missing-liveness-probe';
import { missingMemoryLimitRule } from './missing-memory-limit';
import { missingReadinessProbeRule } from './missing-readiness-probe';
import { missingResourcesRule } from './missing-resources';
import { portConflictRule } from './port-conflict';
import { poststartHttpgetRule } from './poststart-httpget';
import { poststartPredictedToFailRule } from './poststart-predicted-to-fail';
import { prestopExceedsGraceRule } from './prestop-exceeds-grace';
import { privateRegistryNoPullSecretRule } from './private-registry-no-pull-secret';
import { privilegedContainerRule } from './privileged-container';
import { probePortNotDeclaredRule } from './probe-port-not-declared';
import { probePredictedToFailRule } from './probe-predicted-to-fail';
import { probeTimeoutExceedsPeriodRule } from './probe-timeout-exceeds-period';
import { pullPolicyNeverRule } from './pull-policy-never';

export const lifecycleRules: Rule[] = [
  latestTagRule,
  pullPolicyNeverRule,
  privateRegistryNoPullSecretRule,
  imagePullSecretNameRule,
  missingReadinessProbeRule,
  missingLivenessProbeRule,
  livenessEqualsReadinessRule,
  probeTimeoutExceedsPeriodRule,
  probePortNotDeclaredRule,
  livenessKillsSlowStartRule,
  crashloopPredictedRule,
  initNeverSucceedsRule,
  probePredictedToFailRule,
  poststartPredictedToFailRule,
  prestopExceedsGraceRule,
  gracePeriodZeroOrNegativeRule,
  poststartHttpgetRule,
  portConflictRule,
  duplicateEnvRule,
  duplicateContainerPortRule,
  missingResourcesRule,
  missingMemoryLimitRule,
  fractionalByteQuantityRule,
  deprecatedVolumeTypeRule,
  privilegedContainerRule,
  allowPrivilegeEscalationRule,
  hostNamespaceRule,
];
