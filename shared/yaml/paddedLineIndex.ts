/**
 * The line index of a segment parsed after ./recover padded some of its lines: node offsets are in the padded
 * text, positions are in the file as the user wrote it.
 */
import type { Position } from '../util/range';
import { LineIndex } from './lineIndex';
import type { PaddingMap } from './recover';

export class PaddedLineIndex extends LineIndex {
  constructor(
    paddedText: string,
    private readonly original: LineIndex,
    private readonly map: PaddingMap,
  ) {
    super(paddedText, original.baseLine);
  }

  override positionAt(offset: number): Position {
    return this.original.positionAt(this.map.toOriginal(offset));
  }

  override offsetAt(pos: Position): number {
    return this.map.toPadded(this.original.offsetAt(pos));
  }

  override lineText(fileLine: number): string {
    return this.original.lineText(fileLine);
  }
}
