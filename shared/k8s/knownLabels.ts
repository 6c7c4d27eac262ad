/**
 * Well-known label and annotation keys with what they mean and who sets them, for hovers and label-key
 * completion. Sources: kubernetes.io "Well-Known Labels, Annotations and Taints" and "Recommended Labels";
 * a few widely used non-Kubernetes conventions are marked as such.
 */

export interface KnownKey {
  key: string;
  /** One or two sentences. */
  meaning: string;
  /** Example value, shown in completions. */
  example?: string;
  /** Set by a controller or tool: writing it by hand is usually a mistake. */
  managed?: string;
  /** A convention of a tool, not of Kubernetes itself. */
  convention?: string;
  deprecated?: string;
}

/** The recommended `app.kubernetes.io/*` labels, offered by completion on every labels map. */
export const RECOMMENDED_LABELS: readonly KnownKey[] = [
  {
    key: 'app.kubernetes.io/name',
    meaning: 'The name of the application.',
    example: 'mysql',
  },
  {
    key: 'app.kubernetes.io/instance',
    meaning: 'A unique name identifying this instance of the application.',
    example: 'mysql-abcxyz',
  },
  {
    key: 'app.kubernetes.io/version',
    meaning: 'The current version of the application (a semantic version or a revision hash).',
    example: '5.7.21',
  },
  {
    key: 'app.kubernetes.io/component',
    meaning: 'The component within the architecture.',
    example: 'database',
  },
  {
    key: 'app.kubernetes.io/part-of',
    meaning: 'The name of a higher-level application this one is part of.',
    example: 'wordpress',
  },
  {
    key: 'app.kubernetes.io/managed-by',
    meaning: 'The tool being used to manage the operation of the application.',
    example: 'Helm',
  },
];

export const KNOWN_LABELS: readonly KnownKey[] = [
  ...RECOMMENDED_LABELS,
  {
    key: 'app.kubernetes.io/created-by',
    meaning: 'The controller or user who created this resource.',
    deprecated: 'Removed from the recommended labels; use app.kubernetes.io/managed-by.',
  },
  {
    key: 'pod-template-hash',
    meaning: 'Distinguishes the ReplicaSets (and their Pods) of one Deployment revision.',
    managed: 'the Deployment controller',
  },
  {
    key: 'controller-revision-hash',
    meaning: 'The ControllerRevision a StatefulSet or DaemonSet Pod was created from.',
    managed: 'the StatefulSet and DaemonSet controllers',
  },
  {
    key: 'statefulset.kubernetes.io/pod-name',
    meaning: 'The Pod name, so a Service can select a single StatefulSet Pod.',
    managed: 'the StatefulSet controller',
  },
  {
    key: 'apps.kubernetes.io/pod-index',
    meaning: 'The ordinal index of a StatefulSet Pod.',
    managed: 'the StatefulSet controller',
  },
  {
    key: 'batch.kubernetes.io/job-name',
    meaning: 'The Job that owns this Pod.',
    managed: 'the Job controller',
  },
  {
    key: 'batch.kubernetes.io/controller-uid',
    meaning: "The UID of the owning Job; the Job's selector matches it.",
    managed: 'the Job controller',
  },
  {
    key: 'batch.kubernetes.io/job-completion-index',
    meaning: 'The completion index of a Pod of an Indexed Job.',
    managed: 'the Job controller',
  },
  {
    key: 'job-name',
    meaning: 'Legacy form of batch.kubernetes.io/job-name.',
    managed: 'the Job controller',
  },
  {
    key: 'controller-uid',
    meaning: 'Legacy form of batch.kubernetes.io/controller-uid.',
    managed: 'the Job controller',
  },
  {
    key: 'kubernetes.io/os',
    meaning: 'Node label with the operating system (linux, windows); use it in nodeSelector to pick nodes.',
    example: 'linux',
    managed: 'the kubelet (on Node objects)',
  },
  {
    key: 'kubernetes.io/arch',
    meaning: 'Node label with the CPU architecture (amd64, arm64); use it in nodeSelector to pick nodes.',
    example: 'amd64',
    managed: 'the kubelet (on Node objects)',
  },
  {
    key: 'kubernetes.io/hostname',
    meaning: "Node label with the node's hostname; a common topologyKey for spreading one Pod per node.",
    managed: 'the kubelet (on Node objects)',
  },
  {
    key: 'topology.kubernetes.io/zone',
    meaning: 'Node label with the failure zone; a common topologyKey for spreading across zones.',
    managed: 'the cloud provider (on Node objects)',
  },
  {
    key: 'topology.kubernetes.io/region',
    meaning: 'Node label with the region.',
    managed: 'the cloud provider (on Node objects)',
  },
  {
    key: 'node.kubernetes.io/instance-type',
    meaning: 'Node label with the cloud instance type.',
    managed: 'the cloud provider (on Node objects)',
  },
  {
    key: 'app',
    meaning: 'Informal application label; app.kubernetes.io/name is the recommended form.',
    convention: 'common practice (kubectl create, many charts)',
  },
];

export const KNOWN_ANNOTATIONS: readonly KnownKey[] = [
  {
    key: 'kubectl.kubernetes.io/default-container',
    meaning: 'The container kubectl logs, exec and attach use when -c is not given.',
  },
  {
    key: 'kubectl.kubernetes.io/restartedAt',
    meaning: 'Changing it changes the pod template, which rolls out new Pods.',
    managed: 'kubectl rollout restart',
  },
  {
    key: 'kubectl.kubernetes.io/last-applied-configuration',
    meaning: 'The configuration last applied with client-side kubectl apply, used for three-way merges.',
    managed: 'kubectl apply',
  },
  {
    key: 'kubernetes.io/change-cause',
    meaning: 'Shown in the CHANGE-CAUSE column of kubectl rollout history.',
  },
  {
    key: 'deployment.kubernetes.io/revision',
    meaning: 'The rollout revision of a Deployment and its ReplicaSets.',
    managed: 'the Deployment controller',
  },
  {
    key: 'cluster-autoscaler.kubernetes.io/safe-to-evict',
    meaning: '"false" stops the cluster autoscaler from removing the node this Pod runs on; "true" allows it.',
    convention: 'Cluster Autoscaler',
  },
  {
    key: 'container.apparmor.security.beta.kubernetes.io/',
    meaning: 'AppArmor profile of one container (suffix: the container name).',
    deprecated: 'Use securityContext.appArmorProfile (GA in 1.30).',
  },
  {
    key: 'seccomp.security.alpha.kubernetes.io/pod',
    meaning: 'Seccomp profile of the Pod.',
    deprecated: 'Ignored since 1.27; use securityContext.seccompProfile.',
  },
  {
    key: 'prometheus.io/scrape',
    meaning: '"true" asks a Prometheus configured with the common annotation-based discovery to scrape this Pod.',
    convention: 'Prometheus scrape configs (not interpreted by Kubernetes)',
  },
  {
    key: 'prometheus.io/port',
    meaning: 'The port Prometheus scrapes.',
    convention: 'Prometheus scrape configs (not interpreted by Kubernetes)',
  },
  {
    key: 'prometheus.io/path',
    meaning: 'The metrics path Prometheus scrapes (default /metrics).',
    convention: 'Prometheus scrape configs (not interpreted by Kubernetes)',
  },
  {
    key: 'sidecar.istio.io/inject',
    meaning: '"true"/"false" turns Istio sidecar injection on or off for this Pod.',
    convention: 'Istio',
  },
  {
    key: 'linkerd.io/inject',
    meaning: '"enabled" or "disabled" turns Linkerd proxy injection on or off.',
    convention: 'Linkerd',
  },
];

function find(list: readonly KnownKey[], key: string): KnownKey | undefined {
  // Entries ending in "/" describe a family of keys (the suffix names a container).
  return list.find((k) => k.key === key || (k.key.endsWith('/') && key.startsWith(k.key)));
}

export function knownLabel(key: string): KnownKey | undefined {
  return find(KNOWN_LABELS, key);
}

export function knownAnnotation(key: string): KnownKey | undefined {
  return find(KNOWN_ANNOTATIONS, key);
}
