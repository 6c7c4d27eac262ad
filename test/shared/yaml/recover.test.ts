// Padding under-indented continuation lines: the padded text, and offsets mapped both ways.
import { describe, expect, it } from 'vitest';
import { PaddingMap, recoverIndentation } from '../../../shared/yaml/recover';

describe('recoverIndentation', () => {
  it('pads the continuation lines of a quoted scalar past its key, and maps offsets back', () => {
    const text = "a:\n  b: 'x\n y\n'\nc: 1\n";
    const fix = recoverIndentation(text);
    expect(fix?.text).toBe("a:\n  b: 'x\n   y\n   '\nc: 1\n");
    expect(fix?.paddings).toEqual([
      { lineStart: 11, spaces: 2 },
      { lineStart: 14, spaces: 3 },
    ]);
    const map = new PaddingMap(fix?.paddings ?? []);
    // `y` moves from 12 to 14; the added spaces map to their line's start; later text shifts by 5.
    expect(map.toPadded(12)).toBe(14);
    expect(map.toOriginal(14)).toBe(12);
    expect(map.toOriginal(11)).toBe(11);
    expect(map.toOriginal(fix?.text.indexOf('c: 1') ?? -1)).toBe(text.indexOf('c: 1'));
    expect(map.toPadded(text.indexOf('c: 1'))).toBe(fix?.text.indexOf('c: 1'));
    expect(fix?.sites).toEqual([12]);
  });

  it('leaves well-indented text alone and never hangs on unterminated input', () => {
    expect(recoverIndentation("a:\n  b: 'x\n    y'\n")).toBeUndefined();
    expect(recoverIndentation(`a: '${'x\n'.repeat(10_000)}`)).toBeUndefined();
    expect(recoverIndentation(`a: ${'['.repeat(5_000)}\n`)).toBeUndefined();
  });
});
