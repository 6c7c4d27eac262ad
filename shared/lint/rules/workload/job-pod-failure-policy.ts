/**
 * `job-pod-failure-policy` (validatePodFailurePolicy, validatePodFailurePolicyRule, …OnExitCodes, …OnPodConditions
 * and validatePodReplacementPolicy in pkg/apis/batch/validation/validation.go, v1.36): at most 20 rules, each with
 * exactly one of onExitCodes and onPodConditions; FailIndex needs backoffLimitPerIndex; exit codes are 1..255 values,
 * unique, ascending, without 0 under In, from a container of the template; pod condition types are qualified names
 * with status True, False or Unknown (empty is defaulted to True). With a pod failure policy the template's
 * restartPolicy must be Never and podReplacementPolicy Failed. Enums of action and operator are `invalid-enum`.
 */
import type { Node, YAMLMap } from 'yaml';
import { isQualifiedName } from '../../../k8s/names';
import { readers, resolvePod } from '../../../model';
import type { FieldPath } from '../../../util/range';
import { duplicates } from '../../helpers/duplicates';
import type { Rule, RuleContext } from '../../types';
import { scalarOf } from '../api/_helpers/util';
import { isSet, jobSpecPath, keyRangeIn, mapIn, stringIn } from './_helpers/read';

const MAX_RULES = 20;
const MAX_VALUES = 255;
const MAX_PATTERNS = 20;
const STATUSES = ['True', 'False', 'Unknown'];

function checkExitCodes(ctx: RuleContext, at: FieldPath, m: YAMLMap, containers: Set<string>): void {
  const c = ctx.doc.ctx;
  const op = readers.string(c, m, 'operator');
  const name = readers.string(c, m, 'containerName');
  if (name.kind === 'value' && !containers.has(name.value)) {
    ctx.report({
      path: [...at, 'containerName'],
      range: name.range,
      message: `containerName ${JSON.stringify(name.value)} is not a container of the pod template`,
      needsWholeObject: true,
    });
  }
  const seq = c.asSeq(c.get(m, 'values'));
  const keyRange = keyRangeIn(ctx, at, 'values') ?? keyRangeIn(ctx, at.slice(0, -1), 'onExitCodes');
  if ((seq?.items.length ?? 0) === 0 && keyRange) {
    ctx.report({ path: [...at, 'values'], range: keyRange, message: 'onExitCodes needs at least one value' });
  } else if (seq && seq.items.length > MAX_VALUES && keyRange) {
    ctx.report({
      path: [...at, 'values'],
      range: keyRange,
      message: `onExitCodes may list at most ${MAX_VALUES} values`,
    });
  }
  const exitCode = (item: unknown) => {
    const s = scalarOf(c.deref(item));
    return s?.type === 'int' && c.range(item as Node) ? String(s.value) : undefined;
  };
  const repeats = duplicates(seq?.items ?? [], exitCode);
  let previous: number | undefined;
  let ordered = true;
  seq?.items.forEach((item, j) => {
    const s = scalarOf(c.deref(item));
    const range = c.range(item as Node);
    if (s?.type !== 'int' || !range) return;
    const path = [...at, 'values', j];
    if (op.kind === 'value' && op.value === 'In' && s.value === 0) {
      ctx.report({ path, range, message: 'exit code 0 is not allowed with the In operator' });
    }
    if (repeats.has(item)) ctx.report({ path, range, message: `duplicate exit code ${s.value}` });
    if (previous !== undefined && previous > s.value) ordered = false;
    previous = s.value;
  });
  if (!ordered && keyRange) {
    ctx.report({ path: [...at, 'values'], range: keyRange, message: 'exit codes must be listed in ascending order' });
  }
}

function checkConditions(ctx: RuleContext, at: FieldPath, items: readonly unknown[]): void {
  const c = ctx.doc.ctx;
  const key = keyRangeIn(ctx, at.slice(0, -1), 'onPodConditions');
  if (items.length > MAX_PATTERNS && key) {
    ctx.report({ path: at, range: key, message: `onPodConditions may list at most ${MAX_PATTERNS} patterns` });
  }
  items.forEach((item, j) => {
    const m = c.asMap(item);
    const type = readers.string(c, m, 'type');
    const status = readers.string(c, m, 'status');
    if (type.kind === 'value' && type.value !== '' && isQualifiedName(type.value).length > 0) {
      ctx.report({
        path: [...at, j, 'type'],
        range: type.range,
        message: `condition type ${JSON.stringify(type.value)} is not a qualified name`,
      });
    }
    if (status.kind === 'value' && status.value !== '' && !STATUSES.includes(status.value)) {
      ctx.report({
        path: [...at, j, 'status'],
        range: status.range,
        message: `status ${JSON.stringify(status.value)} is not True, False or Unknown`,
      });
    }
  });
}

function checkRule(ctx: RuleContext, spec: FieldPath, i: number, item: unknown, containers: Set<string>): void {
  const c = ctx.doc.ctx;
  const m = c.asMap(item);
  const itemRange = c.range(item as Node);
  if (!m || !itemRange) return;
  const at = [...spec, 'podFailurePolicy', 'rules', i];
  const action = readers.string(c, m, 'action');
  if (action.kind === 'value' && action.value === 'FailIndex' && !isSet(ctx, spec, 'backoffLimitPerIndex')) {
    ctx.report({
      path: [...at, 'action'],
      range: action.range,
      message: 'action FailIndex requires backoffLimitPerIndex',
      needsWholeObject: true,
    });
  }
  const exit = c.asMap(c.get(m, 'onExitCodes'));
  const conditions = c.asSeq(c.get(m, 'onPodConditions'))?.items ?? [];
  if (exit) checkExitCodes(ctx, [...at, 'onExitCodes'], exit, containers);
  if (conditions.length > 0) checkConditions(ctx, [...at, 'onPodConditions'], conditions);
  const range = c.range(c.pair(m, 'action')?.key as Node) ?? itemRange;
  if (exit && conditions.length > 0) {
    ctx.report({ path: at, range, message: 'a rule may set onExitCodes or onPodConditions, not both' });
  } else if (!exit && conditions.length === 0) {
    ctx.report({ path: at, range, message: 'a rule needs onExitCodes or onPodConditions' });
  }
}

export const jobPodFailurePolicyRule: Rule = {
  meta: {
    id: 'job-pod-failure-policy',
    family: 'api-validation',
    severity: 'error',
    summary: 'A Job podFailurePolicy the API server rejects, or a restartPolicy/podReplacementPolicy it forbids.',
  },
  check(ctx) {
    const spec = jobSpecPath(ctx);
    const pod = ctx.pod;
    const policy = spec && mapIn(ctx, [...spec, 'podFailurePolicy']);
    if (!spec || !pod || !policy) return;
    const c = ctx.doc.ctx;
    const rules = c.asSeq(c.get(policy, 'rules'))?.items ?? [];
    const rulesKey = keyRangeIn(ctx, [...spec, 'podFailurePolicy'], 'rules');
    if (rules.length > MAX_RULES && rulesKey) {
      ctx.report({
        path: [...spec, 'podFailurePolicy', 'rules'],
        range: rulesKey,
        message: `podFailurePolicy may have at most ${MAX_RULES} rules`,
      });
    }
    const containers = new Set(
      resolvePod(pod).views.flatMap((ct) => (ct.name.kind === 'value' ? [ct.name.value] : [])),
    );
    rules.forEach((item, i) => {
      checkRule(ctx, spec, i, item, containers);
    });
    const restart = pod.restartPolicy;
    if (restart.kind === 'value' && restart.value === 'OnFailure') {
      ctx.report({
        path: [...pod.specPath, 'restartPolicy'],
        range: restart.range,
        message: 'restartPolicy must be Never when the Job has a podFailurePolicy',
        fixes: [{ title: 'Change to Never', edits: [{ range: restart.range, newText: 'Never' }], isPreferred: true }],
      });
    }
    const replacement = stringIn(ctx, spec, 'podReplacementPolicy');
    if (replacement.kind === 'value' && replacement.value === 'TerminatingOrFailed') {
      ctx.report({
        path: [...spec, 'podReplacementPolicy'],
        range: replacement.range,
        message: 'podReplacementPolicy must be Failed when the Job has a podFailurePolicy',
      });
    }
  },
};
