/**
 * Cuts a file into YAML segments at directives-end markers (`---` at column 0), so each document can be
 * parsed, cached and re-analysed on its own. YAML 1.2 (§9.1.2, c-forbidden) makes a `---` line at column 0
 * end any content, even inside block or quoted scalars, so this cut never changes what `yaml` parses; the
 * parsing itself is always done by the `yaml` package.
 */

export interface Segment {
  /** The segment's text, marker line included. */
  text: string;
  /**
   * File line of the segment's first line. No file offset: a keystroke moves every later segment's offset but
   * rarely its line, and a segment that keeps text and line stays the same object from version to version.
   */
  line: number;
}

function isMarkerAt(text: string, i: number): boolean {
  if (text.charCodeAt(i) !== 45 || text.charCodeAt(i + 1) !== 45 || text.charCodeAt(i + 2) !== 45) return false;
  const next = text.charCodeAt(i + 3);
  // end of text, space, tab, CR or LF
  return Number.isNaN(next) || next === 32 || next === 9 || next === 13 || next === 10;
}

/** True when a segment holds only blank lines, comments and directives (no document content yet). */
function isPreamble(text: string): boolean {
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#') || raw.startsWith('%')) continue;
    return false;
  }
  return true;
}

export function splitSegments(text: string): Segment[] {
  const starts: number[] = [0];
  for (let i = text.indexOf('\n---'); i !== -1; i = text.indexOf('\n---', i + 1)) {
    if (isMarkerAt(text, i + 1)) starts.push(i + 1);
  }
  const segments: Segment[] = [];
  let line = 0;
  let pendingStart = -1;
  let pendingLine = 0;
  for (let k = 0; k < starts.length; k++) {
    const start = starts[k] as number;
    const end = k + 1 < starts.length ? (starts[k + 1] as number) : text.length;
    const segText = text.slice(start, end);
    const segLine = line;
    line += countNewlines(segText);
    // A preamble (comments or directives before the first `---`) belongs to the document that follows it.
    if (pendingStart === -1 && k + 1 < starts.length && k === 0 && isPreamble(segText) && segText.length > 0) {
      pendingStart = start;
      pendingLine = segLine;
      continue;
    }
    if (pendingStart !== -1) {
      segments.push({ text: text.slice(pendingStart, end), line: pendingLine });
      pendingStart = -1;
    } else {
      segments.push({ text: segText, line: segLine });
    }
  }
  return segments;
}

export function countNewlines(s: string): number {
  let n = 0;
  for (let i = s.indexOf('\n'); i !== -1; i = s.indexOf('\n', i + 1)) n++;
  return n;
}
