/**
 * Services and the pod templates of the workspace: a selector that selects none of them, and a named
 * `targetPort` no selected container declares. The endpoints controller builds a Service's endpoints from the
 * pods its selector matches and resolves a named targetPort against each pod's container ports
 * (pkg/controller/endpointslice, podutil.FindPort in pkg/api/v1/pod/util.go, v1.36): with no match, the Service
 * has no endpoints for that port and connections fail.
 */
import { objectFacts, selectedTemplates } from '../../../analysis/workspace';
import { fieldValue, readers } from '../../../model';
import type { Rule, RuleContext } from '../../types';
import { pairAt } from '../api/util';
import { namespaceOf } from './podNamespace';

function serviceOf(ctx: RuleContext) {
  const kind = fieldValue(ctx.doc.kind);
  if (kind !== 'Service' || !ctx.workspace) return undefined;
  const spec = ctx.doc.ctx.asMap(ctx.doc.ctx.get(ctx.doc.ctx.asMap(ctx.doc.ast.contents), 'spec'));
  if (fieldValue(readers.string(ctx.doc.ctx, spec, 'type')) === 'ExternalName') return undefined;
  const facts = objectFacts(ctx.doc, ctx.path ?? '');
  const written = facts?.object.selector;
  // A Service without a selector has endpoints managed by hand: nothing to match.
  if (!facts || !written) return undefined;
  const selector = { ...written, ...ctx.doc.kustomize?.selectorLabels };
  const selected = selectedTemplates(ctx.workspace, selector, namespaceOf(ctx.doc));
  return { facts, selector, selected };
}

export const serviceSelectsNothing: Rule = {
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

export const serviceTargetPortUnknown: Rule = {
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
