/**
 * Facts read at one place of a file, placed at another: a segment read on its own, or an unchanged segment that
 * moved, has its objects renumbered instead of being parsed again.
 */
import { type Range, shiftRange } from '../../util/range';

function isRange(v: object): v is Range {
  return 'start' in v && 'end' in v && typeof (v as Range).start?.line === 'number';
}

/**
 * `value` with every range `lines` further down and every document number `documents` further on. `body` is an
 * object's own JSON, not positions.
 * @example movedFacts(facts, 0, firstIndex) // a segment's objects, numbered in its file
 */
export function movedFacts<T>(value: T, lines: number, documents: number): T {
  if (lines === 0 && documents === 0) return value;
  if (Array.isArray(value)) return value.map((v) => movedFacts(v, lines, documents)) as T;
  if (value === null || typeof value !== 'object') return value;
  if (isRange(value)) return shiftRange(value, lines) as T;
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) {
    out[key] =
      key === 'body'
        ? v
        : key === 'document' && typeof v === 'number'
          ? v + documents
          : movedFacts(v, lines, documents);
  }
  return out as T;
}
