/**
 * Writes rendered objects as block YAML (documents separated by `---`) and records, for every key and value
 * written, its range in the output and its origin, so a finding on the output can be moved to its source.
 */
import { parse } from 'yaml';
import { comparePositions, type Range } from '../../util/range';
import type { Origin, RNode } from './tree';

export interface SpanRecord {
  /** Range in the rendered text. */
  range: Range;
  origin: Origin;
}

export interface Emitted {
  text: string;
  spans: SpanRecord[];
}

const PLAIN = /^[A-Za-z0-9_./][A-Za-z0-9_./@:+=-]*$/;

/** A scalar's YAML text: plain when it reads back as the same value, double-quoted (JSON) otherwise. */
export function scalarText(value: string | number | boolean | null): string {
  if (value === null) return 'null';
  if (typeof value !== 'string') return String(value);
  if (PLAIN.test(value) && !value.endsWith(':')) {
    try {
      if (parse(value) === value) return value;
    } catch {
      // not plain-safe: quoted below
    }
  }
  return JSON.stringify(value);
}

class Writer {
  private lines: string[] = [''];
  readonly spans: SpanRecord[] = [];

  get line(): number {
    return this.lines.length - 1;
  }
  get column(): number {
    return (this.lines[this.line] as string).length;
  }
  write(text: string, origin?: Origin): void {
    const start = { line: this.line, character: this.column };
    this.lines[this.line] += text;
    if (origin) this.spans.push({ range: { start, end: { line: this.line, character: this.column } }, origin });
  }
  newline(): void {
    this.lines.push('');
  }
  /** Records a span from `start` to the end of what has been written, for a whole map or list. */
  span(start: { line: number; character: number }, origin: Origin): void {
    this.spans.push({ range: { start, end: { line: this.line, character: this.column } }, origin });
  }
  text(): string {
    return this.lines.join('\n');
  }
}

function isEmpty(node: RNode): boolean {
  return node.kind !== 'scalar' && (node.kind === 'map' ? node.entries.length === 0 : node.items.length === 0);
}

/** Writes a value that follows `key:` or `- `: inline when scalar or empty, else on the next lines at `indent`. */
function value(w: Writer, node: RNode, indent: number, afterDash: boolean): void {
  if (node.kind === 'scalar' || isEmpty(node)) {
    const text = node.kind === 'scalar' ? scalarText(node.value) : node.kind === 'map' ? '{}' : '[]';
    w.write(afterDash ? text : ` ${text}`, node.origin);
    return;
  }
  if (!afterDash) w.newline();
  block(w, node, indent, afterDash);
}

/** A non-empty map or list at `indent`; `inline` when its first line continues a `- `. */
function block(w: Writer, node: RNode, indent: number, inline: boolean): void {
  const pad = ' '.repeat(indent);
  const start = { line: w.line, character: inline ? w.column : indent };
  if (node.kind === 'map') {
    node.entries.forEach((entry, i) => {
      if (i > 0 || !inline) {
        if (i > 0) w.newline();
        w.write(pad);
      }
      w.write(scalarText(entry.key), entry.keyOrigin);
      w.write(':');
      // A list under a key is written at the key's indentation, as kubectl and kustomize print it.
      value(w, entry.value, entry.value.kind === 'seq' ? indent : indent + 2, false);
    });
  } else if (node.kind === 'seq') {
    node.items.forEach((item, i) => {
      if (i > 0 || !inline) {
        if (i > 0) w.newline();
        w.write(pad);
      }
      w.write('- ');
      value(w, item, indent + 2, true);
    });
  }
  w.span(start, node.origin);
}

/** The objects as one multi-document YAML text, with the spans of everything written. */
export function emitObjects(objects: readonly RNode[]): Emitted {
  const w = new Writer();
  objects.forEach((object, i) => {
    if (i > 0) {
      w.newline();
      w.write('---');
      w.newline();
    }
    if (isEmpty(object) || object.kind === 'scalar') value(w, object, 0, true);
    else block(w, object, 0, false);
  });
  w.newline();
  return { text: w.text(), spans: w.spans };
}

function contains(outer: Range, inner: Range): boolean {
  return comparePositions(outer.start, inner.start) <= 0 && comparePositions(inner.end, outer.end) <= 0;
}

function size(r: Range): number {
  return (r.end.line - r.start.line) * 100_000 + (r.end.character - r.start.character);
}

/**
 * A lookup of the origin of any range of the rendered text: the smallest written key or value that holds it (a
 * finding on a value set by a patch lands on the patch's value), or else the smallest one holding its start.
 * Spans are filed under every line they cover, so a lookup reads only the spans of one line.
 */
export function originIndex(spans: readonly SpanRecord[]): (range: Range) => Origin | undefined {
  const byLine = new Map<number, SpanRecord[]>();
  for (const s of spans) {
    for (let line = s.range.start.line; line <= s.range.end.line; line++) {
      const list = byLine.get(line);
      if (list) list.push(s);
      else byLine.set(line, [s]);
    }
  }
  const smallest = (candidates: readonly SpanRecord[], inner: Range) => {
    let best: SpanRecord | undefined;
    for (const s of candidates) {
      if (contains(s.range, inner) && (!best || size(s.range) < size(best.range))) best = s;
    }
    return best;
  };
  return (range) => {
    const candidates = byLine.get(range.start.line) ?? [];
    return (smallest(candidates, range) ?? smallest(candidates, { start: range.start, end: range.start }))?.origin;
  };
}

/** The origin of one range (see originIndex, which answers many lookups faster). */
export function originAt(spans: readonly SpanRecord[], range: Range): Origin | undefined {
  return originIndex(spans)(range);
}
