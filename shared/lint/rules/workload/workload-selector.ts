/**
 * `workload-selector`: a workload's own label selector (ValidateLabelSelectorRequirement in
 * staging/src/k8s.io/apimachinery/pkg/apis/meta/v1/validation/validation.go, called by the apps and batch spec
 * validation, v1.36): In/NotIn need values, Exists/DoesNotExist take none, the operator is one of the four, keys are
 * qualified names and values label values. A ReplicationController's selector is defaulted from its template labels
 * (SetDefaults_ReplicationController) and is required when both are empty (ValidateReplicationControllerSpec).
 */
import type { Node } from 'yaml';
import { isLabelValue, isQualifiedName } from '../../../k8s/names';
import { readers } from '../../../model';
import type { FieldPath } from '../../../util/range';
import type { Rule, RuleContext } from '../../types';
import { scalarOf } from '../api/_helpers/util';
import { keyRangeIn, mapIn } from './_helpers/read';

const WITH_SELECTOR = new Set(['Deployment', 'ReplicaSet', 'StatefulSet', 'DaemonSet', 'Job']);
const OPERATORS = ['In', 'NotIn', 'Exists', 'DoesNotExist'];

function checkRequirement(ctx: RuleContext, at: FieldPath, item: unknown): void {
  const c = ctx.doc.ctx;
  const m = c.asMap(item);
  if (!m) return;
  const key = readers.string(c, m, 'key');
  const op = readers.string(c, m, 'operator');
  const values = c.asSeq(c.get(m, 'values'));
  const count = values?.items.length ?? 0;
  if (op.kind === 'value' && op.value !== '') {
    if ((op.value === 'In' || op.value === 'NotIn') && count === 0) {
      ctx.report({
        path: [...at, 'values'],
        range: op.range,
        message: `operator ${op.value} needs at least one value`,
      });
    } else if ((op.value === 'Exists' || op.value === 'DoesNotExist') && count > 0) {
      const range = keyRangeIn(ctx, at, 'values') ?? op.range;
      ctx.report({ path: [...at, 'values'], range, message: `values may not be set when operator is ${op.value}` });
    } else if (!OPERATORS.includes(op.value)) {
      ctx.report({
        path: [...at, 'operator'],
        range: op.range,
        message: `operator ${JSON.stringify(op.value)} is not one of In, NotIn, Exists, DoesNotExist`,
      });
    }
  }
  if (key.kind === 'value' && key.value !== '') {
    if (isQualifiedName(key.value).length > 0) {
      ctx.report({
        path: [...at, 'key'],
        range: key.range,
        message: `${JSON.stringify(key.value)} is not a valid label key`,
      });
    }
  }
  values?.items.forEach((v, i) => {
    const s = scalarOf(c.deref(v));
    const range = c.range(v as Node);
    if (s?.type === 'string' && isLabelValue(s.value).length > 0 && range) {
      const shown = s.value.length > 40 ? `${s.value.slice(0, 40)}…` : s.value;
      ctx.report({ path: [...at, 'values', i], range, message: `${JSON.stringify(shown)} is not a valid label value` });
    }
  });
}

export const workloadSelectorRule: Rule = {
  meta: {
    id: 'workload-selector',
    family: 'api-validation',
    severity: 'error',
    summary: "A workload's selector requirement the API server rejects, or an RC with neither selector nor labels.",
  },
  check(ctx) {
    const pod = ctx.pod;
    if (!pod) return;
    if (pod.workload === 'ReplicationController') {
      const selector = mapIn(ctx, ['spec', 'selector']);
      const spec = keyRangeIn(ctx, [], 'spec');
      if ((selector?.items.length ?? 0) === 0 && pod.podMetadata.labels.size === 0 && spec) {
        ctx.report({
          path: ['spec', 'selector'],
          range: keyRangeIn(ctx, ['spec'], 'selector') ?? spec,
          message: 'selector is required: set it or give the template labels to default it from',
          needsWholeObject: true,
        });
      }
      return;
    }
    if (!WITH_SELECTOR.has(pod.workload)) return;
    const exprs = ctx.doc.ctx.asSeq(ctx.doc.ctx.get(mapIn(ctx, ['spec', 'selector']), 'matchExpressions'));
    exprs?.items.forEach((item, i) => {
      checkRequirement(ctx, ['spec', 'selector', 'matchExpressions', i], item);
    });
  },
};
