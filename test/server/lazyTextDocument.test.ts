// The server's open documents apply edits when their text is first read: after any sequence of incremental and
// full-text changes, with reads anywhere in between, they must read exactly like the library's eager documents.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { TextDocumentContentChangeEvent } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { lazyTextDocuments } from '../../server/lazyTextDocument';

const text = fc.string({
  unit: fc.constantFrom('a', 'b', ' ', ':', '-', '\n', '\r\n', '\r', 'é', '😀'),
  maxLength: 40,
});

/** A change in a document's current coordinates; positions may be past the end (clients send such ranges). */
const change = fc.oneof(
  {
    weight: 5,
    arbitrary: fc.record({ line: fc.nat(8), character: fc.nat(12), lines: fc.nat(2), chars: fc.nat(6), text }),
  },
  { weight: 1, arbitrary: fc.record({ full: text }) },
);

const step = fc.record({ changes: fc.array(change, { minLength: 1, maxLength: 3 }), read: fc.boolean() });

function toEvent(c: typeof change extends fc.Arbitrary<infer T> ? T : never): TextDocumentContentChangeEvent {
  if ('full' in c) return { text: c.full };
  const start = { line: c.line, character: c.character };
  return { range: { start, end: { line: c.line + c.lines, character: c.chars } }, text: c.text };
}

describe('lazily updated documents', () => {
  it('read like eagerly updated ones after any edits, whenever they are read', () => {
    fc.assert(
      fc.property(text, fc.array(step, { maxLength: 12 }), (initial, steps) => {
        const eager = TextDocument.create('file:///a.yaml', 'yaml', 1, initial);
        const lazy = lazyTextDocuments.create('file:///a.yaml', 'yaml', 1, initial);
        steps.forEach(({ changes, read }, i) => {
          const events = changes.map(toEvent);
          TextDocument.update(eager, events, i + 2);
          lazyTextDocuments.update(lazy, events, i + 2);
          expect(lazy.version).toBe(i + 2);
          if (read) expect(lazy.getText()).toBe(eager.getText());
        });
        expect(lazy.getText()).toBe(eager.getText());
        expect(lazy.lineCount).toBe(eager.lineCount);
        for (let offset = 0; offset <= eager.getText().length + 1; offset++) {
          expect(lazy.positionAt(offset)).toEqual(eager.positionAt(offset));
        }
        for (let line = 0; line <= eager.lineCount; line++) {
          const pos = { line, character: 3 };
          expect(lazy.offsetAt(pos)).toBe(eager.offsetAt(pos));
          expect(lazy.getLineRange(line)).toEqual(eager.getLineRange(line));
          expect(lazy.getEOLCharacters(line)).toBe(eager.getEOLCharacters(line));
        }
      }),
      { seed: 82024, numRuns: 400 },
    );
  });

  it('keeps the identity, uri and language of the document it was opened as', () => {
    const doc = lazyTextDocuments.create('file:///p.yaml', 'yaml', 1, 'kind: Pod\n');
    const same = lazyTextDocuments.update(doc, [{ text: 'kind: Job\n' }], 2);
    expect(same).toBe(doc);
    expect([same.uri, same.languageId, same.version, same.getText()]).toEqual([
      'file:///p.yaml',
      'yaml',
      2,
      'kind: Job\n',
    ]);
  });
});
