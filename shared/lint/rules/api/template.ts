/**
 * Rules of the workloads around their pod template (apps and batch validation, ValidatePodSpec, ValidatePodCreate).
 * `template-restart-policy`: Deployment/ReplicaSet/DaemonSet/StatefulSet/ReplicationController templates must keep
 * restartPolicy Always; Job and CronJob templates need OnFailure or Never (an omitted one is defaulted to Always and
 * rejected). `selector-mismatch`: an apps/v1 selector must not be empty and must match the template labels (a
 * ReplicationController's selector too). `active-deadline-seconds`: 1..2147483647, and not allowed in the templates
 * of long-running workloads. `ephemeral-containers`: cannot be set on create, nor in any template.
 */
import { isMap, isSeq, type Node } from 'yaml';
import { inclusiveRangeError } from '../../../k8s/names';
import { readers } from '../../../model';
import type { FieldPath } from '../../../util/range';
import type { Rule, RuleContext } from '../../types';
import { forbidden, invalid, mapAt, notSupported, pairAt, required, scalarOf } from './_helpers/util';

const ALWAYS_ONLY = new Set(['Deployment', 'ReplicaSet', 'DaemonSet', 'StatefulSet', 'ReplicationController']);

export const templateRestartPolicyRule: Rule = {
  meta: {
    id: 'template-restart-policy',
    family: 'api-validation',
    severity: 'error',
    summary:
      'restartPolicy not allowed for the workload: Always for Deployments and the like, OnFailure/Never for Jobs.',
  },
  check(ctx) {
    const pod = ctx.pod;
    if (!pod || pod.workload === 'Pod') return;
    const path = [...pod.specPath, 'restartPolicy'];
    const policy = pod.restartPolicy;
    if (ALWAYS_ONLY.has(pod.workload)) {
      // Other values are the invalid-enum finding (validateRestartPolicy reports them for every pod spec).
      if (policy.kind !== 'value' || (policy.value !== 'OnFailure' && policy.value !== 'Never')) return;
      ctx.report({
        path,
        range: policy.range,
        message: notSupported(path, policy.value, ['Always']),
        detail: `A ${pod.workload} keeps its Pods running; use a Job for run-to-completion work.`,
        fixes: [{ title: 'Change to Always', edits: [{ range: policy.range, newText: 'Always' }], isPreferred: true }],
      });
      return;
    }
    const value = policy.kind === 'value' ? policy.value : policy.kind === 'absent' ? '' : undefined;
    if (value !== '' && value !== 'Always') return;
    const specKey = pod.specKeyRange;
    const range = policy.kind === 'value' ? policy.range : specKey;
    if (!range) return;
    ctx.report({
      path,
      range,
      message: required(path, 'valid values: "OnFailure", "Never"'),
      detail:
        `${value === '' ? 'An omitted restartPolicy is defaulted to Always, which' : 'Always'} ` +
        `is not allowed for a ${pod.workload}: its Pods must be able to finish.`,
      ...(policy.kind === 'value' && {
        fixes: [
          { title: 'Change to OnFailure', edits: [{ range, newText: 'OnFailure' }], isPreferred: true },
          { title: 'Change to Never', edits: [{ range, newText: 'Never' }] },
        ],
      }),
      ...(policy.kind === 'absent' && { needsWholeObject: true }),
    });
  },
};

export type Requirement = { key: string; operator: string; values: string[] };

/** A LabelSelector as matchLabels plus matchExpressions; an RC selector is a plain map. */
export function readSelector(
  ctx: RuleContext,
  rc: boolean,
): { requirements: Requirement[]; empty: boolean } | undefined {
  const sel = mapAt(ctx.doc, ['spec', 'selector']);
  if (!sel) return undefined;
  const requirements: Requirement[] = [];
  const labels = rc ? sel : ctx.doc.ctx.asMap(ctx.doc.ctx.get(sel, 'matchLabels'));
  for (const pair of labels?.items ?? []) {
    const key = ctx.doc.ctx.keyText(pair);
    const v = scalarOf(ctx.doc.ctx.deref(pair.value));
    if (key !== undefined && v?.type === 'string') requirements.push({ key, operator: 'In', values: [v.value] });
    else if (key !== undefined) return undefined;
  }
  if (!rc) {
    const exprs = ctx.doc.ctx.asSeq(ctx.doc.ctx.get(sel, 'matchExpressions'));
    for (const item of exprs?.items ?? []) {
      const m = ctx.doc.ctx.asMap(item);
      const key = readers.string(ctx.doc.ctx, m, 'key');
      const op = readers.string(ctx.doc.ctx, m, 'operator');
      const values = readers.stringList(ctx.doc.ctx, m, 'values');
      if (key.kind !== 'value' || op.kind !== 'value') return undefined;
      const list = values.kind === 'value' ? values.value : [];
      // LabelSelectorAsSelector fails on these, so the API reports the selector itself, not the template labels.
      if ((op.value === 'In' || op.value === 'NotIn') !== list.length > 0) return undefined;
      if (!['In', 'NotIn', 'Exists', 'DoesNotExist'].includes(op.value)) return undefined;
      requirements.push({ key: key.value, operator: op.value, values: list });
    }
  }
  return { requirements, empty: requirements.length === 0 };
}

export function matches(r: Requirement, labels: Map<string, string>): boolean {
  const v = labels.get(r.key);
  switch (r.operator) {
    case 'In':
      return v !== undefined && r.values.includes(v);
    case 'NotIn':
      return v === undefined || !r.values.includes(v);
    case 'Exists':
      return v !== undefined;
    case 'DoesNotExist':
      return v === undefined;
    default:
      return true;
  }
}

export const selectorMismatchRule: Rule = {
  meta: {
    id: 'selector-mismatch',
    family: 'api-validation',
    severity: 'error',
    summary: "The workload's selector is empty or does not match its pod template's labels.",
  },
  check(ctx) {
    const pod = ctx.pod;
    if (
      !pod ||
      !['Deployment', 'ReplicaSet', 'DaemonSet', 'StatefulSet', 'ReplicationController'].includes(pod.workload)
    )
      return;
    const rc = pod.workload === 'ReplicationController';
    const selector = readSelector(ctx, rc);
    const selectorKey = pairAt(ctx.doc, ['spec'], 'selector');
    if (!selector || !selectorKey) return;
    // Without a template an RC gets only `spec.template: Required value` (missing-required-field).
    if (rc && !mapAt(ctx.doc, ['spec', 'template'])) return;
    if (selector.empty) {
      // An empty RC selector is defaulted from the template labels.
      if (rc) return;
      const path = ['spec', 'selector'];
      ctx.report({
        path,
        range: selectorKey.keyRange,
        message: `spec.selector: Invalid value: {}: empty selector is invalid for ${pod.workload.toLowerCase()}`,
        needsWholeObject: true,
      });
      return;
    }
    const labels = new Map<string, string>();
    for (const [k, v] of pod.podMetadata.labels) if (v.value.kind === 'value') labels.set(k, v.value.value);
    const failing = selector.requirements.filter((r) => !matches(r, labels));
    if (failing.length === 0) return;
    const path: FieldPath = [...pod.podMetadata.path, 'labels'];
    const labelsKey = pod.podMetadata.labelsRange ?? pod.podMetadata.keyRange ?? selectorKey.keyRange;
    const what = failing
      .map((r) =>
        r.operator === 'In' && r.values.length === 1
          ? `${r.key}: ${r.values[0]}`
          : `${r.key} ${r.operator} ${r.values.join(',')}`,
      )
      .join(', ');
    ctx.report({
      path,
      range: labelsKey,
      message: `${path.join('.')}: Invalid value: \`selector\` does not match template \`labels\``,
      detail: `The template lacks ${what}. The ${pod.workload} could never find its own Pods.`,
      related: [{ range: selectorKey.keyRange, message: 'The selector' }],
      needsWholeObject: true,
    });
  },
};

export const activeDeadlineSecondsRule: Rule = {
  meta: {
    id: 'active-deadline-seconds',
    family: 'api-validation',
    severity: 'error',
    summary:
      'activeDeadlineSeconds outside 1..2147483647, or set in a Deployment/ReplicaSet/DaemonSet/StatefulSet/RC template.',
  },
  check(ctx) {
    const pod = ctx.pod;
    const f = pod?.activeDeadlineSeconds;
    if (!pod || f?.kind !== 'value') return;
    const path = [...pod.specPath, 'activeDeadlineSeconds'];
    if (ALWAYS_ONLY.has(pod.workload)) {
      ctx.report({
        path,
        range: f.keyRange,
        message: forbidden(path, `activeDeadlineSeconds in ${pod.workload} is not Supported`),
        detail: 'It would kill Pods that are meant to run forever.',
      });
    } else if (f.value < 1 || f.value > 2147483647) {
      ctx.report({
        path,
        range: f.range,
        message: invalid(path, f.value, inclusiveRangeError(1, 2147483647)),
      });
    }
  },
};

export const ephemeralContainersRule: Rule = {
  meta: {
    id: 'ephemeral-containers',
    family: 'api-validation',
    severity: 'error',
    summary: 'ephemeralContainers in a manifest: they can only be added to a running Pod (kubectl debug).',
  },
  check(ctx) {
    const pod = ctx.pod;
    if (!pod) return;
    const pair = pairAt(ctx.doc, pod.specPath, 'ephemeralContainers');
    const value: Node | undefined = pair?.value;
    if (!pair || !value || (isSeq(value) && value.items.length === 0) || (!isSeq(value) && !isMap(value))) return;
    const path = [...pod.specPath, 'ephemeralContainers'];
    const detail = pod.workload === 'Pod' ? 'cannot be set on create' : 'template may not contain ephemeral containers';
    ctx.report({
      path,
      range: pair.keyRange,
      message: forbidden(path, detail),
      detail: 'Add them to a running Pod with kubectl debug instead.',
    });
  },
};
