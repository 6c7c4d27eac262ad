/**
 * `api-version`: an apiVersion the API server no longer serves for the kind (extensions/v1beta1 DaemonSet,
 * batch/v1beta1 CronJob, …), a kind under the wrong group (`v1` Deployment), a misspelled kind of a built-in group,
 * or no apiVersion at all. kubectl apply fails before anything is sent: `no matches for kind "DaemonSet" in version
 * "extensions/v1beta1"`. The fix moves the object to the version served today.
 */
import { WORKLOAD_KINDS, type WorkloadKind } from '../../../model';
import { CURRENT_API_VERSION, isBuiltInGroup, objectKey } from '../../kinds';
import { quoted } from '../../message';
import { suggest } from '../../suggest';
import type { Rule } from '../../types';

/** Versions removed upstream, with the release that removed them (Kubernetes deprecation guide). */
const REMOVED: Record<string, Partial<Record<WorkloadKind, string>>> = {
  'extensions/v1beta1': { Deployment: '1.16', DaemonSet: '1.16', ReplicaSet: '1.16' },
  'apps/v1beta1': { Deployment: '1.16', StatefulSet: '1.16' },
  'apps/v1beta2': { Deployment: '1.16', DaemonSet: '1.16', ReplicaSet: '1.16', StatefulSet: '1.16' },
  'batch/v1beta1': { CronJob: '1.25' },
  'batch/v2alpha1': { CronJob: '1.21' },
};

/** Kinds each built-in group version serves, to catch a misspelled kind (`Deploymnet`, `pod`). */
const SERVED: Record<string, readonly string[]> = {
  v1: [
    'Pod',
    'ReplicationController',
    'Service',
    'ConfigMap',
    'Secret',
    'Namespace',
    'ServiceAccount',
    'PersistentVolume',
    'PersistentVolumeClaim',
    'Endpoints',
    'Event',
    'LimitRange',
    'ResourceQuota',
    'Node',
    'PodTemplate',
    'Binding',
    'ComponentStatus',
    'List',
  ],
  'apps/v1': ['Deployment', 'ReplicaSet', 'StatefulSet', 'DaemonSet', 'ControllerRevision'],
  'batch/v1': ['Job', 'CronJob'],
};

/** What to check when moving off a removed version: the old apps versions defaulted the selector; CronJobs have none. */
function changedFields(kind: WorkloadKind): string {
  return kind === 'CronJob'
    ? ' (batch/v1 CronJob has the same fields)'
    : ' (check the fields that changed, such as the now required spec.selector)';
}

function isWorkloadKind(kind: string): kind is WorkloadKind {
  return (WORKLOAD_KINDS as readonly string[]).includes(kind);
}

export const apiVersionRule: Rule = {
  meta: {
    id: 'api-version',
    family: 'api-validation',
    severity: 'error',
    summary: 'apiVersion/kind the API server does not serve (removed versions such as extensions/v1beta1).',
    rootCause: true,
  },
  check(ctx) {
    const kind = objectKey(ctx.doc, 'kind');
    const apiVersion = objectKey(ctx.doc, 'apiVersion');
    if (!kind?.value) return;
    if (!apiVersion) {
      if (!isWorkloadKind(kind.value)) return;
      ctx.report({
        path: ['apiVersion'],
        range: kind.keyRange,
        message: `apiVersion is not set: kubectl rejects the object. A ${kind.value} is ${CURRENT_API_VERSION[kind.value]}.`,
        detail: 'kubectl apply fails with "apiVersion not set".',
      });
      return;
    }
    // A misspelled `apiVersion` key is the unknown-field rule's finding.
    if (apiVersion.key !== 'apiVersion' || apiVersion.value === undefined || !apiVersion.valueRange) return;
    const version = apiVersion.value;
    const range = apiVersion.valueRange;
    if (isWorkloadKind(kind.value)) {
      const current = CURRENT_API_VERSION[kind.value];
      if (version === current || !isBuiltInGroup(version)) return;
      const removedIn = REMOVED[version]?.[kind.value];
      const why = removedIn
        ? `${version} ${kind.value} was removed in Kubernetes ${removedIn}`
        : `${kind.value} is not served at ${version}`;
      ctx.report({
        path: ['apiVersion'],
        range,
        message: `${why}: use apiVersion: ${current}`,
        detail:
          `kubectl apply fails with no matches for kind "${kind.value}" in version "${version}". ` +
          `Use apiVersion: ${current}${removedIn ? changedFields(kind.value) : ''}.`,
        fixes: [{ title: `Change to ${current}`, edits: [{ range, newText: current }], isPreferred: true }],
      });
      return;
    }
    const served = SERVED[version];
    if (!served || served.includes(kind.value) || kind.value.endsWith('List') || !kind.valueRange) return;
    // Only a near miss of a known kind: the lists above are the common kinds, not every kind of the group.
    const guess = suggest(kind.value, Object.values(SERVED).flat());
    if (!guess) return;
    const group = Object.entries(SERVED).find(([, kinds]) => kinds.includes(guess))?.[0];
    ctx.report({
      path: ['kind'],
      range: kind.valueRange,
      message: `${version} has no kind ${quoted(kind.value)}. Did you mean "${guess}"?`,
      detail:
        `kubectl apply fails with no matches for kind "${kind.value}" in version "${version}". ` +
        `Did you mean "${guess}"${group !== version ? ` (apiVersion: ${group})` : ''}?`,
      fixes: [{ title: `Change to ${guess}`, edits: [{ range: kind.valueRange, newText: guess }], isPreferred: true }],
    });
  },
};
