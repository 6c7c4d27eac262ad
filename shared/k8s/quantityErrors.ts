/**
 * Human explanations for quantity strings the API server rejects at decode time. Only called on text
 * that failed to parse; each message names the offending part and, when the intent is clear, the fix.
 */
import { interpretSuffix, scanQuantity } from './quantityScan';

const POWERS: Record<string, string> = { K: '3', M: '6', G: '9', T: '12', P: '15', E: '18' };
const BINARY_POWERS: Record<string, string> = { K: '10', M: '20', G: '30', T: '40', P: '50', E: '60' };
const ALL_SUFFIXES =
  'use n, u, m, k, M, G, T, P, E (powers of 10), Ki, Mi, Gi, Ti, Pi, Ei (powers of 2) or an exponent such as e3';
const EXAMPLES = 'e.g. 100m, 0.5, 2, 128Mi, 1G or 1e3';

const isValid = (text: string) => {
  const s = scanQuantity(text);
  return s !== undefined && typeof interpretSuffix(s.suffix) !== 'string';
};

/** Suffixes people write for bytes or with the wrong case: `GB`, `gb`, `Kb`, `mi`, `K`, `GIB`. */
function suffixAdvice(quoted: string, number: string, suffix: string): string | undefined {
  const m = /^([kmgtpe])(i?)(b?)$/i.exec(suffix);
  if (!m) return undefined;
  const letter = (m[1] as string).toUpperCase();
  const binary = `${letter}i`;
  const decimal = letter === 'K' ? 'k' : letter;
  const wantsBinary = m[2] !== '';
  const candidates = wantsBinary ? [binary] : [decimal, binary];
  const corePart = suffix.slice(0, suffix.length - (m[3] as string).length);
  const caseOnly = candidates.some((c) => c.toLowerCase() === corePart.toLowerCase() && c !== corePart);
  if (caseOnly) {
    const options = candidates.map((c) => JSON.stringify(number + c)).join(' or ');
    return `${quoted}: suffixes are case-sensitive: did you mean ${options}?`;
  }
  const explain = (c: string) =>
    c.endsWith('i') ? `${c} (2^${BINARY_POWERS[letter]})` : `${c} (10^${POWERS[letter]})`;
  return `${quoted}: unknown suffix ${JSON.stringify(suffix)}; use ${candidates.map(explain).join(' or ')}`;
}

/**
 * Explains why `text` (already trimmed) is not a quantity; `kind` says how ParseQuantity failed when
 * the scanner itself accepted it.
 * @example quantityError('10gb') // '"10gb": suffixes are case-sensitive: did you mean "10G" or "10Gi"?'
 */
export function quantityError(text: string, kind?: 'unknown' | 'range'): string {
  const quoted = JSON.stringify(text);
  if (text === '') return `${quoted}: a quantity cannot be empty; write a number with an optional suffix, ${EXAMPLES}`;
  if (/\s/u.test(text)) {
    const compact = text.replace(/\s+/gu, '');
    const hint = isValid(compact) ? `; did you mean ${JSON.stringify(compact)}?` : '';
    return `${quoted}: a quantity cannot contain spaces${hint}`;
  }
  if (kind === 'range') return `${quoted}: the exponent is out of range (it must fit in 32 bits)`;
  const [, number = '', rest = ''] = /^([+-]?[0-9]*(?:\.[0-9]*)?)(.*)$/s.exec(text) ?? [];
  if (!/[0-9.]/.test(number))
    return `${quoted}: not a number; a quantity is a number with an optional suffix, ${EXAMPLES}`;
  if (rest.startsWith('.')) return `${quoted}: a number has at most one decimal point`;
  if (/^[_,]/.test(rest)) return `${quoted}: digit separators (_ or ,) are not allowed`;
  if (/^[+-]/.test(rest)) return `${quoted}: a sign (+ or -) may only start the number or follow an exponent (1e-3)`;
  if (/^[eE][+-]?$/.test(rest)) return `${quoted}: the exponent ${JSON.stringify(rest)} has no digits; write e.g. 1e3`;
  const afterExponent = /^[eE][+-]?[0-9]+(.+)$/.exec(rest);
  if (afterExponent)
    return `${quoted}: nothing may follow the exponent digits (found ${JSON.stringify(afterExponent[1])})`;
  if (rest === 'i') return `${quoted}: unknown suffix "i"; binary suffixes are Ki, Mi, Gi, Ti, Pi and Ei`;
  return suffixAdvice(quoted, number, rest) ?? `${quoted}: unknown suffix ${JSON.stringify(rest)}; ${ALL_SUFFIXES}`;
}
