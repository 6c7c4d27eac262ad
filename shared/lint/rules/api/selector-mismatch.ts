/**
 * `selector-mismatch` (apps validation, ValidateReplicationControllerSpec): an apps/v1 selector must not be empty and
 * must match the template labels; a ReplicationController's selector too.
 */
import type { FieldPath } from '../../../util/range';
import type { Rule } from '../../types';
import { mapAt, pairAt } from './_helpers/util';
import { matches, readSelector } from './_helpers/workloadTemplates';

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
