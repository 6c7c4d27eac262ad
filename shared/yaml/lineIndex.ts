/** Offset <-> position conversion for one text, with a base line so a slice of a file keeps file positions. */
import type { Position } from '../util/range';

export class LineIndex {
  /** Offsets (relative to the slice) at which each line starts. */
  private readonly starts: number[];

  /**
   * @param text the slice of the file this index covers
   * @param baseLine file line of the slice's first line
   */
  constructor(
    readonly text: string,
    readonly baseLine = 0,
  ) {
    const starts = [0];
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
    this.starts = starts;
  }

  get lineCount(): number {
    return this.starts.length;
  }

  /** Position of a slice-relative offset (clamped into the slice). */
  positionAt(offset: number): Position {
    const o = Math.max(0, Math.min(offset, this.text.length));
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((this.starts[mid] as number) <= o) lo = mid;
      else hi = mid - 1;
    }
    // Between the CR and the LF of a CRLF is no position a client knows: its line ends before the CR.
    const beforeLf = o > 0 && this.text.charCodeAt(o) === 10 && this.text.charCodeAt(o - 1) === 13;
    return { line: this.baseLine + lo, character: o - (this.starts[lo] as number) - (beforeLf ? 1 : 0) };
  }

  /** Slice-relative offset of a file position (clamped into the slice). */
  offsetAt(pos: Position): number {
    const line = pos.line - this.baseLine;
    if (line < 0) return 0;
    if (line >= this.starts.length) return this.text.length;
    const start = this.starts[line] as number;
    const next = line + 1 < this.starts.length ? (this.starts[line + 1] as number) - 1 : this.text.length;
    return Math.min(start + Math.max(0, pos.character), next);
  }

  lineText(fileLine: number): string {
    const line = fileLine - this.baseLine;
    if (line < 0 || line >= this.starts.length) return '';
    const start = this.starts[line] as number;
    const end = line + 1 < this.starts.length ? (this.starts[line + 1] as number) - 1 : this.text.length;
    return this.text.slice(start, end).replace(/\r$/, '');
  }
}
