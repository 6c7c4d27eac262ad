/**
 * The Quantity value type on its own, so the modules that format and canonicalise quantities need not
 * import the parser that uses them (quantity.ts re-exports it).
 */
import type { QuantityFormat } from './quantityScan';

/**
 * value = n × 10^-scale exactly (binary suffixes are integers, so every quantity is a finite decimal).
 * Normalised: n has no trailing zero digits and zero is 0n/0, so equal values have equal n and scale.
 * `text` is the input as parsed (surrounding whitespace trimmed), or the canonical form for computed values.
 */
export interface Quantity {
  n: bigint;
  scale: number;
  format: QuantityFormat;
  text: string;
}
