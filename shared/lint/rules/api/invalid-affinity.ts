/**
 * `invalid-affinity`: what validateAffinity (pkg/apis/core/validation/validation.go, v1.36) rejects. Node affinity:
 * a required node selector needs at least one term; each requirement's operator decides its value count (In/NotIn
 * at least one, Exists/DoesNotExist none, Gt/Lt exactly one), keys are label keys and required values label values
 * (preferred terms may hold any value); matchFields only know metadata.name with exactly one In/NotIn value.
 * Weights are 1..100. Pod (anti-)affinity terms: a topologyKey that is a label key (a missing one is
 * missing-required-field), valid selectors, namespaces that are DNS labels and
 * matchLabelKeys/mismatchLabelKeys only with a labelSelector.
 */
import type { YAMLMap } from 'yaml';
import { isDNS1123Subdomain, isLabelValue, isQualifiedName, nameIsDNSLabel } from '../../../k8s/names';
import type { FieldPath } from '../../../util/range';
import type { Report, Rule, RuleContext } from '../../types';
import { int, itemString, keyRange, type ListItem, listItems, quote, str } from './_helpers/items';
import { selectorProblems } from './_helpers/selector';
import { mapAt, reportPodSpec } from './_helpers/util';

type Emit = (r: Report) => void;

function checkWeight(ctx: RuleContext, item: ListItem, emit: Emit) {
  const w = int(ctx, item.map, 'weight');
  if (w.kind === 'value' && (w.value < 1 || w.value > 100))
    emit({ path: [...item.path, 'weight'], range: w.range, message: `Weight ${w.value} is outside 1-100.` });
}

function checkNodeRequirement(ctx: RuleContext, req: ListItem, strictValues: boolean, emit: Emit) {
  const op = str(ctx, req.map, 'operator');
  const values = listItems(ctx, req.map, req.path, 'values');
  const valuesPath = [...req.path, 'values'];
  if (op.kind === 'value') {
    const n = values.length;
    const opRange = op.range;
    if ((op.value === 'In' || op.value === 'NotIn') && n === 0)
      emit({ path: valuesPath, range: opRange, message: `Operator ${op.value} needs at least one value.` });
    if ((op.value === 'Exists' || op.value === 'DoesNotExist') && n > 0)
      emit({
        path: valuesPath,
        range: keyRange(ctx, req.map, 'values') ?? opRange,
        message: `Operator ${op.value} must not have values.`,
      });
    if ((op.value === 'Gt' || op.value === 'Lt') && n !== 1)
      emit({ path: valuesPath, range: opRange, message: `Operator ${op.value} needs exactly one value (got ${n}).` });
  }
  const key = str(ctx, req.map, 'key');
  if (key.kind === 'value' && isQualifiedName(key.value).length > 0)
    emit({ path: [...req.path, 'key'], range: key.range, message: `Node label key ${quote(key.value)} is not valid.` });
  if (!strictValues) return;
  for (const v of values) {
    const s = itemString(v);
    if (s !== undefined && isLabelValue(s).length > 0)
      emit({ path: v.path, range: v.range, message: `Node label value ${quote(s)} is not a valid label value.` });
  }
}

function checkFieldRequirement(ctx: RuleContext, req: ListItem, emit: Emit) {
  const op = str(ctx, req.map, 'operator');
  const values = listItems(ctx, req.map, req.path, 'values');
  if (op.kind === 'value' && (op.value === 'In' || op.value === 'NotIn') && values.length !== 1)
    emit({
      path: [...req.path, 'values'],
      range: op.range,
      message: 'A matchFields requirement needs exactly one value.',
    });
  else if (op.kind === 'value' && op.value !== 'In' && op.value !== 'NotIn')
    emit({
      path: [...req.path, 'operator'],
      range: op.range,
      message: 'matchFields only supports operators In and NotIn.',
    });
  const key = str(ctx, req.map, 'key');
  if (key.kind === 'value' && key.value !== 'metadata.name') {
    emit({
      path: [...req.path, 'key'],
      range: key.range,
      message: `${quote(key.value)} is not a field selector key (metadata.name).`,
    });
    return;
  }
  for (const v of values) {
    const s = itemString(v);
    if (s !== undefined && isDNS1123Subdomain(s).length > 0)
      emit({ path: v.path, range: v.range, message: `${quote(s)} is not a valid node name.` });
  }
}

function checkTerm(ctx: RuleContext, term: YAMLMap | undefined, path: FieldPath, strict: boolean, emit: Emit) {
  for (const req of listItems(ctx, term, path, 'matchExpressions'))
    if (req.map) checkNodeRequirement(ctx, req, strict, emit);
  for (const req of listItems(ctx, term, path, 'matchFields')) if (req.map) checkFieldRequirement(ctx, req, emit);
}

function checkNodeAffinity(ctx: RuleContext, na: YAMLMap, path: FieldPath, emit: Emit) {
  const doc = ctx.doc.ctx;
  const reqKey = 'requiredDuringSchedulingIgnoredDuringExecution';
  const required = doc.asMap(doc.get(na, reqKey));
  if (required) {
    const reqPath = [...path, reqKey];
    // An empty nodeSelectorTerms is missing-required-field (the schema requires it): one root cause, one error.
    for (const t of listItems(ctx, required, reqPath, 'nodeSelectorTerms')) checkTerm(ctx, t.map, t.path, true, emit);
  }
  for (const p of listItems(ctx, na, path, 'preferredDuringSchedulingIgnoredDuringExecution')) {
    if (!p.map) continue;
    checkWeight(ctx, p, emit);
    // Preferred terms always allow invalid label values: they can still match when the cluster has one node.
    checkTerm(ctx, doc.asMap(doc.get(p.map, 'preference')), [...p.path, 'preference'], false, emit);
  }
}

function checkPodAffinityTerm(ctx: RuleContext, term: YAMLMap, path: FieldPath, emit: Emit) {
  const doc = ctx.doc.ctx;
  const selector = doc.asMap(doc.get(term, 'labelSelector'));
  for (const key of ['labelSelector', 'namespaceSelector'])
    for (const p of selectorProblems(ctx, doc.asMap(doc.get(term, key)), [...path, key])) emit(p);
  for (const ns of listItems(ctx, term, path, 'namespaces')) {
    const s = itemString(ns);
    if (s !== undefined && nameIsDNSLabel(s, false).length > 0)
      emit({
        path: [...path, 'namespace'],
        range: ns.range,
        message: `Namespace ${quote(s)} is not a valid namespace name.`,
      });
  }
  const mismatch = new Set(listItems(ctx, term, path, 'mismatchLabelKeys').map(itemString));
  for (const listKey of ['matchLabelKeys', 'mismatchLabelKeys']) {
    const keys = listItems(ctx, term, path, listKey);
    const range = keyRange(ctx, term, listKey);
    if (keys.length > 0 && !selector && range) {
      emit({ path: [...path, listKey], range, message: `${listKey} needs a labelSelector.` });
      continue;
    }
    for (const k of keys) {
      const s = itemString(k);
      if (s === undefined) continue;
      if (isQualifiedName(s).length > 0)
        emit({ path: k.path, range: k.range, message: `Label key ${quote(s)} is not a valid label key.` });
      else if (listKey === 'matchLabelKeys' && mismatch.has(s))
        emit({ path: k.path, range: k.range, message: `${quote(s)} is in both matchLabelKeys and mismatchLabelKeys.` });
    }
  }
  // A missing or empty topologyKey is missing-required-field; a present one must be a label key.
  const topology = str(ctx, term, 'topologyKey');
  if (topology.kind === 'value' && topology.value !== '' && isQualifiedName(topology.value).length > 0)
    emit({
      path: [...path, 'topologyKey'],
      range: topology.range,
      message: `topologyKey ${quote(topology.value)} is not a valid label key.`,
    });
}

function checkPodAffinity(ctx: RuleContext, pa: YAMLMap, path: FieldPath, emit: Emit) {
  for (const t of listItems(ctx, pa, path, 'requiredDuringSchedulingIgnoredDuringExecution'))
    if (t.map) checkPodAffinityTerm(ctx, t.map, t.path, emit);
  for (const w of listItems(ctx, pa, path, 'preferredDuringSchedulingIgnoredDuringExecution')) {
    if (!w.map) continue;
    checkWeight(ctx, w, emit);
    const term = ctx.doc.ctx.asMap(ctx.doc.ctx.get(w.map, 'podAffinityTerm'));
    if (term) checkPodAffinityTerm(ctx, term, [...w.path, 'podAffinityTerm'], emit);
  }
}

export const invalidAffinityRule: Rule = {
  meta: {
    id: 'invalid-affinity',
    family: 'api-validation',
    severity: 'error',
    summary: 'Node or pod affinity the API server rejects: operator/value counts, weights, bad keys or selectors.',
  },
  check(ctx) {
    const pod = ctx.pod;
    if (!pod) return;
    const path = [...pod.specPath, 'affinity'];
    const affinity = mapAt(ctx.doc, path);
    if (!affinity) return;
    const emit: Emit = (r) => reportPodSpec(ctx, r);
    const doc = ctx.doc.ctx;
    const na = doc.asMap(doc.get(affinity, 'nodeAffinity'));
    if (na) checkNodeAffinity(ctx, na, [...path, 'nodeAffinity'], emit);
    for (const key of ['podAffinity', 'podAntiAffinity']) {
      const pa = doc.asMap(doc.get(affinity, key));
      if (pa) checkPodAffinity(ctx, pa, [...path, key], emit);
    }
  },
};
