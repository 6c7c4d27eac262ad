/**
 * Which keys an object must carry. The schema's `required` lists are a start, but the API server's validation
 * decides: some listed keys are accepted empty or are dropped with a disabled feature gate (excluded here), and
 * validation.go requires keys the OpenAPI data leaves optional (added here). A key counts as missing when it is
 * absent, null, an empty string or an empty list, because Go validation cannot tell those apart.
 */
import { isScalar, isSeq, type YAMLMap } from 'yaml';
import { type ObjectSchema, shortTypeName } from '../../../../k8s/schema';
import type { DocContext } from '../../../../model';
import { resolveScalar } from '../../../../yaml/scalar';

/** `Type.field` pairs the schema lists as required that the API server does not reject when missing. */
const NOT_ENFORCED = new Set([
  // apiVersion/kind are judged by the api-version rule.
  'Pod.apiVersion',
  'Pod.kind',
  'Deployment.apiVersion',
  'Deployment.kind',
  'ReplicaSet.apiVersion',
  'ReplicaSet.kind',
  'StatefulSet.apiVersion',
  'StatefulSet.kind',
  'DaemonSet.apiVersion',
  'DaemonSet.kind',
  'Job.apiVersion',
  'Job.kind',
  'CronJob.apiVersion',
  'CronJob.kind',
  'ReplicationController.apiVersion',
  'ReplicationController.kind',
  // validateHTTPGetAction checks header names only; an empty value is sent as "".
  'HTTPHeader.value',
  // validateSysctls checks names only.
  'Sysctl.value',
  // PodLifecycleSleepActionAllowZero is GA in v1.34: `seconds: 0` (the zero value) is valid.
  'SleepAction.seconds',
  // ContainerRestartRules (beta, on since v1.35): validateContainerRestartPolicy answers a missing action or operator
  // with NotSupported "", which container-restart-policy reports.
  'ContainerRestartRule.action',
  'ContainerRestartRuleOnExitCodes.operator',
  // Alpha or beta-off fields that a v1.36 API server drops before validation (feature gates off by default).
  'FileKeySelector.key',
  'FileKeySelector.path',
  'FileKeySelector.volumeName',
  'PodCertificateProjection.keyType',
  'PodCertificateProjection.signerName',
  'ClusterTrustBundleProjection.path',
  // ISCSI lun 0 is a valid LUN (validateISCSIVolumeSource checks 0..255).
  'ISCSIVolumeSource.lun',
]);

/** Keys validation.go requires although the schema leaves them optional, with the function that requires them. */
const ALSO_REQUIRED: Record<string, readonly string[]> = {
  // validateContainerCommon: `if len(ctr.Image) == 0 { Required }` (templates too).
  Container: ['image'],
  EphemeralContainer: ['image'],
  // validateExecAction
  ExecAction: ['command'],
  // validateConfigMapVolumeSource, validateSecretVolumeSource
  ConfigMapVolumeSource: ['name'],
  SecretVolumeSource: ['secretName'],
  // validateProjectionSources
  ConfigMapProjection: ['name'],
  SecretProjection: ['name'],
  // validateConfigMapEnvSource, validateSecretEnvSource
  ConfigMapEnvSource: ['name'],
  SecretEnvSource: ['name'],
  // ValidatePodTemplateSpecForRC: an RC's template is a pointer, Required when nil (apps kinds hold a struct).
  ReplicationControllerSpec: ['template'],
};

/** Zero-valued integers that validation reports as Required (validateContainerPorts: containerPort 0). */
const ZERO_IS_MISSING = new Set(['ContainerPort.containerPort']);

function isMissing(ctx: DocContext, map: YAMLMap, key: string, zeroIsMissing: boolean): boolean {
  const node = ctx.get(map, key);
  if (!node) return true;
  if (isSeq(node)) return node.items.length === 0;
  if (!isScalar(node)) return false;
  const s = resolveScalar(node);
  if (s.type === 'null') return true;
  if (s.type === 'string') return s.value === '';
  return zeroIsMissing && s.type === 'int' && s.value === 0;
}

export interface MissingField {
  field: string;
  /** Set when the key is present but empty (`containers: []`, `image: ""`). */
  reason?: string;
}

/**
 * Required keys of `schema` that `map` lacks. `present` holds the keys written (merge keys included), so a key
 * written with an empty value is reported as empty rather than absent.
 */
export function requiredFields(
  schema: ObjectSchema,
  map: YAMLMap,
  ctx: DocContext,
  present: Set<string>,
): MissingField[] {
  const type = shortTypeName(schema.name);
  const keys = [...schema.required, ...(ALSO_REQUIRED[type] ?? [])];
  const out: MissingField[] = [];
  for (const key of keys) {
    const qualified = `${type}.${key}`;
    if (NOT_ENFORCED.has(qualified)) continue;
    // Brought in by a YAML merge key (`<<: *base`): judged where the anchor is.
    if (present.has(key) && !ctx.pair(map, key)) continue;
    if (!isMissing(ctx, map, key, ZERO_IS_MISSING.has(qualified))) continue;
    out.push(present.has(key) ? { field: key, reason: 'empty' } : { field: key });
  }
  return out;
}
