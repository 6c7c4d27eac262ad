/**
 * `invalid-resource` (validateContainerResourceName, ValidateResourceQuantityValue, validateResourceRequirements):
 * a name that is not a container resource (`disk`), a negative quantity, a fractional extended resource, a hugepages
 * size that is not a multiple of the page size or without cpu/memory, and a non-overcommittable resource (extended,
 * hugepages) whose request is not equal to its limit or has no limit.
 */
import { isQualifiedName } from '../../../k8s/names';
import {
  canonicalQuantity,
  compareQuantities,
  isInteger,
  isNegative,
  parseQuantity,
  type Quantity,
} from '../../../k8s/quantity';
import type { Rule } from '../../types';
import { isHugePages, isNative, overcommit, quantityOf, targets } from './_helpers/resourceTargets';
import { forbidden, invalid, reportPodSpec, required } from './_helpers/util';

const STANDARD_CONTAINER = new Set(['cpu', 'memory', 'ephemeral-storage']);

/** helper.IsStandardResourceName: the unprefixed names the API knows (quota names included). */
const STANDARD = new Set([
  'cpu',
  'memory',
  'ephemeral-storage',
  'storage',
  'pods',
  'services',
  'replicationcontrollers',
  'resourcequotas',
  'secrets',
  'configmaps',
  'persistentvolumeclaims',
  'services.nodeports',
  'services.loadbalancers',
]);

/** helper.IsExtendedResourceName: prefixed, not native, and still a qualified name as `requests.<name>`. */
const isExtended = (name: string) =>
  !isNative(name) && !name.startsWith('requests.') && isQualifiedName(`requests.${name}`).length === 0;

/** validateContainerResourceName: the messages upstream returns for a resource name. */
function nameErrors(name: string): string[] {
  const errs = isQualifiedName(name);
  if (errs.length > 0) return errs;
  if (!name.includes('/')) {
    const out: string[] = [];
    if (!STANDARD.has(name) && !isHugePages(name) && !/^(requests|limits)\./.test(name)) {
      out.push('must be a standard resource type or fully qualified');
    }
    if (!STANDARD_CONTAINER.has(name) && !isHugePages(name)) out.push('must be a standard resource for containers');
    return out;
  }
  if (!isNative(name) && !isExtended(name)) return ["doesn't follow extended resource name standard"];
  return [];
}

/** helper.IsHugePageResourceValueDivisible: a whole number of pages. */
function hugePagesDivisible(name: string, q: Quantity): boolean {
  const size = parseQuantity(name.slice('hugepages-'.length));
  if (!size.ok || size.quantity.n <= 0n || !isInteger(size.quantity)) return false;
  const scale = (d: Quantity) => d.n * 10n ** BigInt(Math.max(0, -d.scale));
  if (q.scale > 0) return false;
  return scale(q) % scale(size.quantity) === 0n;
}

export const invalidResourceRule: Rule = {
  meta: {
    id: 'invalid-resource',
    family: 'api-validation',
    severity: 'error',
    summary: 'An unknown resource name, a negative or fractional amount, or hugepages/extended resources set up wrong.',
  },
  check(ctx) {
    for (const t of targets(ctx)) {
      const { requests, limits } = t.resources;
      let cpuOrMemory = false;
      let hugePages = false;
      for (const [kind, list] of [
        ['limits', limits],
        ['requests', requests],
      ] as const) {
        for (const [name, field] of list.entries) {
          if (field.kind !== 'value') continue;
          const path = [...t.path, kind, name];
          const range = field.range;
          const report = (message: string) => reportPodSpec(ctx, { path, range, message });
          for (const msg of nameErrors(name)) report(invalid(path, name, msg));
          if (name === 'cpu' || name === 'memory') cpuOrMemory = true;
          const q = quantityOf(field);
          if (!q) continue;
          if (isNegative(q)) report(invalid(path, canonicalQuantity(q), 'must be greater than or equal to 0'));
          if (isExtended(name) && !isInteger(q)) report(invalid(path, canonicalQuantity(q), 'must be an integer'));
          if (isHugePages(name)) {
            hugePages = true;
            if (!hugePagesDivisible(name, q))
              report(
                invalid(
                  path,
                  canonicalQuantity(q),
                  `${canonicalQuantity(q)} is not positive integer multiple of ${name}`,
                ),
              );
          }
          if (kind !== 'requests' || overcommit(name)) continue;
          const lim = limits.entries.get(name);
          const limQ = lim && quantityOf(lim);
          if (!lim) {
            const lp = [...t.path, 'limits'];
            reportPodSpec(ctx, {
              path: lp,
              range,
              message: required(lp, 'Limit must be set for non overcommitable resources'),
              needsWholeObject: true,
            });
          } else if (limQ && compareQuantities(q, limQ) !== 0) {
            const rp = [...t.path, 'requests'];
            reportPodSpec(ctx, {
              path: rp,
              range,
              message: invalid(
                rp,
                canonicalQuantity(q),
                `must be equal to ${name} limit of ${canonicalQuantity(limQ)}`,
              ),
            });
          }
        }
      }
      if (hugePages && !cpuOrMemory) {
        reportPodSpec(ctx, {
          path: t.path,
          range: t.range,
          message: forbidden(t.path, 'HugePages require cpu or memory'),
          needsWholeObject: true,
        });
      }
    }
  },
};
