/** Positions and ranges in the LSP convention: 0-based lines, UTF-16 code-unit characters. */

export interface Position {
  line: number;
  character: number;
}

export interface Range {
  start: Position;
  end: Position;
}

export type Severity = 'error' | 'warning' | 'info' | 'hint';

/** A dotted/indexed path inside one YAML document, e.g. ['spec', 'containers', 0, 'image']. */
export type FieldPath = readonly (string | number)[];

/** Formats a path the way the API server prints field errors: `spec.containers[0].image`. */
export function formatPath(path: FieldPath): string {
  let out = '';
  for (const seg of path) {
    if (typeof seg === 'number') out += `[${seg}]`;
    else if (/^[A-Za-z_$][\w$-]*$/.test(seg)) out += out ? `.${seg}` : seg;
    else out += `[${seg}]`;
  }
  return out;
}

export function containsPosition(range: Range, pos: Position): boolean {
  if (pos.line < range.start.line || pos.line > range.end.line) return false;
  if (pos.line === range.start.line && pos.character < range.start.character) return false;
  if (pos.line === range.end.line && pos.character > range.end.character) return false;
  return true;
}

export function comparePositions(a: Position, b: Position): number {
  return a.line - b.line || a.character - b.character;
}

/** The range moved down by `delta` lines (up when negative); the same object when it does not move. */
export function shiftRange(r: Range, delta: number): Range {
  if (delta === 0) return r;
  return {
    start: { line: r.start.line + delta, character: r.start.character },
    end: { line: r.end.line + delta, character: r.end.character },
  };
}
