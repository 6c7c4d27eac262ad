// Quantity parsing follows apimachinery resource.ParseQuantity; the expected values of the second block are
// the ones in apimachinery's quantity_test.go (TestQuantityParse, TestQuantityParseEmit, TestQuantityCmp).
import { describe, expect, it } from 'vitest';
import {
  addQuantities,
  canonicalQuantity,
  compareQuantities,
  formatBytes,
  formatCpu,
  formatQuantity,
  isInteger,
  isNegative,
  parseQuantity,
  type Quantity,
  type QuantityFormat,
  quantityToNumber,
  roundUpToMilli,
  serializeQuantity,
} from '../../../shared/k8s/quantity';

function q(text: string): Quantity {
  const r = parseQuantity(text);
  if (!r.ok) throw new Error(`expected ${JSON.stringify(text)} to parse: ${r.error}`);
  return r.quantity;
}

type Valid = [input: string, n: bigint, scale: number, format: QuantityFormat];

const VALID: Valid[] = [
  // the forms listed in k8s-validation.md §2
  ['1', 1n, 0, 'DecimalSI'],
  ['0', 0n, 0, 'DecimalSI'],
  ['0.5', 5n, 1, 'DecimalSI'],
  ['.5', 5n, 1, 'DecimalSI'],
  ['1.', 1n, 0, 'DecimalSI'],
  ['1.G', 1n, -9, 'DecimalSI'],
  ['100m', 1n, 1, 'DecimalSI'],
  ['1e3', 1n, -3, 'DecimalExponent'],
  ['1E3', 1n, -3, 'DecimalExponent'],
  ['12e-3', 12n, 3, 'DecimalExponent'],
  ['129M', 129n, -6, 'DecimalSI'],
  ['1Gi', 1073741824n, 0, 'BinarySI'],
  ['1.5Gi', 1610612736n, 0, 'BinarySI'],
  ['+1', 1n, 0, 'DecimalSI'],
  ['1E', 1n, -18, 'DecimalSI'],
  ['1Ei', 1152921504606846976n, 0, 'BinarySI'],
  ['-1', -1n, 0, 'DecimalSI'],
  ['-100m', -1n, 1, 'DecimalSI'],
  ['250m', 25n, 2, 'DecimalSI'],
  ['64Mi', 67108864n, 0, 'BinarySI'],
  ['0Ki', 0n, 0, 'BinarySI'],
  ['0m', 0n, 0, 'DecimalSI'],
  // apimachinery TestQuantityParse
  ['100.035k', 100035n, 0, 'DecimalSI'],
  ['0.0005k', 5n, 1, 'DecimalSI'],
  ['10.035M', 10035n, -3, 'DecimalSI'],
  ['1.3E+6', 13n, -5, 'DecimalExponent'],
  ['1.40e9', 14n, -8, 'DecimalExponent'],
  ['6.987654321G', 6987654321n, 0, 'DecimalSI'],
  ['2.5P', 25n, -14, 'DecimalSI'],
  ['1.01E', 101n, -16, 'DecimalSI'],
  ['12E', 12n, -18, 'DecimalSI'],
  ['3.001n', 4n, 9, 'DecimalSI'],
  ['1.1E-9', 2n, 9, 'DecimalExponent'],
  ['0.0000000005', 1n, 9, 'DecimalSI'],
  ['0.00000012345', 124n, 9, 'DecimalSI'],
  ['100.035Ki', 10243584n, 2, 'BinarySI'],
  ['0.5Mi', 524288n, 0, 'BinarySI'],
  ['0.025Ti', 274877906944n, 1, 'BinarySI'],
  ['0.000000000001Ki', 2n, 9, 'DecimalSI'],
  ['.0001k', 1n, 1, 'DecimalSI'],
  ['9Ei', 9223372036854775807n, 0, 'BinarySI'],
  ['9223372036854775807Ki', 9223372036854775807n, 0, 'BinarySI'],
  ['18446744073709551616', 18446744073709551616n, 0, 'DecimalSI'],
  ['1e2000000000', 1n, -2000000000, 'DecimalExponent'],
  // scanner corner cases that the API server also accepts: no digits reads as 0
  ['m', 0n, 0, 'DecimalSI'],
  ['Ki', 0n, 0, 'BinarySI'],
  ['.', 0n, 0, 'DecimalSI'],
  ['-', 0n, 0, 'DecimalSI'],
];

describe('parseQuantity', () => {
  it.each(VALID)('parses %j exactly', (input, n, scale, format) => {
    expect(parseQuantity(input)).toMatchObject({ ok: true, quantity: { n, scale, format, text: input } });
  });

  it.each([
    [' 100m ', '100m'],
    ['\t1Gi\n', '1Gi'],
    ['\u00a0500m\u0085', '500m'],
  ])('trims surrounding whitespace as Quantity.UnmarshalJSON does: %j', (input, text) => {
    expect(parseQuantity(input)).toEqual({ ok: true, quantity: { ...q(text), text } });
  });

  it.each([
    ['m', '"m" has no digits: the API server reads it as 0'],
    ['0.9n', '"0.9n" is finer than 1n (10^-9): the API server rounds it up to 1n'],
    ['9Ei', '"9Ei" is above 2^63-1: the API server caps binary quantities at 9223372036854775807'],
  ])('warns when the stored value surprises: %j', (input, warning) => {
    const r = parseQuantity(input);
    expect(r.ok && r.warning).toBe(warning);
  });

  it('gives no warning for an ordinary value', () => {
    expect(parseQuantity('1.5Gi')).toEqual({
      ok: true,
      quantity: { n: 1610612736n, scale: 0, format: 'BinarySI', text: '1.5Gi' },
    });
  });

  it.each([
    ['1GB', '"1GB": unknown suffix "GB"; use G (10^9) or Gi (2^30)'],
    ['10gb', '"10gb": suffixes are case-sensitive: did you mean "10G" or "10Gi"?'],
    ['1K', '"1K": suffixes are case-sensitive: did you mean "1k" or "1Ki"?'],
    ['1mi', '"1mi": suffixes are case-sensitive: did you mean "1Mi"?'],
    ['0.1mi', '"0.1mi": suffixes are case-sensitive: did you mean "0.1Mi"?'],
    ['1GiB', '"1GiB": unknown suffix "GiB"; use Gi (2^30)'],
    ['1kb', '"1kb": unknown suffix "kb"; use k (10^3) or Ki (2^10)'],
    ['1 Gi', '"1 Gi": a quantity cannot contain spaces; did you mean "1Gi"?'],
    ['1.1.M', '"1.1.M": a number has at most one decimal point'],
    ['1+1.0M', '"1+1.0M": a sign (+ or -) may only start the number or follow an exponent (1e-3)'],
    ['1i', '"1i": unknown suffix "i"; binary suffixes are Ki, Mi, Gi, Ti, Pi and Ei'],
    ['.5i', '".5i": unknown suffix "i"; binary suffixes are Ki, Mi, Gi, Ti, Pi and Ei'],
    ['-3.01i', '"-3.01i": unknown suffix "i"; binary suffixes are Ki, Mi, Gi, Ti, Pi and Ei'],
    ['abc', '"abc": not a number; a quantity is a number with an optional suffix, e.g. 100m, 0.5, 2, 128Mi, 1G or 1e3'],
    [
      'aoeu',
      '"aoeu": not a number; a quantity is a number with an optional suffix, e.g. 100m, 0.5, 2, 128Mi, 1G or 1e3',
    ],
    ['', '"": a quantity cannot be empty; write a number with an optional suffix, e.g. 100m, 0.5, 2, 128Mi, 1G or 1e3'],
    [
      '   ',
      '"": a quantity cannot be empty; write a number with an optional suffix, e.g. 100m, 0.5, 2, 128Mi, 1G or 1e3',
    ],
    [
      '0.1am',
      '"0.1am": unknown suffix "am"; use n, u, m, k, M, G, T, P, E (powers of 10), Ki, Mi, Gi, Ti, Pi, Ei (powers of 2) or an exponent such as e3',
    ],
    ['-3.01e-', '"-3.01e-": the exponent "e-" has no digits; write e.g. 1e3'],
    ['1e3k', '"1e3k": nothing may follow the exponent digits (found "k")'],
    ['1_000', '"1_000": digit separators (_ or ,) are not allowed'],
    ['1e99999999999', '"1e99999999999": the exponent is out of range (it must fit in 32 bits)'],
  ])('rejects %j with a precise message', (input, error) => {
    expect(parseQuantity(input)).toEqual({ ok: false, error });
  });
});

describe('compareQuantities', () => {
  it.each([
    ['0', '0', 0],
    ['100m', '50m', 1],
    ['50m', '100m', -1],
    ['10000T', '100Gi', 1],
    ['1Gi', '1073741824', 0],
    ['1G', '1Gi', -1],
    ['0.5', '500m', 0],
    ['1e3', '1k', 0],
    ['-1', '0', -1],
    ['-100m', '-50m', -1],
    ['1.1E-9', '2n', 0],
    ['1e2000000000', '1E', 1],
    ['-1e2000000000', '-1', -1],
  ] as const)('compares %s with %s as %i', (a, b, expected) => {
    expect(compareQuantities(q(a), q(b))).toBe(expected);
    expect(compareQuantities(q(b), q(a))).toBe(-expected || 0);
  });
});

describe('arithmetic and predicates', () => {
  it.each([
    ['250m', '1', 125n, 2, 'DecimalSI', '1250m'],
    ['1Gi', '512Mi', 1610612736n, 0, 'BinarySI', '1536Mi'],
    ['0', '1Gi', 1073741824n, 0, 'BinarySI', '1Gi'],
    ['100m', '-100m', 0n, 0, 'DecimalSI', '0'],
    ['1e3', '1', 1001n, 0, 'DecimalExponent', '1001'],
  ] as const)('adds %s and %s exactly', (a, b, n, scale, format, text) => {
    expect(addQuantities(q(a), q(b))).toEqual({ n, scale, format, text });
  });

  it.each([
    ['250m', 0.25],
    ['1Gi', 1073741824],
    ['-1.5', -1.5],
    ['1e2000000000', Number.POSITIVE_INFINITY],
  ])('converts %s to the float %d', (text, value) => {
    expect(quantityToNumber(q(text))).toBe(value);
  });

  it.each([
    ['-1', true, true],
    ['-100m', true, false],
    ['0', false, true],
    ['1.5Gi', false, true],
    ['100.035Ki', false, false],
    ['1e3', false, true],
  ])('%s: isNegative %s, isInteger %s', (text, negative, integer) => {
    expect([isNegative(q(text)), isInteger(q(text))]).toEqual([negative, integer]);
  });

  it.each([
    ['100u', '1m'],
    ['0.1m', '1m'],
    ['1.5m', '2m'],
  ])('rounds %s up to whole millis as SetDefaults_ResourceList does: %s', (text, rounded) => {
    expect(roundUpToMilli(q(text)).text).toBe(rounded);
  });

  it('returns the same quantity when it already has whole millis', () => {
    const value = q('250m');
    expect(roundUpToMilli(value)).toBe(value);
  });
});

describe('canonical and stored text', () => {
  it.each([
    ['1Ki', '1Ki'],
    ['1Gi', '1Gi'],
    ['1024Mi', '1Gi'],
    ['1000M', '1G'],
    ['.001Ki', '1024m'],
    ['.000001Ki', '1024u'],
    ['.000000001Ki', '1024n'],
    ['.000000000001Ki', '2n'],
    ['1.5Gi', '1536Mi'],
    ['0.5', '500m'],
    ['1000E', '1e21'],
    ['1e2', '100'],
  ])('canonicalQuantity(%s) is %s (Quantity.String)', (text, canonical) => {
    expect(canonicalQuantity(q(text))).toBe(canonical);
  });

  it.each([
    ['+1Gi', '+1Gi'],
    ['1.', '1.'],
    ['100m', '100m'],
    ['1e3', '1e3'],
    ['0.5', '500m'],
    ['1000m', '1'],
    ['8Ki', '8Ki'],
  ])('serializeQuantity(%s) is %s: ParseQuantity keeps already-canonical input', (text, stored) => {
    expect(serializeQuantity(q(text))).toBe(stored);
  });
});

describe('formatting', () => {
  it.each([
    ['250m', '0.25 CPU (250 millicores)'],
    ['2', '2 CPUs'],
    ['1', '1 CPU'],
    ['0', '0 CPUs'],
    ['1500m', '1.5 CPUs (1,500 millicores)'],
    ['1m', '0.001 CPU (1 millicore)'],
    ['0.1m', '0.0001 CPU (0.1 millicores; the API server rounds it up to 1m)'],
    ['1000', '1,000 CPUs'],
  ])('formatCpu(%s) is %s', (text, out) => {
    expect(formatCpu(q(text))).toBe(out);
  });

  it.each([
    ['64Mi', '64 MiB = 67,108,864 bytes'],
    ['1G', '1 GB = 1,000,000,000 bytes (≈ 953.7 MiB)'],
    ['1.5Gi', '1.5 GiB = 1,610,612,736 bytes'],
    ['128974848', '128,974,848 bytes (= 123 MiB)'],
    ['2k', '2 kB = 2,000 bytes (≈ 2 KiB)'],
    ['1e9', '1,000,000,000 bytes (≈ 953.7 MiB)'],
    ['500', '500 bytes'],
    ['1', '1 byte'],
    ['1500m', '1.5 bytes ("m" means milli, 1/1000; did you mean "1500M" or "1500Mi"?)'],
    ['9Ei', '≈ 8 EiB = 9,223,372,036,854,775,807 bytes'],
  ])('formatBytes(%s) is %s', (text, out) => {
    expect(formatBytes(q(text))).toBe(out);
  });

  it.each([
    ['cpu', '500m', '0.5 CPU (500 millicores)'],
    ['memory', '1Gi', '1 GiB = 1,073,741,824 bytes'],
    ['ephemeral-storage', '2G', '2 GB = 2,000,000,000 bytes (≈ 1.9 GiB)'],
    ['hugepages-2Mi', '4Mi', '4 MiB = 4,194,304 bytes'],
    ['requests.memory', '512Mi', '512 MiB = 536,870,912 bytes'],
    ['nvidia.com/gpu', '2', '2'],
    ['pods', '1k', '1,000'],
  ])('formatQuantity(%s, %s) is %s', (resource, text, out) => {
    expect(formatQuantity(resource, q(text))).toBe(out);
  });
});
