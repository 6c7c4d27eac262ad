// Segments are cut only at `---` lines at column 0, so each document can be re-parsed alone.
import { describe, expect, it } from 'vitest';
import { splitSegments } from '../../../shared/model';

describe('splitSegments', () => {
  it('cuts at directives-end markers and keeps file lines', () => {
    const text = 'a: 1\n---\nb: 2\n--- # c\nc: 3\n';
    const segs = splitSegments(text);
    expect(segs.map((s) => [s.line, s.text])).toEqual([
      [0, 'a: 1\n'],
      [1, '---\nb: 2\n'],
      [3, '--- # c\nc: 3\n'],
    ]);
    expect(segs.map((s) => s.text).join('')).toBe(text);
  });

  it('attaches a leading comment block to the first document', () => {
    const segs = splitSegments('# header\n---\na: 1\n');
    expect(segs).toHaveLength(1);
    expect(segs[0]?.text).toBe('# header\n---\na: 1\n');
  });

  it('does not cut at --- inside a line or followed by other text', () => {
    const segs = splitSegments('a: |\n  ---\nb: ---x\n---x: 1\n');
    expect(segs).toHaveLength(1);
  });
});
