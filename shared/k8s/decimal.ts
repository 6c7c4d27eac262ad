/**
 * Exact decimals `n × 10^-scale` with bigint mantissas: no floats anywhere. Values are kept normalised
 * (no trailing zero digits, zero is 0n/0) so equal values have equal fields.
 */

export interface Decimal {
  n: bigint;
  scale: number;
}

/** Sums whose operands sit further apart than this many decimal places keep only the larger operand. */
const MAX_ALIGN_DIGITS = 100_000;
/** Integers with more trailing zeros than this print as `<digits>e<exponent>` instead of in full. */
const MAX_PLAIN_ZEROS = 30;

const abs = (n: bigint) => (n < 0n ? -n : n);

export function pow10(k: number): bigint {
  return 10n ** BigInt(k);
}

/** Strips trailing zero digits into the scale. */
export function normalize(d: Decimal): Decimal {
  if (d.n === 0n) return { n: 0n, scale: 0 };
  let { n, scale } = d;
  while (n % 10n === 0n) {
    n /= 10n;
    scale -= 1;
  }
  return { n, scale };
}

/** Position of the leading digit: 1 for 1..9, 0 for 0.1..0.9 (meaningless for zero). */
function order(d: Decimal): number {
  return abs(d.n).toString().length - d.scale;
}

/** Rewrites both operands at the smaller of their scales; only call when the gap is bounded. */
function align(a: Decimal, b: Decimal): [bigint, bigint, number] {
  const scale = Math.max(a.scale, b.scale);
  return [a.n * pow10(scale - a.scale), b.n * pow10(scale - b.scale), scale];
}

/** Compares without expanding huge exponents: magnitudes of different order never get aligned. */
export function compareDecimals(a: Decimal, b: Decimal): -1 | 0 | 1 {
  const x = normalize(a);
  const y = normalize(b);
  const sx = x.n === 0n ? 0 : x.n < 0n ? -1 : 1;
  const sy = y.n === 0n ? 0 : y.n < 0n ? -1 : 1;
  if (sx !== sy) return sx < sy ? -1 : 1;
  if (sx === 0) return 0;
  const ox = order(x);
  const oy = order(y);
  if (ox !== oy) return (ox < oy ? -sx : sx) as -1 | 1;
  const [p, q] = align(x, y);
  return p === q ? 0 : p < q ? -1 : 1;
}

export function addDecimals(a: Decimal, b: Decimal): Decimal {
  const x = normalize(a);
  const y = normalize(b);
  if (x.n === 0n) return y;
  if (y.n === 0n) return x;
  if (Math.abs(x.scale - y.scale) > MAX_ALIGN_DIGITS) return order(x) >= order(y) ? x : y;
  const [p, q, scale] = align(x, y);
  return normalize({ n: p + q, scale });
}

/** Rounds the magnitude up (away from zero) to at most `scale` fractional digits, like inf.Dec RoundUp. */
export function roundUpToScale(d: Decimal, scale: number): Decimal {
  const x = normalize(d);
  if (x.scale <= scale) return x;
  const divisor = pow10(x.scale - scale);
  const m = abs(x.n);
  const q = m / divisor + (m % divisor === 0n ? 0n : 1n);
  return normalize({ n: x.n < 0n ? -q : q, scale });
}

function groupThousands(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/**
 * Exact decimal text, e.g. `1234.5` or `1,234.5` with grouping; astronomically large integers print as
 * `<digits>e<exponent>` so formatting never expands a huge exponent.
 * @example toPlainString({ n: 12345n, scale: 1 }, true) // '1,234.5'
 */
export function toPlainString(d: Decimal, group = false): string {
  const x = normalize(d);
  const sign = x.n < 0n ? '-' : '';
  const digits = abs(x.n).toString();
  if (x.scale < -MAX_PLAIN_ZEROS) return `${sign}${digits}e${-x.scale}`;
  if (x.scale <= 0) {
    const int = digits + '0'.repeat(-x.scale);
    return sign + (group ? groupThousands(int) : int);
  }
  const padded = digits.padStart(x.scale + 1, '0');
  const int = padded.slice(0, padded.length - x.scale);
  return `${sign}${group ? groupThousands(int) : int}.${padded.slice(-x.scale)}`;
}

/**
 * `d / divisor` rounded half-up to `fractionDigits` places, with whether that is exact. Skips (returns
 * undefined) for values whose exponent is too large to expand.
 * @example divideToText({ n: 1000000000n, scale: 0 }, 1048576n, 1) // { text: '953.7', exact: false }
 */
export function divideToText(
  d: Decimal,
  divisor: bigint,
  fractionDigits: number,
): { text: string; exact: boolean } | undefined {
  const x = normalize(d);
  if (x.scale < -MAX_PLAIN_ZEROS) return undefined;
  const num = abs(x.n) * pow10(fractionDigits) * (x.scale < 0 ? pow10(-x.scale) : 1n);
  const den = divisor * (x.scale > 0 ? pow10(x.scale) : 1n);
  const q = num / den;
  const r = num % den;
  const rounded = q + (2n * r >= den ? 1n : 0n);
  const signed = x.n < 0n ? -rounded : rounded;
  return { text: toPlainString({ n: signed, scale: fractionDigits }), exact: r === 0n };
}
