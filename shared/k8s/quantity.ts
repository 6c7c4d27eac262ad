/**
 * Kubernetes resource quantities, parsed exactly as apimachinery `resource.ParseQuantity` does (same
 * accepted strings, same nano round-up and BinarySI cap) and held as exact decimals: never floats.
 */
import { addDecimals, compareDecimals, type Decimal, normalize, pow10, roundUpToScale } from './decimal';
import { canonicalQuantity } from './quantityCanonical';
import { quantityError } from './quantityErrors';
import { interpretSuffix, scanQuantity } from './quantityScan';
import type { Quantity } from './quantityValue';

export { canonicalQuantity, serializeQuantity } from './quantityCanonical';
export { formatBytes, formatCpu, formatQuantity } from './quantityFormat';
export type { QuantityFormat } from './quantityScan';
export type { Quantity } from './quantityValue';

/** `warning` is set when the API server accepts the text but stores a different or surprising value. */
export type QuantityResult = { ok: true; quantity: Quantity; warning?: string } | { ok: false; error: string };

/** Go's unicode.IsSpace set, which Quantity.UnmarshalJSON trims (JS trim() differs on U+0085 and U+FEFF). */
const GO_SPACE = /^[\t\n\v\f\r \u0085\p{Z}]+|[\t\n\v\f\r \u0085\p{Z}]+$/gu;
const EDGE_SPACE = /[\t\n\v\f\r \u0085\p{Z}]/u;

/** Quantities are parsed on every keystroke of a big file: skip the Unicode trim when nothing can need it. */
function hasEdgeSpace(text: string): boolean {
  return text.length > 0 && (EDGE_SPACE.test(text[0] as string) || EDGE_SPACE.test(text[text.length - 1] as string));
}
const NANO_SCALE = 9;
const MILLI_SCALE = 3;
const MAX_INT64: Decimal = { n: 2n ** 63n - 1n, scale: 0 };

/**
 * Parses a quantity the way the API server decodes one from JSON: surrounding whitespace is trimmed
 * (UnmarshalJSON, so `" 100m "` gives text `100m`), then `resource.ParseQuantity` applies. Values finer
 * than 1n round up (away from zero) to 1n; BinarySI values above 2^63-1 are capped; a BinarySI value
 * strictly between -1 and 1 becomes DecimalSI. Never throws.
 * @example
 *   parseQuantity('1.5Gi') // { ok: true, quantity: { n: 1610612736n, scale: 0, format: 'BinarySI', text: '1.5Gi' } }
 *   parseQuantity('1GB')   // { ok: false, error: '"1GB": unknown suffix "GB"; use G (10^9) or Gi (2^30)' }
 */
export function parseQuantity(text: string): QuantityResult {
  let result = parsed.get(text);
  if (!result) {
    if (parsed.size >= PARSED_CACHE_SIZE) parsed.clear();
    result = Object.freeze(parseUncached(text));
    if (result.ok) Object.freeze(result.quantity);
    parsed.set(text, result);
  }
  return result;
}

/**
 * Parsed quantities by text. A manifest repeats a handful of quantities (`100m`, `128Mi`) and several rules read
 * each one, so parsing dominated their cost; results are frozen because they are shared.
 */
const parsed = new Map<string, QuantityResult>();
const PARSED_CACHE_SIZE = 1024;

function parseUncached(text: string): QuantityResult {
  const trimmed = hasEdgeSpace(text) ? text.replace(GO_SPACE, '') : text;
  const scanned = trimmed === '' ? undefined : scanQuantity(trimmed);
  if (!scanned) return { ok: false, error: quantityError(trimmed) };
  const suffix = interpretSuffix(scanned.suffix);
  if (suffix === 'unknown' || suffix === 'range') return { ok: false, error: quantityError(trimmed, suffix) };

  const digits = BigInt(scanned.num + scanned.denom);
  const exact: Decimal =
    suffix.base === 2
      ? { n: digits * 2n ** BigInt(suffix.exponent), scale: scanned.denom.length }
      : { n: digits, scale: scanned.denom.length - suffix.exponent };
  let magnitude = roundUpToScale(exact, NANO_SCALE);
  const rounded = compareDecimals(magnitude, exact) !== 0;
  const capped = suffix.format === 'BinarySI' && compareDecimals(magnitude, MAX_INT64) > 0;
  if (capped) magnitude = MAX_INT64;
  const belowOne = magnitude.n !== 0n && magnitude.scale > 0 && magnitude.n < pow10(magnitude.scale);
  const format = suffix.format === 'BinarySI' && belowOne ? 'DecimalSI' : suffix.format;
  const value = normalize({ n: scanned.negative ? -magnitude.n : magnitude.n, scale: magnitude.scale });
  const quantity: Quantity = { ...value, format, text: trimmed };

  const notes: string[] = [];
  if (rounded) notes.push(`is finer than 1n (10^-9): the API server rounds it up to ${canonicalQuantity(quantity)}`);
  if (capped) notes.push(`is above 2^63-1: the API server caps binary quantities at ${MAX_INT64.n}`);
  if (!/\d/.test(trimmed)) notes.push('has no digits: the API server reads it as 0');
  if (notes.length === 0) return { ok: true, quantity };
  return { ok: true, quantity, warning: `${JSON.stringify(trimmed)} ${notes.join('; ')}` };
}

/** Exact comparison, like Quantity.Cmp. */
export function compareQuantities(a: Quantity, b: Quantity): -1 | 0 | 1 {
  return compareDecimals(a, b);
}

/**
 * The value in base units (cores, bytes) as the nearest float: for display and simulation, never for
 * comparisons.
 * @example quantityToNumber(cpu) // 0.25 when cpu is the parsed `250m`
 */
export function quantityToNumber(q: Quantity): number {
  return Number(`${q.n}e${-q.scale}`);
}

export function isNegative(q: Quantity): boolean {
  return q.n < 0n;
}

export function isInteger(q: Quantity): boolean {
  return normalize(q).scale <= 0;
}

/**
 * Exact sum for pod totals. Like Quantity.Add, the result keeps `a`'s format unless `a` is zero; its text
 * is the canonical form. Operands more than 10^100000 apart in magnitude keep only the larger one.
 * @example addQuantities(a, b).text // '1250m' for the parsed `250m` and `1`
 */
export function addQuantities(a: Quantity, b: Quantity): Quantity {
  return withCanonicalText({ ...addDecimals(a, b), format: a.n === 0n ? b.format : a.format });
}

/**
 * Rounds up to whole millis, as SetDefaults_ResourceList does to every container resource value
 * (pkg/apis/core/v1/defaults.go) before validation: `0.1m` of cpu is stored as `1m`.
 * @example roundUpToMilli(q).text // '1m' for the parsed `100u`
 */
export function roundUpToMilli(q: Quantity): Quantity {
  const rounded = roundUpToScale(q, MILLI_SCALE);
  if (compareDecimals(rounded, q) === 0) return q;
  return withCanonicalText({ ...rounded, format: q.format });
}

function withCanonicalText(value: Omit<Quantity, 'text'>): Quantity {
  const q = { ...value, text: '' };
  return { ...q, text: canonicalQuantity(q) };
}
