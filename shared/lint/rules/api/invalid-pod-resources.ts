/**
 * `invalid-pod-resources`: pod-level resources (spec.resources, PodLevelResources, on by default in v1.36) that
 * contradict the containers' own (validatePodResourceConsistency, pkg/apis/core/validation/validation.go): a pod
 * request below the sum of the regular containers' requests (a missing request defaulted to the limit), and a
 * container limit above the pod's limit (reported, as upstream does, at `spec.resources.containers[i][name].limits`).
 * Init containers are left out of the sum, so it is never overstated.
 */
import {
  addQuantities,
  canonicalQuantity,
  compareQuantities,
  parseQuantity,
  type Quantity,
} from '../../../k8s/quantity';
import type { Field } from '../../../model';
import type { Rule } from '../../types';
import { invalid, reportPodSpec } from './_helpers/util';

function quantityOf(f: Field<string> | undefined): Quantity | undefined {
  if (f?.kind !== 'value') return undefined;
  const r = parseQuantity(f.value);
  return r.ok ? r.quantity : undefined;
}

export const invalidPodResourcesRule: Rule = {
  meta: {
    id: 'invalid-pod-resources',
    family: 'api-validation',
    severity: 'error',
    summary: 'Pod-level requests below the containers’ total, or a container limit above the pod-level limit.',
  },
  check(ctx) {
    const pod = ctx.pod;
    if (!pod?.resources.keyRange) return;
    const podPath = [...pod.specPath, 'resources'];
    for (const [name, podReq] of pod.resources.requests.entries) {
      const want = quantityOf(podReq);
      if (!want || podReq.kind !== 'value') continue;
      let total: Quantity | undefined;
      for (const c of pod.containers) {
        // SetDefaults_Pod gives a container without a request its limit as request.
        const q = quantityOf(c.resources.requests.entries.get(name) ?? c.resources.limits.entries.get(name));
        if (q) total = total ? addQuantities(total, q) : q;
      }
      if (!total || compareQuantities(want, total) >= 0) continue;
      const path = [...podPath, 'requests', name];
      const sum = canonicalQuantity(total);
      reportPodSpec(ctx, {
        path,
        range: podReq.range,
        message: invalid(
          path,
          canonicalQuantity(want),
          `must be greater than or equal to aggregate container requests of ${sum}`,
        ),
      });
    }
    for (const [name, podLim] of pod.resources.limits.entries) {
      const cap = quantityOf(podLim);
      if (!cap) continue;
      for (const c of pod.containers) {
        const field = c.resources.limits.entries.get(name);
        const lim = quantityOf(field);
        if (!lim || field?.kind !== 'value' || compareQuantities(lim, cap) <= 0) continue;
        // Upstream builds this path from the pod-level one: spec.resources.containers[i][cpu].limits.
        const path = [...podPath, 'containers', c.path.at(-1) ?? 0, name, 'limits'];
        reportPodSpec(ctx, {
          path,
          range: field.range,
          message: invalid(
            path,
            canonicalQuantity(lim),
            `must be less than or equal to pod limits of ${canonicalQuantity(cap)}`,
          ),
          ...(podLim.kind === 'value' && { related: [{ range: podLim.range, message: `pod-level ${name} limit` }] }),
        });
      }
    }
  },
};
