/**
 * `invalid-scheduling-gate`: spec.schedulingGates names are qualified names and unique (validateSchedulingGates,
 * errors on the list entry itself), and a Pod may not be created with both nodeName and scheduling gates
 * (ValidatePodCreate, pkg/apis/core/validation/validation.go, v1.36). That last check only runs for Pods, so on a
 * template it is a warning: the workload is accepted and every Pod it creates is rejected.
 */
import { isQualifiedName } from '../../../k8s/names';
import { duplicates } from '../../helpers/duplicates';
import type { Rule } from '../../types';
import { listItems, quote, str } from './_helpers/items';
import { mapAt, reportPodOnly, reportPodSpec } from './_helpers/util';

export const invalidSchedulingGateRule: Rule = {
  meta: {
    id: 'invalid-scheduling-gate',
    family: 'api-validation',
    severity: 'error',
    summary: 'A scheduling gate that is not a qualified name or is repeated, or scheduling gates with nodeName.',
  },
  check(ctx) {
    const pod = ctx.pod;
    if (!pod) return;
    const gates = listItems(ctx, mapAt(ctx.doc, pod.specPath), pod.specPath, 'schedulingGates');
    const repeats = duplicates(gates, (g) => {
      const name = str(ctx, g.map, 'name');
      return name.kind === 'value' ? name : undefined;
    });
    for (const g of gates) {
      const name = str(ctx, g.map, 'name');
      if (name.kind !== 'value') continue;
      if (isQualifiedName(name.value).length > 0)
        reportPodSpec(ctx, {
          path: g.path,
          range: name.range,
          message: `Scheduling gate ${quote(name.value)} is not a qualified name.`,
        });
      if (repeats.has(g))
        reportPodSpec(ctx, {
          path: g.path,
          range: name.range,
          message: `Scheduling gate ${quote(name.value)} is listed twice.`,
        });
    }
    const node = pod.nodeName;
    if (gates.length > 0 && node.kind === 'value' && node.value !== '')
      reportPodOnly(ctx, {
        path: [...pod.specPath, 'nodeName'],
        range: node.keyRange,
        message: 'nodeName is set with schedulingGates.',
      });
  },
};
