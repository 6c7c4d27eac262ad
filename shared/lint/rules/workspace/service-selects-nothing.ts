/**
 * `service-selects-nothing`: a Service whose selector selects none of the workspace's pod templates. The endpoints
 * controller builds a Service's endpoints from the pods its selector matches (pkg/controller/endpointslice, v1.36):
 * with no match the Service has no endpoints and connections to it fail.
 */
import type { Rule } from '../../types';
import { pairAt } from '../api/_helpers/util';
import { serviceOf } from './_helpers/service';

export const serviceSelectsNothingRule: Rule = {
  meta: {
    id: 'service-selects-nothing',
    family: 'workspace',
    severity: 'warning',
    summary: 'A Service whose selector matches no Pod or pod template in the workspace.',
  },
  check(ctx) {
    const service = serviceOf(ctx);
    if (!service || service.selected.length > 0) return;
    const key = pairAt(ctx.doc, ['spec'], 'selector');
    if (!key) return;
    const shown = Object.entries(service.selector)
      .map(([k, v]) => `${k}=${v}`)
      .join(',');
    ctx.report({
      path: ['spec', 'selector'],
      range: key.keyRange,
      message: `Service "${service.facts.object.name}" selects no pod template in the workspace (${shown}).`,
      detail:
        'No Pod, Deployment, StatefulSet, DaemonSet, ReplicaSet, ReplicationController, Job or CronJob in the ' +
        'workspace has a pod template with all of these labels in this namespace, so the Service would have no ' +
        'endpoints and connections to it fail. Fix the selector or the template labels.',
    });
  },
};
