/**
 * Random damage to a manifest, the way real files get damaged: lines deleted, duplicated or re-indented, bytes
 * flipped, tabs and template markers typed, the file cut anywhere, line endings converted, a BOM, NULs,
 * non-BMP characters, and hostile fragments (alias bombs, deep nesting, long lines) spliced in.
 */
import fc from 'fast-check';
import { FRAGMENTS } from './hostile';

/** Where an operation applies, as a fraction of the text or of its lines (so it fits any length). */
const at = fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true });

const TOKENS = [
  '\t',
  '{{ .Values.image }}',
  '{{',
  '}}',
  '\u0000',
  '\uFEFF',
  '😀',
  '𝔘',
  '\ud83d',
  '\r\n',
  '\n',
  ': ',
  '- ',
  '---',
  '...',
  '&a ',
  '*a',
  '"',
  "'",
  '# ',
  '[',
  '{',
  '}',
  ']',
  '|',
  '>',
  '? ',
  '!!str ',
  '!!int ',
  '%',
  '@',
  '`',
  ',',
  '  ',
  'é',
];

export type Mutation =
  | { op: 'deleteLine' | 'duplicateLine'; at: number }
  | { op: 'indentLine'; at: number; by: number }
  | { op: 'flipBit'; at: number; bit: number }
  | { op: 'insert'; at: number; token: string }
  | { op: 'cut'; at: number }
  | { op: 'splice'; at: number; fragment: number }
  | { op: 'crlf' | 'bom' | 'nulls' };

export const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  { weight: 3, arbitrary: fc.record({ op: fc.constantFrom('deleteLine', 'duplicateLine'), at }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('indentLine'), at, by: fc.integer({ min: -4, max: 4 }) }) },
  { weight: 3, arbitrary: fc.record({ op: fc.constant('flipBit'), at, bit: fc.integer({ min: 0, max: 15 }) }) },
  { weight: 4, arbitrary: fc.record({ op: fc.constant('insert'), at, token: fc.constantFrom(...TOKENS) }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('cut'), at }) },
  {
    weight: 1,
    arbitrary: fc.record({ op: fc.constant('splice'), at, fragment: fc.nat({ max: FRAGMENTS.length - 1 }) }),
  },
  { weight: 1, arbitrary: fc.record({ op: fc.constantFrom('crlf', 'bom', 'nulls') }) },
);

function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

function lineSpan(text: string, fraction: number): [number, number] {
  const starts = lineStarts(text);
  const i = Math.floor(fraction * starts.length);
  const start = starts[i] ?? 0;
  const next = starts[i + 1];
  return [start, next ?? text.length];
}

export function applyMutation(text: string, m: Mutation): string {
  const offset = 'at' in m ? Math.floor(m.at * (text.length + 1)) : 0;
  switch (m.op) {
    case 'deleteLine': {
      const [a, b] = lineSpan(text, m.at);
      return text.slice(0, a) + text.slice(b);
    }
    case 'duplicateLine': {
      const [a, b] = lineSpan(text, m.at);
      const line = text.slice(a, b);
      return text.slice(0, b) + (line.endsWith('\n') ? line : `\n${line}`) + text.slice(b);
    }
    case 'indentLine': {
      const [a] = lineSpan(text, m.at);
      if (m.by >= 0) return text.slice(0, a) + ' '.repeat(m.by) + text.slice(a);
      let b = a;
      while (b < a - m.by && text[b] === ' ') b++;
      return text.slice(0, a) + text.slice(b);
    }
    case 'flipBit': {
      if (text.length === 0) return text;
      const i = Math.min(offset, text.length - 1);
      return text.slice(0, i) + String.fromCharCode(text.charCodeAt(i) ^ (1 << m.bit)) + text.slice(i + 1);
    }
    case 'insert':
      return text.slice(0, offset) + m.token + text.slice(offset);
    case 'cut':
      return text.slice(0, offset);
    case 'splice': {
      const [a] = lineSpan(text, m.at);
      return text.slice(0, a) + (FRAGMENTS[m.fragment] ?? '') + text.slice(a);
    }
    case 'crlf':
      return text.replace(/\r?\n/g, '\r\n');
    case 'bom':
      return `\uFEFF${text}`;
    case 'nulls':
      return text.replace(/ /g, (s, i: number) => (i % 7 === 0 ? '\u0000' : s));
  }
}

export const mutations = fc.array(mutation, { minLength: 0, maxLength: 6 });

export function applyMutations(text: string, ms: readonly Mutation[]): string {
  return ms.reduce(applyMutation, text);
}
