/**
 * The Service a rule looks at, its effective selector (kustomize's selector labels added) and the workspace's pod
 * templates that selector selects. The endpoints controller builds a Service's endpoints from the pods its selector
 * matches (pkg/controller/endpointslice, v1.36).
 */
import { objectFacts, selectedTemplates } from '../../../../analysis/workspace';
import { fieldValue, readers } from '../../../../model';
import type { RuleContext } from '../../../types';
import { namespaceOf } from './podNamespace';

export function serviceOf(ctx: RuleContext) {
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
