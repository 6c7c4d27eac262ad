/** The normalised pod view of a manifest document: what the kubelet will be given, with source ranges. */

import type { FieldPath, Range } from '../util/range';
import type { Field } from './field';
import type { JobView } from './jobView';
import type { SchedulingView } from './schedulingView';

export const WORKLOAD_KINDS = [
  'Pod',
  'Deployment',
  'ReplicaSet',
  'ReplicationController',
  'StatefulSet',
  'DaemonSet',
  'Job',
  'CronJob',
] as const;
export type WorkloadKind = (typeof WORKLOAD_KINDS)[number];

/** Where the pod spec sits inside each workload kind. */
export const POD_SPEC_PATH: Record<WorkloadKind, readonly string[]> = {
  Pod: ['spec'],
  Deployment: ['spec', 'template', 'spec'],
  ReplicaSet: ['spec', 'template', 'spec'],
  ReplicationController: ['spec', 'template', 'spec'],
  StatefulSet: ['spec', 'template', 'spec'],
  DaemonSet: ['spec', 'template', 'spec'],
  Job: ['spec', 'template', 'spec'],
  CronJob: ['spec', 'jobTemplate', 'spec', 'template', 'spec'],
};

/** The apiVersion each pod-carrying kind is served at today. */
export const CURRENT_API_VERSION: Readonly<Record<WorkloadKind, string>> = {
  Pod: 'v1',
  ReplicationController: 'v1',
  Deployment: 'apps/v1',
  ReplicaSet: 'apps/v1',
  StatefulSet: 'apps/v1',
  DaemonSet: 'apps/v1',
  Job: 'batch/v1',
  CronJob: 'batch/v1',
};

export type ContainerRole = 'init' | 'sidecar' | 'regular';
export type ContainerList = 'initContainers' | 'containers';

export type HandlerType = 'exec' | 'httpGet' | 'tcpSocket' | 'grpc' | 'sleep';

export interface HandlerView {
  type: HandlerType;
  path: FieldPath;
  keyRange: Range;
  range: Range;
  command: Field<string[]>;
  port: Field<number | string>;
  httpPath: Field<string>;
  scheme: Field<string>;
  host: Field<string>;
  seconds: Field<number>;
}

export type ProbeKind = 'livenessProbe' | 'readinessProbe' | 'startupProbe';

export interface ProbeView {
  kind: ProbeKind;
  path: FieldPath;
  keyRange: Range;
  range: Range;
  /** Every handler key present, in source order (the API wants exactly one). */
  handlers: HandlerView[];
  initialDelaySeconds: Field<number>;
  periodSeconds: Field<number>;
  timeoutSeconds: Field<number>;
  successThreshold: Field<number>;
  failureThreshold: Field<number>;
  terminationGracePeriodSeconds: Field<number>;
}

export type HookKind = 'postStart' | 'preStop';

export interface HookView {
  kind: HookKind;
  path: FieldPath;
  keyRange: Range;
  range: Range;
  handlers: HandlerView[];
}

export interface PortView {
  index: number;
  path: FieldPath;
  range: Range;
  name: Field<string>;
  containerPort: Field<number>;
  hostPort: Field<number>;
  hostIP: Field<string>;
  protocol: Field<string>;
}

export type EnvSourceKind = 'configMapKeyRef' | 'secretKeyRef' | 'fieldRef' | 'resourceFieldRef' | 'fileKeyRef';

export interface EnvView {
  index: number;
  path: FieldPath;
  range: Range;
  name: Field<string>;
  value: Field<string>;
  /** Present when `valueFrom` is set: its sources in source order. */
  valueFrom?: { range: Range; keyRange: Range; sources: EnvSourceView[] };
}

export interface EnvSourceView {
  kind: EnvSourceKind;
  keyRange: Range;
  /** ConfigMap / Secret name for key refs. */
  name: Field<string>;
  key: Field<string>;
  optional: Field<boolean>;
  fieldPath: Field<string>;
  resource: Field<string>;
}

export interface EnvFromView {
  index: number;
  path: FieldPath;
  range: Range;
  kind: 'configMapRef' | 'secretRef' | undefined;
  name: Field<string>;
  optional: Field<boolean>;
  prefix: Field<string>;
}

export interface VolumeMountView {
  index: number;
  path: FieldPath;
  range: Range;
  name: Field<string>;
  mountPath: Field<string>;
  subPath: Field<string>;
  readOnly: Field<boolean>;
}

export interface ResourceListView {
  keyRange?: Range;
  range?: Range;
  /** resource name -> quantity text as written */
  entries: Map<string, Field<string>>;
}

export interface ResourcesView {
  keyRange?: Range;
  range?: Range;
  requests: ResourceListView;
  limits: ResourceListView;
}

export interface SecurityContextView {
  keyRange?: Range;
  privileged: Field<boolean>;
  allowPrivilegeEscalation: Field<boolean>;
  runAsNonRoot: Field<boolean>;
  runAsUser: Field<number>;
  readOnlyRootFilesystem: Field<boolean>;
}

export interface ContainerView {
  list: ContainerList;
  index: number;
  role: ContainerRole;
  path: FieldPath;
  /** Range of the whole list item. */
  range: Range;
  name: Field<string>;
  image: Field<string>;
  imagePullPolicy: Field<string>;
  command: Field<string[]>;
  args: Field<string[]>;
  workingDir: Field<string>;
  restartPolicy: Field<string>;
  ports: PortView[];
  env: EnvView[];
  envFrom: EnvFromView[];
  volumeMounts: VolumeMountView[];
  resources: ResourcesView;
  livenessProbe?: ProbeView;
  readinessProbe?: ProbeView;
  startupProbe?: ProbeView;
  lifecycle: { keyRange?: Range; postStart?: HookView; preStop?: HookView };
  securityContext: SecurityContextView;
  terminationMessagePath: Field<string>;
  terminationMessagePolicy: Field<string>;
}

export interface VolumeView {
  index: number;
  path: FieldPath;
  range: Range;
  name: Field<string>;
  /** Source keys present (emptyDir, configMap, ...) in source order. */
  sources: { type: string; keyRange: Range }[];
  configMapName: Field<string>;
  secretName: Field<string>;
  configMapOptional: Field<boolean>;
  secretOptional: Field<boolean>;
  claimName: Field<string>;
  /** ConfigMaps / Secrets named inside a projected volume. */
  projected: { kind: 'configMap' | 'secret'; name: Field<string>; optional: Field<boolean> }[];
}

export interface MetadataView {
  path: FieldPath;
  keyRange?: Range;
  name: Field<string>;
  generateName: Field<string>;
  namespace: Field<string>;
  labels: Map<string, { keyRange: Range; value: Field<string> }>;
  labelsRange?: Range;
  annotations: Map<string, { keyRange: Range; value: Field<string> }>;
}

export interface PodView {
  workload: WorkloadKind;
  /** Path of the pod spec (`spec`, `spec.template.spec`, ...). */
  specPath: FieldPath;
  specKeyRange?: Range;
  /** The object's own metadata (the Pod's, or the workload's). */
  metadata: MetadataView;
  /** The pod template's metadata for workloads; the Pod's metadata for Pods. */
  podMetadata: MetadataView;
  restartPolicy: Field<string>;
  terminationGracePeriodSeconds: Field<number>;
  activeDeadlineSeconds: Field<number>;
  dnsPolicy: Field<string>;
  hostNetwork: Field<boolean>;
  hostPID: Field<boolean>;
  hostIPC: Field<boolean>;
  enableServiceLinks: Field<boolean>;
  runtimeClassName: Field<string>;
  serviceAccountName: Field<string>;
  nodeName: Field<string>;
  schedulerName: Field<string>;
  priorityClassName: Field<string>;
  /** Scheduling gates, nodeSelector, required node affinity, tolerations (absent in hand-built views). */
  scheduling?: SchedulingView;
  /** The Job spec around the template, for Job and CronJob documents. */
  job?: JobView;
  imagePullSecrets: { index: number; range: Range; name: Field<string> }[];
  imagePullSecretsKeyRange?: Range;
  initContainers: ContainerView[];
  containers: ContainerView[];
  initContainersKeyRange?: Range;
  containersKeyRange?: Range;
  volumes: VolumeView[];
  volumesKeyRange?: Range;
  /** Pod-level resources (spec.resources, 1.32+). */
  resources: ResourcesView;
}
