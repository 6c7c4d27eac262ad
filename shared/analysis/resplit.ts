/**
 * The segments of a file after one ranged edit, computed from the segments before it: only the segments the edit
 * touches (and their neighbours, whose markers it may create or remove) are split again, so a one-character edit
 * in a 1,000-document file costs neither a full scan nor a flattened copy of its text.
 */
import type { Position } from '../util/range';
import { countNewlines, type Segment, splitSegments } from '../yaml/split';
import { indexAtLine } from './slots';
import type { TextChange } from './textChange';

const lineOf = (s: Segment) => s.line;

/** Offset of a position inside a segment's text, or undefined when the line is not in it. */
function offsetIn(segment: Segment, pos: Position): number | undefined {
  let offset = 0;
  for (let line = segment.line; line < pos.line; line++) {
    const next = segment.text.indexOf('\n', offset);
    if (next === -1) return undefined;
    offset = next + 1;
  }
  const lineEnd = segment.text.indexOf('\n', offset);
  return Math.min(offset + pos.character, lineEnd === -1 ? segment.text.length : lineEnd);
}

/**
 * The segments after one ranged change to the text they were cut from: only the segments the change
 * touches (and their neighbours, whose markers it may create or remove) are split again, from their own texts
 * with the change applied; the others keep their text and move by the change's line delta. `head` segments at the
 * start are the same objects as before and `tail` at the end have the same texts (the same objects when no line
 * moved). Undefined when the change does not map cleanly onto the segments (the caller splits the whole text then).
 */
export function resplit(
  segments: readonly Segment[],
  change: Required<TextChange>,
): { segments: Segment[]; head: number; tail: number } | undefined {
  const startIndex = indexAtLine(segments, change.range.start.line, lineOf);
  const endIndex = indexAtLine(segments, change.range.end.line, lineOf);
  const a = Math.max(0, startIndex - 1);
  const b = Math.min(segments.length - 1, endIndex + 1);
  const first = segments[a];
  const startSegment = segments[startIndex];
  const endSegment = segments[endIndex];
  if (!first || !startSegment || !endSegment) return undefined;
  const startIn = offsetIn(startSegment, change.range.start);
  const endIn = offsetIn(endSegment, change.range.end);
  if (startIn === undefined || endIn === undefined) return undefined;
  const region = segments.slice(a, b + 1).map((s) => s.text);
  // Offsets within the region: where the edited segments start in it.
  const lengthBefore = (k: number) => region.slice(0, k).reduce((n, t) => n + t.length, 0);
  const start = lengthBefore(startIndex - a) + startIn;
  const end = lengthBefore(endIndex - a) + endIn;
  if (end < start) return undefined;
  const oldRegion = region.join('');
  const regionText = oldRegion.slice(0, start) + change.text + oldRegion.slice(end);
  const lineDelta = countNewlines(change.text) - countNewlines(oldRegion.slice(start, end));
  const middle = splitSegments(regionText).map((seg) => ({ text: seg.text, line: seg.line + first.line }));
  // A region that does not start the file must start with its own marker, or it would merge with the one above.
  if (a > 0 && !middle[0]?.text.startsWith('---')) return undefined;
  const after = segments.slice(b + 1);
  // Typing within a line moves no segment: those after the edit stay the same objects.
  const moved = lineDelta === 0 ? after : after.map((s) => ({ text: s.text, line: s.line + lineDelta }));
  return { segments: segments.slice(0, a).concat(middle, moved), head: a, tail: after.length };
}
