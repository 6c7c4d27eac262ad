/**
 * LSP content changes applied to a plain string, with the position rules of vscode-languageserver-textdocument
 * (lines end at `\r\n`, `\r` or `\n`; a character past the end of its line stops before the line break), so the
 * host's text is the text the editor holds. Used only when a change cannot be mapped onto the segments.
 */
import type { Position } from '../util/range';

/** An LSP content change: a range in the previous text replaced by `text`, or the whole text. */
export interface TextChange {
  range?: { start: Position; end: Position };
  text: string;
}

const isEol = (code: number) => code === 13 || code === 10;

function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (!isEol(code)) continue;
    if (code === 13 && text.charCodeAt(i + 1) === 10) i++;
    starts.push(i + 1);
  }
  return starts;
}

function offsetAt(text: string, starts: readonly number[], pos: Position): number {
  if (pos.line >= starts.length) return text.length;
  if (pos.line < 0) return 0;
  const lineStart = starts[pos.line] as number;
  if (pos.character <= 0) return lineStart;
  const next = pos.line + 1 < starts.length ? (starts[pos.line + 1] as number) : text.length;
  let offset = Math.min(lineStart + pos.character, next);
  while (offset > lineStart && isEol(text.charCodeAt(offset - 1))) offset--;
  return offset;
}

function ordered(range: { start: Position; end: Position }): { start: Position; end: Position } {
  const { start, end } = range;
  return start.line > end.line || (start.line === end.line && start.character > end.character)
    ? { start: end, end: start }
    : range;
}

export function applyTextChange(text: string, change: TextChange): string {
  if (!change.range) return change.text;
  const starts = lineStarts(text);
  const { start, end } = ordered(change.range);
  return text.slice(0, offsetAt(text, starts, start)) + change.text + text.slice(offsetAt(text, starts, end));
}
