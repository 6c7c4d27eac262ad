/**
 * The Job spec as the controller runs it, with the API server's defaults (pkg/apis/batch/v1/defaults.go,
 * v1.36): completions and parallelism 1 when both are unset, completionMode NonIndexed, backoffLimit 6 (max int32 when backoffLimitPerIndex
 * is set), and the podFailurePolicy rules the simulation can evaluate.
 */

import { fieldValue } from '../../model/field';
import type { JobView } from '../../model/jobView';
import type { Range } from '../../util/range';

export interface FailureRule {
  action: string;
  onExitCodes?: { containerName?: string; operator: string; values: number[] };
  onPodConditions: { type: string; status: string }[];
}

export interface SuccessRule {
  indexes?: Set<number>;
  count?: number;
}

export interface JobSpec {
  name: string;
  namespace: string;
  indexed: boolean;
  /** null: a work queue (completions unset). */
  completions: number | null;
  parallelism: number;
  backoffLimit: number;
  backoffLimitPerIndex: number | null;
  maxFailedIndexes: number | null;
  activeDeadlineSeconds: number | null;
  suspended: boolean;
  failureRules: FailureRule[];
  successRules: SuccessRule[];
  range: Range;
}

const MAX_INT32 = 2147483647;

/** "1,3-5" (the completedIndexes format): the indexes listed, below `completions`. */
export function parseIndexes(text: string, completions: number): Set<number> {
  const out = new Set<number>();
  for (const part of text.split(',')) {
    const [a, b] = part.split('-').map((x) => Number.parseInt(x, 10));
    if (a === undefined || Number.isNaN(a)) continue;
    const last = b === undefined || Number.isNaN(b) ? a : b;
    for (let i = a; i <= Math.min(last, completions - 1); i++) out.add(i);
  }
  return out;
}

/**
 * @example resolveJob(view, 'pi', 'default').backoffLimit // 6
 */
export function resolveJob(view: JobView, name: string, namespace: string): JobSpec {
  const indexed = fieldValue(view.completionMode) === 'Indexed';
  const parallelism = fieldValue(view.parallelism);
  // Both unset: a non-parallel Job, completions and parallelism default to 1 (SetDefaults_Job).
  const completions = fieldValue(view.completions) ?? (parallelism === undefined ? 1 : null);
  const perIndex = indexed ? (fieldValue(view.backoffLimitPerIndex) ?? null) : null;
  const deadline = fieldValue(view.activeDeadlineSeconds);
  return {
    name,
    namespace,
    indexed: indexed && completions !== null,
    completions,
    parallelism: Math.max(0, parallelism ?? 1),
    backoffLimit: fieldValue(view.backoffLimit) ?? (perIndex === null ? 6 : MAX_INT32),
    backoffLimitPerIndex: perIndex,
    maxFailedIndexes: perIndex === null ? null : (fieldValue(view.maxFailedIndexes) ?? null),
    activeDeadlineSeconds: deadline !== undefined && deadline > 0 ? deadline : null,
    suspended: fieldValue(view.suspend) === true,
    failureRules: view.podFailurePolicy.map((r) => ({
      action: r.action,
      ...(r.onExitCodes ? { onExitCodes: r.onExitCodes } : {}),
      onPodConditions: r.onPodConditions,
    })),
    successRules: view.successPolicy.map((r) => ({
      ...(r.succeededIndexes === undefined ? {} : { indexes: parseIndexes(r.succeededIndexes, completions ?? 0) }),
      ...(r.succeededCount === undefined ? {} : { count: r.succeededCount }),
    })),
    range: view.range,
  };
}
