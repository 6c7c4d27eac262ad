/**
 * Resource requirements (validateResourceRequirements, validateContainerResourceName, ValidateResourceQuantityValue).
 * `requests-exceed-limits`: a request above its limit (reported on `…resources.requests`, as upstream does).
 * `invalid-resource`: a name that is not a container resource (`disk`), a negative quantity, a fractional extended
 * resource, a hugepages size that is not a multiple of the page size or without cpu/memory, and a non-overcommittable
 * resource (extended, hugepages) whose request is not equal to its limit or has no limit.
 */
import { parseQuantity, type Quantity } from '../../../../k8s/quantity';
import type { Field, ResourcesView } from '../../../../model';
import type { FieldPath, Range } from '../../../../util/range';
import type { RuleContext } from '../../../types';
import { allContainers } from './util';

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
  const out: Target[] = allContainers(pod).map((c) => ({
    path: [...c.path, 'resources'],
    resources: c.resources,
    range: c.resources.keyRange ?? c.range,
  }));
  if (pod.resources.keyRange)
    out.push({ path: [...pod.specPath, 'resources'], resources: pod.resources, range: pod.resources.keyRange });
  return out;
}
