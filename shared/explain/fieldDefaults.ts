/**
 * What the API server stores for a field left out, keyed by `<owner type>.<property>`: API defaulting
 * (pkg/apis/<group>/v1/defaults.go, the Kubernetes v1.36 kubelet) plus the two admission plugins every cluster
 * runs (ServiceAccount, DefaultTolerationSeconds). Fields whose absence simply means "off" are not listed.
 */
import { DEFAULT_RESTART_POLICY, DEFAULT_TERMINATION_GRACE_PERIOD_SECONDS } from '../k8s/podDefaults';
import { code } from './text';

const c = code;

const DEFAULTS: Readonly<Record<string, string>> = {
  'PodSpec.restartPolicy': `${c(DEFAULT_RESTART_POLICY)} (a Job's pod template must set ${c('OnFailure')} or ${c('Never')})`,
  'PodSpec.dnsPolicy': c('ClusterFirst'),
  'PodSpec.terminationGracePeriodSeconds': c(DEFAULT_TERMINATION_GRACE_PERIOD_SECONDS),
  'PodSpec.schedulerName': c('default-scheduler'),
  'PodSpec.securityContext': c('{}'),
  'PodSpec.enableServiceLinks': c('true'),
  'PodSpec.serviceAccountName': `${c('default')} (ServiceAccount admission)`,
  'PodSpec.tolerations': `not-ready and unreachable, ${c('NoExecute')} for 300 s (DefaultTolerationSeconds admission)`,
  'Container.imagePullPolicy': `${c('Always')} when the tag is ${c('latest')} or missing, else ${c('IfNotPresent')}`,
  'Container.terminationMessagePath': c('/dev/termination-log'),
  'Container.terminationMessagePolicy': c('File'),
  'ContainerPort.protocol': c('TCP'),
  'ContainerPort.hostPort': `the ${c('containerPort')} when ${c('hostNetwork: true')}`,
  'ResourceRequirements.requests': 'each limited resource gets a request equal to its limit (Pods)',
  'Probe.timeoutSeconds': c(1),
  'Probe.periodSeconds': c(10),
  'Probe.successThreshold': c(1),
  'Probe.failureThreshold': c(3),
  'Probe.initialDelaySeconds': `${c(0)} (checks start right away)`,
  'HTTPGetAction.path': c('/'),
  'HTTPGetAction.scheme': c('HTTP'),
  'HTTPGetAction.host': 'the pod IP',
  'ObjectFieldSelector.apiVersion': c('v1'),
  'ResourceFieldSelector.divisor': c(1),
  'ConfigMapVolumeSource.defaultMode': `${c('0644')} (420)`,
  'SecretVolumeSource.defaultMode': `${c('0644')} (420)`,
  'ProjectedVolumeSource.defaultMode': `${c('0644')} (420)`,
  'DownwardAPIVolumeSource.defaultMode': `${c('0644')} (420)`,
  'DeploymentSpec.replicas': c(1),
  'DeploymentSpec.revisionHistoryLimit': c(10),
  'DeploymentSpec.progressDeadlineSeconds': c(600),
  'DeploymentSpec.strategy': `${c('RollingUpdate')} with maxSurge and maxUnavailable ${c('25%')}`,
  'RollingUpdateDeployment.maxSurge': c('25%'),
  'RollingUpdateDeployment.maxUnavailable': c('25%'),
  'StatefulSetSpec.replicas': c(1),
  'StatefulSetSpec.revisionHistoryLimit': c(10),
  'StatefulSetSpec.podManagementPolicy': c('OrderedReady'),
  'StatefulSetSpec.updateStrategy': `${c('RollingUpdate')} with partition ${c(0)}`,
  'DaemonSetSpec.revisionHistoryLimit': c(10),
  'DaemonSetSpec.updateStrategy': `${c('RollingUpdate')} with maxUnavailable ${c(1)}, maxSurge ${c(0)}`,
  'ReplicaSetSpec.replicas': c(1),
  'ReplicationControllerSpec.replicas': c(1),
  'JobSpec.backoffLimit': c(6),
  'JobSpec.completions': `${c(1)} when parallelism is unset too`,
  'JobSpec.parallelism': c(1),
  'JobSpec.completionMode': c('NonIndexed'),
  'JobSpec.suspend': c('false'),
  'CronJobSpec.concurrencyPolicy': c('Allow'),
  'CronJobSpec.suspend': c('false'),
  'CronJobSpec.successfulJobsHistoryLimit': c(3),
  'CronJobSpec.failedJobsHistoryLimit': c(1),
};

/**
 * The default of `property` on objects of `ownerType` (short name), as Markdown; undefined when none.
 * @example fieldDefault('Probe', 'periodSeconds') // '`10`'
 */
export function fieldDefault(ownerType: string, property: string): string | undefined {
  const key = `${ownerType}.${property}`;
  return Object.hasOwn(DEFAULTS, key) ? DEFAULTS[key] : undefined;
}
