/**
 * The scheduling part of a pod spec: what decides whether the scheduler can place the pod on a node
 * (scheduling gates, nodeSelector, required node affinity, tolerations). Total: bad shapes are skipped.
 */
import type { Node, YAMLMap } from 'yaml';
import type { Range } from '../util/range';
import { fieldValue, readers } from './field';
import type { DocContext } from './nodes';

export interface NodeSelectorRequirement {
  key: string;
  operator: string;
  values: string[];
}

/** One nodeSelectorTerm: its matchExpressions (on labels) and matchFields (on metadata.name), ANDed. */
export interface NodeSelectorTermView {
  matchExpressions: NodeSelectorRequirement[];
  matchFields: NodeSelectorRequirement[];
}

export interface TolerationView {
  key: string;
  operator: string;
  value: string;
  effect: string;
}

export interface SchedulingView {
  schedulingGates: { name: string; range: Range }[];
  schedulingGatesRange?: Range;
  nodeSelector: Map<string, string>;
  nodeSelectorRange?: Range;
  /** requiredDuringSchedulingIgnoredDuringExecution terms (ORed); absent when not set. */
  requiredNodeAffinity?: { terms: NodeSelectorTermView[]; range: Range };
  tolerations: TolerationView[];
  tolerationsRange?: Range;
}

const { string, stringList } = readers;

function keyRange(ctx: DocContext, map: YAMLMap | undefined, key: string): Range | undefined {
  const p = ctx.pair(map, key);
  return p ? ctx.range(p.key as Node) : undefined;
}

function maps(ctx: DocContext, map: YAMLMap | undefined, key: string): YAMLMap[] {
  const seq = ctx.asSeq(ctx.get(map, key));
  return (seq?.items ?? []).flatMap((item) => {
    const m = ctx.asMap(item);
    return m ? [m] : [];
  });
}

function requirements(ctx: DocContext, term: YAMLMap, key: string): NodeSelectorRequirement[] {
  return maps(ctx, term, key).map((m) => ({
    key: fieldValue(string(ctx, m, 'key')) ?? '',
    operator: fieldValue(string(ctx, m, 'operator')) ?? '',
    values: fieldValue(stringList(ctx, m, 'values')) ?? [],
  }));
}

function requiredAffinity(ctx: DocContext, spec: YAMLMap | undefined): SchedulingView['requiredNodeAffinity'] {
  const nodeAffinity = ctx.asMap(ctx.get(ctx.asMap(ctx.get(spec, 'affinity')), 'nodeAffinity'));
  const key = 'requiredDuringSchedulingIgnoredDuringExecution';
  const required = ctx.asMap(ctx.get(nodeAffinity, key));
  const range = keyRange(ctx, nodeAffinity, key);
  if (!required || !range) return undefined;
  const terms = maps(ctx, required, 'nodeSelectorTerms').map((t) => ({
    matchExpressions: requirements(ctx, t, 'matchExpressions'),
    matchFields: requirements(ctx, t, 'matchFields'),
  }));
  return { terms, range };
}

export function readScheduling(ctx: DocContext, spec: YAMLMap | undefined): SchedulingView {
  const gates = maps(ctx, spec, 'schedulingGates').flatMap((m) => {
    const name = string(ctx, m, 'name');
    return name.kind === 'value' ? [{ name: name.value, range: name.range }] : [];
  });
  const nodeSelector = new Map<string, string>();
  for (const pair of ctx.asMap(ctx.get(spec, 'nodeSelector'))?.items ?? []) {
    const k = ctx.keyText(pair);
    const v = ctx.deref(pair.value);
    if (k !== undefined) nodeSelector.set(k, v && 'value' in v ? String(v.value ?? '') : '');
  }
  const tolerations = maps(ctx, spec, 'tolerations').map((m) => ({
    key: fieldValue(string(ctx, m, 'key')) ?? '',
    operator: fieldValue(string(ctx, m, 'operator')) ?? 'Equal',
    value: fieldValue(string(ctx, m, 'value')) ?? '',
    effect: fieldValue(string(ctx, m, 'effect')) ?? '',
  }));
  const affinity = requiredAffinity(ctx, spec);
  return {
    schedulingGates: gates,
    schedulingGatesRange: keyRange(ctx, spec, 'schedulingGates'),
    nodeSelector,
    nodeSelectorRange: keyRange(ctx, spec, 'nodeSelector'),
    ...(affinity ? { requiredNodeAffinity: affinity } : {}),
    tolerations,
    tolerationsRange: keyRange(ctx, spec, 'tolerations'),
  };
}
