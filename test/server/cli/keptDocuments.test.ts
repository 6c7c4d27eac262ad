// A linted file's documents between the index's read and the cross-file rules': parsed once within the budget,
// parsed again beyond it, and never held after their last reader.
import { describe, expect, it } from 'vitest';
import { KeptDocuments } from '../../../server/cli/keptDocuments';
import { parseManifests } from '../../../shared/model';

const TEXT =
  'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n---\napiVersion: v1\nkind: Secret\nmetadata:\n  name: b\n';

function counted() {
  let parses = 0;
  const parse = () => {
    parses++;
    return parseManifests(TEXT).documents;
  };
  return { parse, parses: () => parses };
}

describe('kept documents', () => {
  it('parses once when kept: the cross-file rules read the documents the index read', () => {
    const c = counted();
    const kept = new KeptDocuments(c.parse, true);
    const first = kept.peek();
    expect(kept.take()).toBe(first);
    expect(c.parses()).toBe(1);
    expect(first.map((d) => d.index)).toEqual([0, 1]);
  });

  it('parses again when over the budget, with the same documents', () => {
    const c = counted();
    const kept = new KeptDocuments(c.parse, false);
    const first = kept.peek();
    const second = kept.take();
    expect(second).not.toBe(first);
    expect(second.map((d) => d.range)).toEqual(first.map((d) => d.range));
    expect(c.parses()).toBe(2);
  });

  it('holds nothing after the last reader', () => {
    const c = counted();
    const kept = new KeptDocuments(c.parse, true);
    kept.peek();
    kept.take();
    kept.take();
    expect(c.parses()).toBe(2);
  });
});
