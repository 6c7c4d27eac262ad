/**
 * Links from schema type names to the Kubernetes API reference on kubernetes.io. A page documents its own type at
 * the top and the types nested in it under `#<TypeName>` anchors.
 */
import { shortTypeName } from './schema';

const REFERENCE = 'https://kubernetes.io/docs/reference/kubernetes-api/';
const CORE = 'io.k8s.api.core.v1.';
const META = 'io.k8s.apimachinery.pkg.apis.meta.v1.';

/** Types with a page of their own. */
const OWN_PAGES: Readonly<Record<string, string>> = {
  [`${CORE}Pod`]: 'workload-resources/pod-v1',
  [`${CORE}ReplicationController`]: 'workload-resources/replication-controller-v1',
  'io.k8s.api.apps.v1.Deployment': 'workload-resources/deployment-v1',
  'io.k8s.api.apps.v1.ReplicaSet': 'workload-resources/replica-set-v1',
  'io.k8s.api.apps.v1.StatefulSet': 'workload-resources/stateful-set-v1',
  'io.k8s.api.apps.v1.DaemonSet': 'workload-resources/daemon-set-v1',
  'io.k8s.api.batch.v1.Job': 'workload-resources/job-v1',
  'io.k8s.api.batch.v1.CronJob': 'workload-resources/cron-job-v1',
  [`${CORE}PersistentVolumeClaim`]: 'config-and-storage-resources/persistent-volume-claim-v1',
  [`${CORE}Volume`]: 'config-and-storage-resources/volume',
  [`${META}ObjectMeta`]: 'common-definitions/object-meta',
  [`${META}LabelSelector`]: 'common-definitions/label-selector',
  'io.k8s.apimachinery.pkg.api.resource.Quantity': 'common-definitions/quantity',
  [`${CORE}LocalObjectReference`]: 'common-definitions/local-object-reference',
  [`${CORE}ObjectReference`]: 'common-definitions/object-reference',
  [`${CORE}TypedLocalObjectReference`]: 'common-definitions/typed-local-object-reference',
  [`${CORE}ObjectFieldSelector`]: 'common-definitions/object-field-selector',
  [`${CORE}ResourceFieldSelector`]: 'common-definitions/resource-field-selector',
  [`${CORE}KeyToPath`]: 'common-definitions/key-to-path',
  [`${CORE}DownwardAPIVolumeFile`]: 'common-definitions/downward-api-volume-file',
  [`${CORE}NodeSelectorRequirement`]: 'common-definitions/node-selector-requirement',
};

/** The page that documents a nested type; first match wins. */
const NESTED_PAGES: readonly (readonly [RegExp, string])[] = [
  [/^io\.k8s\.api\.apps\.v1\.(Deployment|RollingUpdateDeployment)/, 'workload-resources/deployment-v1'],
  [/^io\.k8s\.api\.apps\.v1\.ReplicaSet/, 'workload-resources/replica-set-v1'],
  [/^io\.k8s\.api\.apps\.v1\.(StatefulSet|RollingUpdateStatefulSet)/, 'workload-resources/stateful-set-v1'],
  [/^io\.k8s\.api\.apps\.v1\.(DaemonSet|RollingUpdateDaemonSet)/, 'workload-resources/daemon-set-v1'],
  [/^io\.k8s\.api\.batch\.v1\.(CronJob|JobTemplateSpec)/, 'workload-resources/cron-job-v1'],
  [/^io\.k8s\.api\.batch\.v1\./, 'workload-resources/job-v1'],
  [/^io\.k8s\.api\.core\.v1\.ReplicationController/, 'workload-resources/replication-controller-v1'],
  [/^io\.k8s\.api\.core\.v1\.PodTemplate/, 'workload-resources/pod-template-v1'],
  [
    /^io\.k8s\.api\.core\.v1\.(PersistentVolumeClaim(Spec|Status|Condition)|VolumeResourceRequirements|TypedObjectReference|ModifyVolumeStatus)$/,
    'config-and-storage-resources/persistent-volume-claim-v1',
  ],
  [
    /^io\.k8s\.api\.core\.v1\.(VolumeProjection|PersistentVolumeClaimTemplate|\w+VolumeSource|\w+Projection)$/,
    'config-and-storage-resources/volume',
  ],
  [
    /^io\.k8s\.apimachinery\.pkg\.apis\.meta\.v1\.(OwnerReference|ManagedFieldsEntry)$/,
    'common-definitions/object-meta',
  ],
  [/^io\.k8s\.apimachinery\.pkg\.apis\.meta\.v1\.LabelSelectorRequirement$/, 'common-definitions/label-selector'],
  // The rest of core/v1 that a pod reaches (Container, Probe, SecurityContext, PodStatus, ...) is on the Pod page.
  [/^io\.k8s\.api\.core\.v1\./, 'workload-resources/pod-v1'],
];

/**
 * The kubernetes.io API reference page of a type, anchored at its section; the reference index for Kubernetes
 * types without a page (IntOrString, Time); undefined for names that are not Kubernetes types.
 * @example
 *   docsUrl('io.k8s.api.core.v1.Container')
 *   // 'https://kubernetes.io/docs/reference/kubernetes-api/workload-resources/pod-v1/#Container'
 */
export function docsUrl(typeName: string): string | undefined {
  if (!typeName.startsWith('io.k8s.')) return undefined;
  const own = Object.hasOwn(OWN_PAGES, typeName) ? OWN_PAGES[typeName] : undefined;
  if (own) return `${REFERENCE}${own}/`;
  const nested = NESTED_PAGES.find(([pattern]) => pattern.test(typeName))?.[1];
  return nested ? `${REFERENCE}${nested}/#${shortTypeName(typeName)}` : REFERENCE;
}
