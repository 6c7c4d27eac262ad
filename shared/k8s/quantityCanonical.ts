/**
 * What the API server prints for a quantity (`kubectl get -o yaml`): apimachinery's CanonicalizeBytes,
 * plus the rule by which ParseQuantity keeps the original text when it is already in canonical form.
 */
import { type Decimal, normalize } from './decimal';
import { interpretSuffix, scanQuantity } from './quantityScan';
import type { Quantity } from './quantityValue';

const DECIMAL_BY_EXPONENT = new Map([
  [-9, 'n'],
  [-6, 'u'],
  [-3, 'm'],
  [0, ''],
  [3, 'k'],
  [6, 'M'],
  [9, 'G'],
  [12, 'T'],
  [15, 'P'],
  [18, 'E'],
]);
const BINARY_BY_POWER = ['', 'Ki', 'Mi', 'Gi', 'Ti', 'Pi', 'Ei'];
/** maxInt64Factors in quantity.go: decimal fast-path precision budget. */
const MAX_INT64_FACTORS = 18;
const MAX_INT64 = 2n ** 63n - 1n;

function decimalCanonical(d: Decimal, exponentOnly: boolean): string {
  // Largest exponent that is a multiple of 3 and leaves no fraction (AsCanonicalBytes).
  let { n, scale } = normalize(d);
  let exponent = -scale;
  while (exponent % 3 !== 0) {
    n *= 10n;
    exponent -= 1;
  }
  const si = DECIMAL_BY_EXPONENT.get(exponent);
  if (!exponentOnly && si !== undefined) return `${n}${si}`;
  // DecimalSI has no suffix beyond E (10^18): the exponent form keeps the value (CanonicalizeBytes).
  return exponent === 0 ? `${n}` : `${n}e${exponent}`;
}

/**
 * Go's Quantity.String() for a computed value: the largest suffix of the quantity's format that leaves
 * no fraction. BinarySI values under 1024 in magnitude, or with a fraction, print as DecimalSI.
 * @example canonicalQuantity(q) // '1Gi' for the parsed `1024Mi`; `0.5` gives '500m', `1e3` gives '1e3'
 */
export function canonicalQuantity(q: Quantity): string {
  const d = normalize(q);
  if (d.n === 0n) return '0';
  const magnitude = d.n < 0n ? -d.n : d.n;
  const binary = q.format === 'BinarySI' && d.scale <= 0 && magnitude * 10n ** BigInt(-d.scale) >= 1024n;
  if (!binary) return decimalCanonical(d, q.format === 'DecimalExponent');
  let n = d.n * 10n ** BigInt(-d.scale);
  let power = 0;
  while (power < BINARY_BY_POWER.length - 1 && n % 1024n === 0n) {
    n /= 1024n;
    power++;
  }
  return `${n}${BINARY_BY_POWER[power]}`;
}

/** ParseQuantity's fast path remembers the input string when it is already canonical (quantity.go). */
function keepsText(text: string): boolean {
  if (text === '0') return true;
  const s = scanQuantity(text);
  const suffix = s && interpretSuffix(s.suffix);
  if (!s || !suffix || typeof suffix === 'string') return false;
  const shifted = s.num + s.denom;
  if (suffix.base === 2) {
    if (suffix.exponent < 0 || s.denom !== '') return false;
    const precision = 15 - s.num.length - Math.trunc((suffix.exponent * 3) / 10) - 1;
    if (precision < 0 || BigInt(s.num) << BigInt(suffix.exponent) > MAX_INT64) return false;
    return (BigInt(s.num) & 7n) !== 0n;
  }
  if (MAX_INT64_FACTORS - shifted.length < 0) return false;
  const scale = suffix.exponent - s.denom.length;
  return scale >= -9 && scale % 3 === 0 && !shifted.endsWith('000') && shifted[0] !== '0';
}

/**
 * The text the API server stores and prints for a freshly parsed quantity: the input itself when
 * ParseQuantity kept it (e.g. `+1Gi` stays `+1Gi`), else the canonical form (`1024Mi` prints `1Gi`).
 * @example serializeQuantity(q) // '500m' for the parsed `0.5`, '+1Gi' for the parsed `+1Gi`
 */
export function serializeQuantity(q: Quantity): string {
  return keepsText(q.text) ? q.text : canonicalQuantity(q);
}
