/**
 * `statefulset-service-name` (ValidateStatefulSetSpec in pkg/apis/apps/validation/validation.go, v1.36;
 * kubernetes/kubernetes#130233, v1.33): serviceName is optional, and when set it must be a DNS-1123 label, because the
 * controller copies it into every Pod's spec.subdomain. An omitted serviceName is accepted (the Pods then get no
 * per-Pod DNS name).
 */
import { isDNS1123Label } from '../../../k8s/names';
import type { Rule } from '../../types';
import { stringIn } from './_helpers/read';

export const statefulsetServiceNameRule: Rule = {
  meta: {
    id: 'statefulset-service-name',
    family: 'api-validation',
    severity: 'error',
    summary: 'A StatefulSet serviceName that is not a DNS-1123 label (it becomes each Pod subdomain).',
  },
  check(ctx) {
    if (ctx.pod?.workload !== 'StatefulSet') return;
    const f = stringIn(ctx, ['spec'], 'serviceName');
    if (f.kind !== 'value' || f.value === '' || isDNS1123Label(f.value).length === 0) return;
    const shown = f.value.length > 40 ? `${f.value.slice(0, 40)}…` : f.value;
    ctx.report({
      path: ['spec', 'serviceName'],
      range: f.range,
      message: `serviceName ${JSON.stringify(shown)} is not a DNS-1123 label (lower case, digits, '-', 63 max)`,
    });
  },
};
