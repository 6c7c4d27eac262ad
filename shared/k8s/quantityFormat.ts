/**
 * Human renderings of quantities for hovers and reports: cores with millicores, bytes with the unit as
 * written plus the exact byte count. All arithmetic is exact; only the "≈" approximations round.
 */
import { compareDecimals, type Decimal, divideToText, roundUpToScale, toPlainString } from './decimal';
import { canonicalQuantity } from './quantityCanonical';
import { BINARY_SUFFIXES, DECIMAL_SUFFIXES, scanQuantity } from './quantityScan';
import type { Quantity } from './quantityValue';

const IEC_UNITS = ['KiB', 'MiB', 'GiB', 'TiB', 'PiB', 'EiB'];
const BYTE_RESOURCES = new Set(['memory', 'ephemeral-storage', 'storage']);
const ONE: Decimal = { n: 1n, scale: 0 };
/** Fraction digits shown for a value in the written unit before switching to "≈". */
const UNIT_DIGITS = 6;

const abs = (d: Decimal): Decimal => ({ n: d.n < 0n ? -d.n : d.n, scale: d.scale });

/**
 * A CPU quantity in cores, with millicores for fractions.
 * @example
 *   formatCpu(q) // '0.25 CPU (250 millicores)' for the parsed `250m`
 *   formatCpu(q) // '2 CPUs' for the parsed `2`
 */
export function formatCpu(q: Quantity): string {
  const size = compareDecimals(abs(q), ONE);
  const unit = q.n !== 0n && size <= 0 ? 'CPU' : 'CPUs';
  const cores = `${toPlainString(q, true)} ${unit}`;
  if (q.scale <= 0) return cores;
  const millis: Decimal = { n: q.n, scale: q.scale - 3 };
  const text = toPlainString(millis, true);
  const word = text === '1' || text === '-1' ? 'millicore' : 'millicores';
  if (millis.scale <= 0) return `${cores} (${text} ${word})`;
  // SetDefaults_ResourceList rounds container resources up to whole millis before they are stored.
  const stored = canonicalQuantity({ ...roundUpToScale(q, 3), format: 'DecimalSI', text: '' });
  return `${cores} (${text} ${word}; the API server rounds it up to ${stored})`;
}

function inUnit(q: Quantity, unit: bigint): string {
  const r = divideToText(q, unit, UNIT_DIGITS);
  if (!r) return toPlainString(q);
  return r.exact ? r.text : `≈ ${r.text}`;
}

/** ` (= 128 MiB)` or ` (≈ 953.7 MiB)` for values of at least 1 KiB. */
function iecApproximation(q: Quantity): string {
  let power = 0;
  while (power < IEC_UNITS.length && compareDecimals(abs(q), { n: 1n << BigInt(10 * (power + 1)), scale: 0 }) >= 0) {
    power++;
  }
  if (power === 0) return '';
  const r = divideToText(q, 1n << BigInt(10 * power), 1);
  return r ? ` (${r.exact ? '=' : '≈'} ${r.text} ${IEC_UNITS[power - 1]})` : '';
}

/**
 * A byte quantity: the value in the unit as written (IEC for Ki…Ei, SI for k…E), the exact byte count,
 * and for SI or unsuffixed values the nearest IEC size.
 * @example
 *   formatBytes(q) // '64 MiB = 67,108,864 bytes' for the parsed `64Mi`
 *   formatBytes(q) // '1 GB = 1,000,000,000 bytes (≈ 953.7 MiB)' for the parsed `1G`
 */
export function formatBytes(q: Quantity): string {
  const plain = toPlainString(q, true);
  const exact = `${plain} ${plain === '1' ? 'byte' : 'bytes'}`;
  const scanned = scanQuantity(q.text);
  const suffix = scanned?.suffix ?? '';
  const binary = BINARY_SUFFIXES.get(suffix);
  if (binary !== undefined) return `${inUnit(q, 1n << BigInt(binary))} ${suffix}B = ${exact}`;
  const decimal = DECIMAL_SUFFIXES.get(suffix) ?? 0;
  if (decimal > 0) return `${inUnit(q, 10n ** BigInt(decimal))} ${suffix}B = ${exact}${iecApproximation(q)}`;
  if (suffix === 'm' && q.scale > 0 && scanned) {
    const number = q.text.slice(0, -1);
    return `${exact} ("m" means milli, 1/1000; did you mean "${number}M" or "${number}Mi"?)`;
  }
  return exact + iecApproximation(q);
}

/**
 * Picks the rendering by resource name: cpu in cores; memory, ephemeral-storage, storage and hugepages-*
 * in bytes; anything else (extended resources such as nvidia.com/gpu) as a plain number. A `requests.` or
 * `limits.` prefix (ResourceQuota style) is ignored.
 * @example formatQuantity('memory', q) // '1 GiB = 1,073,741,824 bytes' for the parsed `1Gi`
 */
export function formatQuantity(resource: string, q: Quantity): string {
  const name = resource.replace(/^(requests|limits)\./, '');
  if (name === 'cpu') return formatCpu(q);
  if (BYTE_RESOURCES.has(name) || name.startsWith('hugepages-')) return formatBytes(q);
  return toPlainString(q, true);
}
