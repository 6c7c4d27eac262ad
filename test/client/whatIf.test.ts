// Issue 15: the CodeLens of a pod with what-if edits in the lifecycle panel says so. The store keeps the
// panel's reports per file and pod document; the titles come from it, and a change notifies exactly once.
import { describe, expect, it } from 'vitest';
import { WhatIfStore, whatIfCommand } from '../../client/src/whatIfStore';
import { PREVIEW_LIFECYCLE_COMMAND } from '../../shared/protocol/ids';

const URI = 'file:///work/pod.yaml';
const lens = (title: string, index = 0) => ({ title, command: PREVIEW_LIFECYCLE_COMMAND, arguments: [URI, index] });

function store() {
  const changes: string[] = [];
  return { store: new WhatIfStore((uri) => changes.push(uri)), changes };
}

describe('what-if CodeLens titles', () => {
  it('leave lenses alone without a what-if', () => {
    const { store: s } = store();
    const preview = lens('▶ Preview lifecycle');
    expect(whatIfCommand(s, preview)).toBe(preview);
    expect(whatIfCommand(s, undefined)).toBeUndefined();
  });

  it('mark the preview lens and replace the prediction with the panel headline', () => {
    const { store: s } = store();
    s.set(URI, 0, { changed: 2, headline: 'CrashLoopBackOff predicted for app' });
    expect(whatIfCommand(s, lens('▶ Preview lifecycle'))).toMatchObject({
      title: '▶ Preview lifecycle (with what-if)',
      tooltip: '2 assumptions changed in the panel',
    });
    expect(whatIfCommand(s, lens('Ready in ~2 s'))).toMatchObject({
      title: 'CrashLoopBackOff predicted for app (with what-if)',
      tooltip: 'Predicted with 2 assumptions changed in the lifecycle panel; without them: Ready in ~2 s',
      arguments: [URI, 0],
    });
    // Another pod document of the same file, and lenses of other commands, are not touched.
    expect(whatIfCommand(s, lens('Ready in ~2 s', 1))?.title).toBe('Ready in ~2 s');
    const other = { title: 'x', command: 'other', arguments: [URI, 0] };
    expect(whatIfCommand(s, other)).toBe(other);
  });

  it('notifies once per real change, and clears a file the panel left', () => {
    const { store: s, changes } = store();
    s.set(URI, 0, { changed: 1, headline: 'a' });
    s.set(URI, 0, { changed: 1, headline: 'a' });
    s.set(URI, 0, { changed: 0, headline: 'b' });
    s.set(URI, 0, { changed: 0, headline: 'b' });
    expect(changes).toEqual([URI, URI]);
    s.set(URI, 1, { changed: 3, headline: 'c' });
    s.clear(URI);
    s.clear(URI);
    expect(changes).toEqual([URI, URI, URI, URI]);
    expect(s.get(URI, 1)).toBeUndefined();
  });
});
