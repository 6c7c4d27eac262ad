/**
 * The admission plug-ins that read namespace policy objects, in the API server's order (AllOrderedPlugins,
 * pkg/kubeapiserver/options/plugins.go, v1.36): the mutating passes of LimitRanger then RuntimeClass, then the
 * validating passes of LimitRanger and ResourceQuota. The first refusal is the one `kubectl apply` prints.
 */
import type { IndexedObject, WorkspaceObjects } from '../../analysis/workspace/types';
import type { PodView } from '../../model/types';
import type { Range } from '../../util/range';
import { admitLimitRanges, type LimitRangerResult } from './limitRanger';
import { type QuotaFinding, quotaFindings } from './resourceQuota';
import { admitRuntimeClass, type RuntimeClassAdmission } from './runtimeClass';

export interface Admission {
  /** The pod the scheduler and the kubelet get: LimitRange defaults and RuntimeClass scheduling merged. */
  pod: PodView;
  limitRanger: LimitRangerResult;
  runtimeClass: RuntimeClassAdmission;
  rejection?: { plugin: 'LimitRanger' | 'RuntimeClass'; message: string; ranges: Range[]; object?: IndexedObject };
  /** Quotas the pod alone exceeds (advice: the namespace's current usage is unknown). */
  quotas: QuotaFinding[];
}

/**
 * @example admitPod(pod, workspace).rejection?.message // 'pods "web" is forbidden: maximum cpu usage per Container is 1, but limit is 2'
 */
export function admitPod(pod: PodView, workspace: WorkspaceObjects | undefined): Admission {
  const limitRanger = admitLimitRanges(pod, workspace);
  const runtimeClass = admitRuntimeClass(limitRanger.pod, workspace);
  const admitted = runtimeClass.pod;
  const base = { pod: admitted, limitRanger, runtimeClass };
  if (runtimeClass.rejection) {
    const object = runtimeClass.runtimeClass;
    return {
      ...base,
      quotas: [],
      rejection: { plugin: 'RuntimeClass', ...runtimeClass.rejection, ...(object ? { object } : {}) },
    };
  }
  const rejected = limitRanger.rejection;
  if (rejected) {
    const { message, ranges, limitRange } = rejected;
    return { ...base, quotas: [], rejection: { plugin: 'LimitRanger', message, ranges, object: limitRange } };
  }
  return { ...base, quotas: quotaFindings(admitted, runtimeClass.overhead, workspace) };
}
