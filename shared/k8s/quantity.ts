/**
 * Kubernetes resource quantities, parsed exactly as apimachinery `resource.ParseQuantity` does (same
 * accepted strings, same nano round-up and BinarySI cap) and held as exact decimals: never floats.
 */
import { addDecimals, compareDecimals, type Decimal, normalize, pow10, roundUpToScale } from './decimal';
import { quantityError } from './quantityErrors';

export { canonicalQuantity, serializeQuantity } from './quantityCanonical';
export { formatBytes, formatCpu, formatQuantity } from './quantityFormat';

export type QuantityFormat = 'DecimalSI' | 'BinarySI' | 'DecimalExponent';

/**
 * value = n × 10^-scale exactly (binary suffixes are integers, so every quantity is a finite decimal).
 * Normalised: n has no trailing zero digits and zero is 0n/0, so equal values have equal n and scale.
 * `text` is the input as parsed (surrounding whitespace trimmed).
 */
export interface Quantity {
  n: bigint;
  scale: number;
  format: QuantityFormat;
  text: string;
}

/** `warning` is set when the API server accepts the text but stores a different or surprising value. */
export type QuantityResult = { ok: true; quantity: Quantity; warning?: string } | { ok: false; error: string };

const DECIMAL_SUFFIXES = new Map([
  ['n', -9],
  ['u', -6],
  ['m', -3],
  ['', 0],
  ['k', 3],
  ['M', 6],
  ['G', 9],
  ['T', 12],
  ['P', 15],
  ['E', 18],
]);
const BINARY_SUFFIXES = new Map([
  ['Ki', 10],
  ['Mi', 20],
  ['Gi', 30],
  ['Ti', 40],
  ['Pi', 50],
  ['Ei', 60],
]);
/** Characters parseQuantityString lets into a suffix before an optional signed number. */
const SUFFIX_CHARS = 'eEinumkKMGTP';
/** Go's unicode.IsSpace set, which Quantity.UnmarshalJSON trims (JS trim() differs on U+0085 and U+FEFF). */
const GO_SPACE = /^[\t\n\v\f\r \u0085\p{Z}]+|[\t\n\v\f\r \u0085\p{Z}]+$/gu;
const NANO_SCALE = 9;
const MILLI_SCALE = 3;
const MAX_INT64 = 2n ** 63n - 1n;
const INT32_MIN = -(2 ** 31);
const INT32_MAX = 2 ** 31 - 1;

const isDigit = (c: string | undefined) => c !== undefined && c >= '0' && c <= '9';

/** The pieces apimachinery's scanner yields: sign, integer digits (leading zeros stripped), fraction, suffix. */
export interface ScannedQuantity {
  negative: boolean;
  num: string;
  denom: string;
  suffix: string;
}

/** A port of apimachinery parseQuantityString: undefined where it returns ErrFormatWrong. */
export function scanQuantity(str: string): ScannedQuantity | undefined {
  const end = str.length;
  let pos = 0;
  let negative = false;
  if (str[0] === '-' || str[0] === '+') {
    negative = str[0] === '-';
    pos++;
  }
  while (pos < end && str[pos] === '0') pos++;
  // Only zeros (or nothing) after the sign: the scanner returns 0 here, so "-" and "+" parse as 0.
  if (pos >= end) return { negative, num: '0', denom: '', suffix: '' };
  let start = pos;
  while (isDigit(str[pos])) pos++;
  const num = str.slice(start, pos) || '0';
  let denom = '';
  if (str[pos] === '.') {
    start = ++pos;
    while (isDigit(str[pos])) pos++;
    denom = str.slice(start, pos);
  }
  const suffixStart = pos;
  while (pos < end && SUFFIX_CHARS.includes(str[pos] as string)) pos++;
  if (str[pos] === '-' || str[pos] === '+') pos++;
  while (isDigit(str[pos])) pos++;
  return pos === end ? { negative, num, denom, suffix: str.slice(suffixStart) } : undefined;
}

type Suffix = { base: 10 | 2; exponent: number; format: QuantityFormat };

/** suffix.go interpret: decimal table, binary table, then `e`/`E` with a Go int64 exponent. */
function interpretSuffix(suffix: string): Suffix | 'unknown' | 'range' {
  const dec = DECIMAL_SUFFIXES.get(suffix);
  if (dec !== undefined) return { base: 10, exponent: dec, format: 'DecimalSI' };
  const bin = BINARY_SUFFIXES.get(suffix);
  if (bin !== undefined) return { base: 2, exponent: bin, format: 'BinarySI' };
  if (suffix.length < 2 || (suffix[0] !== 'e' && suffix[0] !== 'E') || !/^[+-]?\d+$/.test(suffix.slice(1))) {
    return 'unknown';
  }
  // Go keeps the exponent as int32(parsed): wider values would wrap, which we report instead.
  const exponent = Number(suffix.slice(1));
  if (exponent < INT32_MIN || exponent > INT32_MAX) return 'range';
  return { base: 10, exponent, format: 'DecimalExponent' };
}

/**
 * Parses a quantity the way the API server decodes one from JSON: surrounding whitespace is trimmed
 * (UnmarshalJSON), then `resource.ParseQuantity` applies. Values finer than 1n round up (away from zero)
 * to 1n; BinarySI values above 2^63-1 are capped; a BinarySI value strictly between -1 and 1 becomes
 * DecimalSI. Never throws.
 * @example
 *   parseQuantity('1.5Gi') // { ok: true, quantity: { n: 1610612736n, scale: 0, format: 'BinarySI', text: '1.5Gi' } }
 *   parseQuantity('1GB')   // { ok: false, error: '"1GB": unknown suffix "GB"; use G (10^9) or Gi (2^30)' }
 */
export function parseQuantity(text: string): QuantityResult {
  const trimmed = text.replace(GO_SPACE, '');
  const scanned = trimmed === '' ? undefined : scanQuantity(trimmed);
  if (!scanned) return { ok: false, error: quantityError(trimmed) };
  const suffix = interpretSuffix(scanned.suffix);
  if (suffix === 'unknown' || suffix === 'range') return { ok: false, error: quantityError(trimmed, suffix) };

  const digits = BigInt(scanned.num + scanned.denom);
  const magnitude: Decimal =
    suffix.base === 2
      ? { n: digits * 2n ** BigInt(suffix.exponent), scale: scanned.denom.length }
      : { n: digits, scale: scanned.denom.length - suffix.exponent };
  let value = roundUpToScale(magnitude, NANO_SCALE);
  const warnings: string[] = [];
  if (compareDecimals(value, magnitude) !== 0) {
    warnings.push(`finer than 1n (10^-9): the API server rounds it up to ${value.n}n`);
  }
  let format = suffix.format;
  if (format === 'BinarySI' && value.scale <= 0 && value.n * pow10(-value.scale) > MAX_INT64) {
    value = { n: MAX_INT64, scale: 0 };
    warnings.push(`above 2^63-1: the API server caps binary quantities at ${MAX_INT64}`);
  }
  if (format === 'BinarySI' && value.n !== 0n && value.scale > 0 && value.n < pow10(value.scale)) {
    format = 'DecimalSI';
  }
  if (!/\d/.test(trimmed)) warnings.push('has no digits: the API server reads it as 0');
  const n = scanned.negative ? -value.n : value.n;
  const quantity: Quantity = { ...normalize({ n, scale: value.scale }), format, text: trimmed };
  const warning = warnings.length ? `${JSON.stringify(trimmed)} ${warnings.join('; ')}` : undefined;
  return warning ? { ok: true, quantity, warning } : { ok: true, quantity };
}

/** Exact comparison (Quantity.Cmp). */
export function compareQuantities(a: Quantity, b: Quantity): -1 | 0 | 1 {
  return compareDecimals(a, b);
}

/**
 * The value in base units (cores, bytes) as the nearest float: for display and simulation only, never for
 * comparisons.
 * @example quantityToNumber(q('250m')) // 0.25
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
 * @example addQuantities(q('250m'), q('1')) // 1.25 cores, text '1250m'
 */
export function addQuantities(a: Quantity, b: Quantity): Quantity {
  const sum = addDecimals(a, b);
  const format = a.n === 0n ? b.format : a.format;
  return withCanonicalText({ ...sum, format, text: '' });
}

/**
 * Rounds up to whole millis, as SetDefaults_ResourceList does to every container resource value
 * (pkg/apis/core/v1/defaults.go) before validation: `0.1m` cpu is stored as `1m`.
 * @example roundUpToMilli(q('100u')).text // '1m'
 */
export function roundUpToMilli(q: Quantity): Quantity {
  const rounded = roundUpToScale(q, MILLI_SCALE);
  if (compareDecimals(rounded, q) === 0) return q;
  return withCanonicalText({ ...rounded, format: q.format, text: '' });
}

function withCanonicalText(q: Quantity): Quantity {
  return { ...q, text: canonicalText(q) };
}

// Imported lazily by name to keep the module graph acyclic: quantityCanonical only needs the Quantity type.
import { canonicalQuantity as canonicalText } from './quantityCanonical';
