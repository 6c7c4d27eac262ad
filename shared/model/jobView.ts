/**
 * The Job spec around a pod template (a Job's `spec`, a CronJob's `spec.jobTemplate.spec`): what the Job
 * controller reads to create, replace and count pods. Total: bad shapes read as unset.
 */
import type { Node, YAMLMap } from 'yaml';
import type { Range } from '../util/range';
import { type Field, fieldValue, readers } from './field';
import type { DocContext } from './nodes';

export type PodFailureAction = 'FailJob' | 'FailIndex' | 'Ignore' | 'Count';

export interface PodFailureRuleView {
  action: string;
  onExitCodes?: { containerName?: string; operator: string; values: number[] };
  onPodConditions: { type: string; status: string }[];
  range: Range;
}

export interface SuccessRuleView {
  succeededIndexes?: string;
  succeededCount?: number;
  range: Range;
}

export interface JobView {
  /** `spec.jobTemplate.spec` for a CronJob, `spec` for a Job. */
  path: string[];
  range: Range;
  completions: Field<number>;
  parallelism: Field<number>;
  completionMode: Field<string>;
  backoffLimit: Field<number>;
  backoffLimitPerIndex: Field<number>;
  maxFailedIndexes: Field<number>;
  activeDeadlineSeconds: Field<number>;
  suspend: Field<boolean>;
  podFailurePolicy: PodFailureRuleView[];
  successPolicy: SuccessRuleView[];
}

const { int, string, bool } = readers;

function maps(ctx: DocContext, map: YAMLMap | undefined, key: string): { map: YAMLMap; range: Range }[] {
  const seq = ctx.asSeq(ctx.get(map, key));
  return (seq?.items ?? []).flatMap((item) => {
    const m = ctx.asMap(item);
    const range = ctx.range(item as Node);
    return m && range ? [{ map: m, range }] : [];
  });
}

function ints(ctx: DocContext, map: YAMLMap | undefined, key: string): number[] {
  const seq = ctx.asSeq(ctx.get(map, key));
  return (seq?.items ?? []).flatMap((item) => {
    const n = ctx.deref(item);
    const v = n && 'value' in n ? Number(n.value) : Number.NaN;
    return Number.isInteger(v) ? [v] : [];
  });
}

function failureRules(ctx: DocContext, spec: YAMLMap): PodFailureRuleView[] {
  const policy = ctx.asMap(ctx.get(spec, 'podFailurePolicy'));
  return maps(ctx, policy, 'rules').map(({ map, range }) => {
    const codes = ctx.asMap(ctx.get(map, 'onExitCodes'));
    const containerName = fieldValue(string(ctx, codes, 'containerName'));
    const conditions = maps(ctx, map, 'onPodConditions').map((c) => ({
      type: fieldValue(string(ctx, c.map, 'type')) ?? '',
      status: fieldValue(string(ctx, c.map, 'status')) ?? 'True',
    }));
    return {
      action: fieldValue(string(ctx, map, 'action')) ?? '',
      ...(codes
        ? {
            onExitCodes: {
              ...(containerName === undefined ? {} : { containerName }),
              operator: fieldValue(string(ctx, codes, 'operator')) ?? '',
              values: ints(ctx, codes, 'values'),
            },
          }
        : {}),
      onPodConditions: conditions,
      range,
    };
  });
}

function successRules(ctx: DocContext, spec: YAMLMap): SuccessRuleView[] {
  const policy = ctx.asMap(ctx.get(spec, 'successPolicy'));
  return maps(ctx, policy, 'rules').map(({ map, range }) => {
    const indexes = fieldValue(string(ctx, map, 'succeededIndexes'));
    const count = fieldValue(int(ctx, map, 'succeededCount'));
    return {
      ...(indexes === undefined ? {} : { succeededIndexes: indexes }),
      ...(count === undefined ? {} : { succeededCount: count }),
      range,
    };
  });
}

/** The Job spec of a Job or CronJob document, or undefined when it is missing or not a map. */
export function readJob(ctx: DocContext, root: YAMLMap, kind: 'Job' | 'CronJob'): JobView | undefined {
  const path = kind === 'Job' ? ['spec'] : ['spec', 'jobTemplate', 'spec'];
  let owner: YAMLMap | undefined = root;
  let spec: YAMLMap | undefined = root;
  for (const key of path) {
    owner = spec;
    spec = ctx.asMap(ctx.get(spec, key));
  }
  const keyPair = ctx.pair(owner, 'spec');
  const range = keyPair ? ctx.range(keyPair.key as Node) : undefined;
  if (!spec || !range) return undefined;
  return {
    path,
    range,
    completions: int(ctx, spec, 'completions'),
    parallelism: int(ctx, spec, 'parallelism'),
    completionMode: string(ctx, spec, 'completionMode'),
    backoffLimit: int(ctx, spec, 'backoffLimit'),
    backoffLimitPerIndex: int(ctx, spec, 'backoffLimitPerIndex'),
    maxFailedIndexes: int(ctx, spec, 'maxFailedIndexes'),
    activeDeadlineSeconds: int(ctx, spec, 'activeDeadlineSeconds'),
    suspend: bool(ctx, spec, 'suspend'),
    podFailurePolicy: failureRules(ctx, spec),
    successPolicy: successRules(ctx, spec),
  };
}
