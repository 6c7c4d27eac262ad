/**
 * Reads under-indented continuation lines as kubectl does. kubectl parses YAML with go-yaml v2 (a port of
 * libyaml), which ignores indentation inside quoted scalars and flow collections: a multi-line annotation whose
 * closing quote sits at column 0, or `args: [a,` continued on a line left of its key, is read fine. The `yaml`
 * package follows YAML 1.2 and rejects both. This module finds such constructs with the `yaml` Lexer, pads their
 * continuation lines (leading spaces there are folded away, so the value does not change) and keeps the map
 * back to the original offsets, so the caller can re-parse and still report exact ranges.
 */
import { CST, Lexer } from 'yaml';

/** Spaces added before one line of the original text. */
export interface Padding {
  /** Original offset of the line's first character. */
  lineStart: number;
  spaces: number;
}

export interface Recovered {
  /** The original text with every padding applied. */
  text: string;
  paddings: Padding[];
  /** Original offsets of the first under-indented character of each construct, for the warnings. */
  sites: number[];
}

/** Lexer tokens that stand for no source text. */
const ZERO_WIDTH = new Set(['\x02', '\x18', '\x1f']);

/** Constructs fixed one at a time, each followed by a fresh lex: a bound on work for badly broken input. */
const MAX_ROUNDS = 16;

function isBreak(c: string | undefined): boolean {
  return c === '\n' || c === '\r';
}

/** A `---` or `...` line ends every scalar and collection, in go-yaml as in YAML 1.2. */
function isDocumentMarker(text: string, lineStart: number): boolean {
  const m = text.slice(lineStart, lineStart + 3);
  if (m !== '---' && m !== '...') return false;
  const next = text[lineStart + 3];
  return next === undefined || next === ' ' || next === '\t' || isBreak(next);
}

/** End offset (after the closing quote) of the quoted scalar opening at `start`, or undefined if unterminated. */
function quotedEnd(text: string, start: number): number | undefined {
  const quote = text[start];
  for (let i = start + 1; i < text.length; i++) {
    const c = text[i];
    if (c === '\n' && isDocumentMarker(text, i + 1)) return undefined;
    if (quote === '"' && c === '\\') i++;
    else if (c === quote) {
      if (quote === "'" && text[i + 1] === "'") i++;
      else return i + 1;
    }
  }
  return undefined;
}

/** End offset (after the matching bracket) of the flow collection opening at `start`, or undefined. */
function flowEnd(text: string, start: number): number | undefined {
  let depth = 0;
  for (let i = start; i < text.length; i++) {
    const c = text[i] as string;
    const prev = text[i - 1];
    const afterSpace = prev === ' ' || prev === '\t' || isBreak(prev);
    if (c === '\n' && isDocumentMarker(text, i + 1)) return undefined;
    if (c === '[' || c === '{') depth++;
    else if (c === ']' || c === '}') {
      depth--;
      if (depth === 0) return i + 1;
    } else if ((c === '"' || c === "'") && (afterSpace || '[{,:'.includes(prev ?? ''))) {
      const end = quotedEnd(text, i);
      if (end === undefined) return undefined;
      i = end - 1;
    } else if (c === '#' && afterSpace) {
      while (i + 1 < text.length && !isBreak(text[i + 1])) i++;
    }
  }
  return undefined;
}

function lineStartOf(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

function indentAt(text: string, lineStart: number): number {
  let i = lineStart;
  while (text[i] === ' ') i++;
  return i - lineStart;
}

/**
 * The column continuation lines must pass: the column of the key the construct is the value of, or of the `-`
 * of the sequence entry it is; undefined for a construct that is itself a key or the document's root.
 */
function blockIndent(text: string, lineStart: number, at: number): number | undefined {
  let i = lineStart + indentAt(text, lineStart);
  let dash: number | undefined;
  while (text[i] === '-' && (text[i + 1] === ' ' || text[i + 1] === '\t')) {
    dash = i - lineStart;
    i++;
    while (text[i] === ' ' || text[i] === '\t') i++;
  }
  if (i === at) return dash;
  return i - lineStart;
}

interface Construct {
  start: number;
  end: number;
}

/** The first construct at or after `from` that the lexer cut short or that spans lines; undefined when none. */
function nextConstruct(text: string, from: number): Construct | undefined {
  let offset = 0;
  let flowDepth = 0;
  for (const token of new Lexer().lex(text)) {
    const start = offset;
    if (!ZERO_WIDTH.has(token)) offset += token.length;
    const type = CST.tokenType(token);
    if (type === 'flow-seq-start' || type === 'flow-map-start') flowDepth++;
    if (type === 'flow-seq-end' || type === 'flow-map-end') flowDepth = Math.max(0, flowDepth - 1);
    if (start < from || (flowDepth > 1 && type !== 'single-quoted-scalar' && type !== 'double-quoted-scalar')) continue;
    if (type === 'single-quoted-scalar' || type === 'double-quoted-scalar') {
      if (flowDepth > 0) continue;
      const end = quotedEnd(text, start);
      if (end !== undefined && end !== offset) return { start, end };
    } else if (type === 'flow-seq-start' || type === 'flow-map-start') {
      if (flowDepth !== 1) continue;
      const end = flowEnd(text, start);
      if (end !== undefined && text.slice(start, end).includes('\n')) return { start, end };
    }
  }
  return undefined;
}

/** Maps offsets of the padded text to the original and back, in O(log n) per offset (every node range uses it). */
export class PaddingMap {
  /** Padded-text offset of each padding's first added space, and the spaces added before it. */
  private readonly paddedStarts: number[] = [];
  private readonly shiftBefore: number[] = [];
  private readonly originalStarts: number[];

  constructor(private readonly paddings: readonly Padding[]) {
    this.originalStarts = paddings.map((p) => p.lineStart);
    let shift = 0;
    for (const p of paddings) {
      this.paddedStarts.push(p.lineStart + shift);
      this.shiftBefore.push(shift);
      shift += p.spaces;
    }
  }

  /** Index of the last element of a sorted list at or below `value`, or -1. */
  private static lastAtOrBelow(list: readonly number[], value: number): number {
    let lo = 0;
    let hi = list.length - 1;
    let found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if ((list[mid] as number) <= value) {
        found = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return found;
  }

  /** Original offset of a padded-text offset; inside added spaces, the line's start. */
  toOriginal(offset: number): number {
    const i = PaddingMap.lastAtOrBelow(this.paddedStarts, offset);
    if (i === -1) return offset;
    const p = this.paddings[i] as Padding;
    const start = this.paddedStarts[i] as number;
    if (offset < start + p.spaces) return p.lineStart;
    return offset - (this.shiftBefore[i] as number) - p.spaces;
  }

  /** Padded-text offset of an original offset (a line's start maps past its added spaces). */
  toPadded(offset: number): number {
    const i = PaddingMap.lastAtOrBelow(this.originalStarts, offset);
    if (i === -1) return offset;
    return offset + (this.shiftBefore[i] as number) + (this.paddings[i] as Padding).spaces;
  }
}

function applyPaddings(text: string, paddings: readonly Padding[]): string {
  let out = '';
  let at = 0;
  for (const p of paddings) {
    out += text.slice(at, p.lineStart) + ' '.repeat(p.spaces);
    at = p.lineStart;
  }
  return out + text.slice(at);
}

/**
 * Pads the under-indented continuation lines of quoted scalars and flow collections, or returns undefined when
 * the text has none. The caller re-parses `text` and keeps the result only if it parses cleanly.
 * @example recoverIndentation("a:\n  b: 'x\n y'\n")?.text // "a:\n  b: 'x\n   y'\n"
 */
export function recoverIndentation(original: string): Recovered | undefined {
  const pads = new Map<number, number>();
  const sites: number[] = [];
  let from = 0;
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const paddings = sorted(pads);
    const map = new PaddingMap(paddings);
    const text = applyPaddings(original, paddings);
    const found = nextConstruct(text, from);
    if (!found) break;
    from = found.end;
    const lineStart = lineStartOf(text, found.start);
    const need = blockIndent(text, lineStart, found.start);
    if (need === undefined) continue;
    let site: number | undefined;
    for (let l = text.indexOf('\n', found.start) + 1; l > 0 && l < found.end; l = text.indexOf('\n', l) + 1) {
      const indent = indentAt(text, l);
      const blank = isBreak(text[l + indent]) || l + indent >= text.length;
      if (blank || indent > need) continue;
      const originalLine = map.toOriginal(l);
      pads.set(originalLine, (pads.get(originalLine) ?? 0) + need + 1 - indent);
      site ??= map.toOriginal(l + indent);
    }
    if (site !== undefined) {
      sites.push(site);
      // Padding shifts the construct's end; the next search starts after it in the padded text.
      from = new PaddingMap(sorted(pads)).toPadded(map.toOriginal(found.end));
    }
  }
  if (pads.size === 0) return undefined;
  const paddings = sorted(pads);
  return { text: applyPaddings(original, paddings), paddings, sites };
}

function sorted(pads: ReadonlyMap<number, number>): Padding[] {
  return [...pads].sort((a, b) => a[0] - b[0]).map(([lineStart, spaces]) => ({ lineStart, spaces }));
}
