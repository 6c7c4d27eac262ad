/**
 * Resource lists of policy objects (LimitRange, ResourceQuota, RuntimeClass) read from plain JSON, and the integer
 * views apimachinery compares them by (resource.Quantity Value and MilliValue, which round up).
 */
import { parseQuantity, type Quantity } from '../quantity';
import { plainRecord } from './namespace';

export type ResourceList = Map<string, Quantity>;

/** Entries that are not quantities are skipped: the API server would have rejected the object holding them. */
export function readResourceList(value: unknown): ResourceList {
  const out: ResourceList = new Map();
  for (const [name, raw] of Object.entries(plainRecord(value))) {
    if (typeof raw !== 'string' && typeof raw !== 'number') continue;
    const parsed = parseQuantity(String(raw));
    if (parsed.ok) out.set(name, parsed.quantity);
  }
  return out;
}

/** ceil(q × 10^digits): Value() for 0 digits, MilliValue() for 3 (resource.Quantity.ScaledValue rounds up). */
export function scaledCeil(q: Quantity, digits: number): bigint {
  const e = digits - q.scale;
  if (e >= 0) return q.n * 10n ** BigInt(e);
  const d = 10n ** BigInt(-e);
  const quo = q.n / d;
  return q.n > 0n && quo * d !== q.n ? quo + 1n : quo;
}

/** resource.MaxMilliValue: the largest value whose MilliValue fits in an int64. */
export const MAX_MILLI_VALUE = (2n ** 63n - 1n) / 1000n;

export function sortedNames(list: ReadonlyMap<string, unknown>): string[] {
  return [...list.keys()].sort();
}
