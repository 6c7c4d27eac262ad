/**
 * Shared reading for the workload-spec rules: fields of a workload's own spec at a path, the spec of the Job a
 * Job or CronJob describes, and IntOrString values read the way apps validation reads them (getIntOrPercentValue).
 */
import type { Node, YAMLMap } from 'yaml';
import { type Field, readers } from '../../../../model';
import type { FieldPath, Range } from '../../../../util/range';
import type { RuleContext } from '../../../types';
import { mapAt, scalarOf } from '../../api/_helpers/util';

/** The map at `path` in the document, alias-aware. */
export function mapIn(ctx: RuleContext, path: FieldPath): YAMLMap | undefined {
  return mapAt(ctx.doc, path);
}

export function intIn(ctx: RuleContext, path: FieldPath, key: string): Field<number> {
  return readers.int(ctx.doc.ctx, mapIn(ctx, path), key);
}

export function stringIn(ctx: RuleContext, path: FieldPath, key: string): Field<string> {
  return readers.string(ctx.doc.ctx, mapIn(ctx, path), key);
}

/** True when `key` holds a non-null value in the map at `path` (Go decodes `key:` alone as nil). */
export function isSet(ctx: RuleContext, path: FieldPath, key: string): boolean {
  const node = ctx.doc.ctx.get(mapIn(ctx, path), key);
  return node !== undefined && scalarOf(node)?.type !== 'null';
}

/** The key range of `key` in the map at `path`, when written. */
export function keyRangeIn(ctx: RuleContext, path: FieldPath, key: string): Range | undefined {
  const pair = ctx.doc.ctx.pair(mapIn(ctx, path), key);
  return pair ? ctx.doc.ctx.range(pair.key as Node) : undefined;
}

/** Where the Job spec sits: a Job's own spec, or the spec of a CronJob's jobTemplate. */
export function jobSpecPath(ctx: RuleContext): FieldPath | undefined {
  if (ctx.pod?.workload === 'Job') return ['spec'];
  if (ctx.pod?.workload === 'CronJob') return ['spec', 'jobTemplate', 'spec'];
  return undefined;
}

/** A written value or the default the API server fills in before validation. */
export interface Effective<T> {
  value: T;
  field: Field<T>;
}

export function withDefault<T>(field: Field<T>, fallback: T): Effective<T> | undefined {
  if (field.kind === 'value') return { value: field.value, field };
  if (field.kind === 'absent') return { value: fallback, field };
  return undefined;
}

/** intstr.IsValidPercent: digits followed by `%`. */
const PERCENT = /^[0-9]+%$/;

/** getIntOrPercentValue: the percent number, the integer, or strconv.Atoi of another string (0 when it fails). */
export function intOrPercentValue(v: number | string): number {
  if (typeof v === 'number') return v;
  if (PERCENT.test(v)) return Number(v.slice(0, -1));
  return /^[+-]?[0-9]+$/.test(v) ? Number(v) : 0;
}

/** ValidatePositiveIntOrPercent, and IsNotMoreThan100Percent when `max100`: the problems of one value. */
export function intOrPercentProblems(v: number | string, max100: boolean): string[] {
  if (typeof v === 'number') return v < 0 ? ['must be greater than or equal to 0'] : [];
  if (!PERCENT.test(v)) return ['must be an integer or a percent such as "25%"'];
  return max100 && intOrPercentValue(v) > 100 ? ['must not be greater than 100%'] : [];
}

/** The update strategy type after defaulting (empty or omitted is RollingUpdate); undefined when not a string. */
export function strategyType(ctx: RuleContext, path: FieldPath): string | undefined {
  const f = stringIn(ctx, path, 'type');
  if (f.kind === 'absent' || (f.kind === 'value' && f.value === '')) return 'RollingUpdate';
  return f.kind === 'value' ? f.value : undefined;
}

/** Reports a non-null rollingUpdate under a strategy type that has no use for it (Recreate, OnDelete). */
export function reportStrayRollingUpdate(ctx: RuleContext, strategy: FieldPath, message: string): void {
  const key = keyRangeIn(ctx, strategy, 'rollingUpdate');
  if (key && isSet(ctx, strategy, 'rollingUpdate'))
    ctx.report({ path: [...strategy, 'rollingUpdate'], range: key, message });
}
