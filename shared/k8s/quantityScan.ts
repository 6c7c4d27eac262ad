/**
 * The lexical layer of quantities: a port of apimachinery's parseQuantityString scanner and of
 * suffix.go's suffix table, shared by parsing, canonical serialisation and formatting.
 */

export type QuantityFormat = 'DecimalSI' | 'BinarySI' | 'DecimalExponent';

/** The pieces the scanner yields: sign, integer digits (leading zeros stripped, at least "0"), fraction, suffix. */
export interface ScannedQuantity {
  negative: boolean;
  num: string;
  denom: string;
  suffix: string;
}

export interface Suffix {
  base: 10 | 2;
  exponent: number;
  format: QuantityFormat;
}

export const DECIMAL_SUFFIXES: ReadonlyMap<string, number> = new Map([
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

export const BINARY_SUFFIXES: ReadonlyMap<string, number> = new Map([
  ['Ki', 10],
  ['Mi', 20],
  ['Gi', 30],
  ['Ti', 40],
  ['Pi', 50],
  ['Ei', 60],
]);

/** Characters the scanner lets into a suffix before an optional signed number. */
const SUFFIX_CHARS = 'eEinumkKMGTP';
const INT32_MIN = -(2 ** 31);
const INT32_MAX = 2 ** 31 - 1;

const isDigit = (c: string | undefined) => c !== undefined && c >= '0' && c <= '9';

/**
 * A port of apimachinery parseQuantityString: undefined where it returns ErrFormatWrong.
 * @example scanQuantity('-1.5Gi') // { negative: true, num: '1', denom: '5', suffix: 'Gi' }
 */
export function scanQuantity(str: string): ScannedQuantity | undefined {
  const end = str.length;
  let pos = 0;
  let negative = false;
  if (str[0] === '-' || str[0] === '+') {
    negative = str[0] === '-';
    pos++;
  }
  while (pos < end && str[pos] === '0') pos++;
  // Nothing but zeros after the sign: the scanner returns 0 at once, so "-" and "+" parse as 0.
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

/**
 * suffix.go interpret: the decimal table, the binary table, then `e`/`E` followed by a Go int64.
 * `range` marks an exponent outside int32, which Go silently wraps (int32(parsed)) and we reject.
 * @example interpretSuffix('Mi') // { base: 2, exponent: 20, format: 'BinarySI' }
 */
export function interpretSuffix(suffix: string): Suffix | 'unknown' | 'range' {
  const dec = DECIMAL_SUFFIXES.get(suffix);
  if (dec !== undefined) return { base: 10, exponent: dec, format: 'DecimalSI' };
  const bin = BINARY_SUFFIXES.get(suffix);
  if (bin !== undefined) return { base: 2, exponent: bin, format: 'BinarySI' };
  if (suffix.length < 2 || (suffix[0] !== 'e' && suffix[0] !== 'E') || !/^[+-]?\d+$/.test(suffix.slice(1))) {
    return 'unknown';
  }
  const exponent = Number(suffix.slice(1));
  if (exponent < INT32_MIN || exponent > INT32_MAX) return 'range';
  return { base: 10, exponent, format: 'DecimalExponent' };
}
