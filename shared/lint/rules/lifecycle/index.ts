/** The lifecycle rule family: what the kubelet will do with the pod (the Kubernetes v1.36 kubelet), in a fixed order. */
import type { Rule } from '../../types';
import { deprecatedVolumeType, fractionalByteQuantity, imagePullSecretName } from './apiWarnings';
import { duplicateEnv } from './env';
import { crashloopPredicted, initNeverSucceeds } from './exits';
import { poststartHttpGet } from './hooks';
import { latestTag, privateRegistryNoPullSecret, pullPolicyNever } from './images';
import { duplicateContainerPort, portConflict } from './ports';
import { poststartPredictedToFail, probePredictedToFail } from './predicted';
import { probePortNotDeclared } from './probePort';
import { livenessEqualsReadiness, missingLivenessProbe, missingReadinessProbe } from './probes';
import { livenessKillsSlowStart, probeTimeoutExceedsPeriod } from './probeTiming';
import { missingMemoryLimit, missingResources } from './resources';
import { allowPrivilegeEscalation, hostNamespace, privilegedContainer } from './security';
import { gracePeriodZeroOrNegative, prestopExceedsGrace } from './termination';

export const lifecycleRules: Rule[] = [
  latestTag,
  pullPolicyNever,
  privateRegistryNoPullSecret,
  imagePullSecretName,
  missingReadinessProbe,
  missingLivenessProbe,
  livenessEqualsReadiness,
  probeTimeoutExceedsPeriod,
  probePortNotDeclared,
  livenessKillsSlowStart,
  crashloopPredicted,
  initNeverSucceeds,
  probePredictedToFail,
  poststartPredictedToFail,
  prestopExceedsGrace,
  gracePeriodZeroOrNegative,
  poststartHttpGet,
  portConflict,
  duplicateEnv,
  duplicateContainerPort,
  missingResources,
  missingMemoryLimit,
  fractionalByteQuantity,
  deprecatedVolumeType,
  privilegedContainer,
  allowPrivilegeEscalation,
  hostNamespace,
];
