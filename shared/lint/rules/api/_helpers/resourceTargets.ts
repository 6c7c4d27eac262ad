/**
 * Resource names and the requests/limits maps the resource rules check (validateResourceRequirements,
 * pkg/apis/core/validation/validation.go, v1.36): containers' and the pod-level resources alike.
 */
import { parseQuantity, type Quantity } from '../../../../k8s/quantity';
import { type Field, type ResourcesView, resolvePod } from '../../../../model';
import type { FieldPath, Range } from '../../../../util/range';
import type { RuleContext } from '../../../types';

export const isHugePages = (name: string) => name.startsWith('hugepages-');

/** helper.IsNativeResource: unprefixed, or in the kubernetes.io/ namespace. */
export const isNative = (name: string) => !name.includes('/') || name.includes('kubernetes.io/');

/** helper.IsOvercommitAllowed */
export const overcommit = (name: string) => isNative(name) && !isHugePages(name);

export function quantityOf(f: Field<string>): Quantity | undefined {
  if (f.kind !== 'value') return undefined;
  const r = parseQuantity(f.value);
  return r.ok ? r.quantity : undefined;
}

export interface Target {
  path: FieldPath;
  resources: ResourcesView;
  range: Range;
}

export function targets(ctx: RuleContext): Target[] {
  const pod = ctx.pod;
  if (!pod) return [];
  const out: Target[] = resolvePod(pod).views.map((c) => ({
    path: [...c.path, 'resources'],
    resources: c.resources,
    range: c.resources.keyRange ?? c.range,
  }));
  if (pod.resources.keyRange)
    out.push({ path: [...pod.specPath, 'resources'], resources: pod.resources, range: pod.resources.keyRange });
  return out;
}
