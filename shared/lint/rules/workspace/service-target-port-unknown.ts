/**
 * `service-target-port-unknown`: a named `targetPort` that no container of the selected pod templates declares.
 * The endpoints controller resolves a named targetPort against each pod's container ports (podutil.FindPort in
 * pkg/api/v1/pod/util.go, v1.36): with no match the Service has no endpoints for that port.
 */
import type { Rule } from '../../types';
import { serviceOf } from './_helpers/service';

export const serviceTargetPortUnknownRule: Rule = {
  meta: {
    id: 'service-target-port-unknown',
    family: 'workspace',
    severity: 'warning',
    summary: 'A Service targetPort name that no container of the selected pod templates declares.',
  },
  check(ctx) {
    const service = serviceOf(ctx);
    if (!service || service.selected.length === 0) return;
    for (const target of service.facts.service?.targetPorts ?? []) {
      if (typeof target.value !== 'string') continue;
      // FindPort matches the name and the protocol (both TCP when unset).
      const declared = service.selected.some((o) =>
        o.podTemplate?.ports.some((p) => p.name === target.value && (p.protocol ?? 'TCP') === target.protocol),
      );
      if (declared) continue;
      ctx.report({
        path: target.path,
        range: target.range,
        message: `No container of the selected pods declares a ${target.protocol} port named "${target.value}".`,
        detail:
          `The Service selects ${service.selected.map((o) => `${o.kind} ${o.name}`).join(', ')}; none of their ` +
          'regular or sidecar containers has a port with this name and protocol, so the Service has no endpoint for ' +
          'it. Name the container port or use its number.',
      });
    }
  },
};
