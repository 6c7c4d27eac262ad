// Document symbols and folding over LSP: the outline lists each document by kind and name with its containers,
// and folding follows documents, maps and lists; both stay right when an edit moves later documents. YAML that
// is not a Kubernetes object gets neither.
import { describe, expect, it } from 'vitest';
import { lspClientForSuite } from '../helpers/lspClient';

const TEXT = `# shop manifests
apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  initContainers:
    - name: migrate
      image: busybox:1.36
    - name: shipper
      image: busybox:1.36
      restartPolicy: Always
  containers:
    - name: web
      image: nginx:1.27
---
apiVersion: batch/v1
kind: CronJob
metadata:
  name: report
spec:
  schedule: "0 * * * *"
  jobTemplate:
    spec:
      template:
        spec:
          restartPolicy: Never
          containers:
            - name: report
              image: python:3.12
---
services:
  db:
    image: postgres
`;

const client = lspClientForSuite();

describe('document symbols', () => {
  it('lists documents by kind and name, with containers and their roles', async () => {
    const uri = client().uri('symbols.yaml');
    await client().open(uri, TEXT);
    const symbols = await client().documentSymbols(uri);
    expect(symbols.map((s) => [s.name, s.detail])).toEqual([
      ['Pod web', 'v1'],
      ['CronJob report', 'batch/v1'],
    ]);
    expect(symbols[0]?.children?.map((c) => [c.name, c.detail])).toEqual([
      ['migrate', 'init container · busybox:1.36'],
      ['shipper', 'native sidecar · busybox:1.36'],
      ['web', 'container · nginx:1.27'],
    ]);
    expect(symbols[1]?.children?.map((c) => c.name)).toEqual(['report']);
    // A document's range starts at its `---` line.
    expect(symbols[1]?.range.start.line).toBe(15);
    expect(symbols[0]?.children?.[2]?.selectionRange).toEqual({
      start: { line: 13, character: 12 },
      end: { line: 13, character: 15 },
    });
  });

  it('shifts later documents after an edit above them', async () => {
    const uri = client().uri('symbols-edit.yaml');
    await client().open(uri, TEXT);
    await client().documentSymbols(uri);
    await client().change(uri, [
      { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '# one\n# two\n' },
    ]);
    const symbols = await client().documentSymbols(uri);
    expect(symbols[1]?.range.start.line).toBe(17);
    expect(symbols[1]?.children?.[0]?.selectionRange.start.line).toBe(30);
  });

  // The outline reads the segments the server re-split from the edit ranges: a marker typed into a document must
  // split it there, and deleting the marker must join the two again.
  it('follows a `---` typed into a document and its removal', async () => {
    const uri = client().uri('symbols-marker.yaml');
    await client().open(uri, TEXT);
    await client().documentSymbols(uri);
    const marker = { start: { line: 12, character: 0 }, end: { line: 12, character: 0 } };
    await client().change(uri, [{ range: marker, text: '---\n' }]);
    const split = await client().documentSymbols(uri);
    // The Pod loses its containers to a new document that has no kind: not a Kubernetes object, not in the outline.
    expect(split.map((s) => s.name)).toEqual(['Pod web', 'CronJob report']);
    expect(split[0]?.children?.map((c) => c.name)).toEqual(['migrate', 'shipper']);
    expect(split[1]?.range.start.line).toBe(16);
    await client().change(uri, [{ range: { start: marker.start, end: { line: 13, character: 0 } }, text: '' }]);
    const joined = await client().documentSymbols(uri);
    expect(joined[0]?.children?.map((c) => c.name)).toEqual(['migrate', 'shipper', 'web']);
    expect(joined[1]?.range.start.line).toBe(15);
  });
});

describe('folding ranges', () => {
  it('folds each document from its `---` line, and every multi-line map entry and list item', async () => {
    const uri = client().uri('folding.yaml');
    await client().open(uri, TEXT);
    const ranges = await client().foldingRanges(uri);
    const spans = ranges.map((r) => [r.startLine, r.endLine]);
    expect(ranges.filter((r) => r.kind === 'region').map((r) => [r.startLine, r.endLine])).toEqual([
      [1, 14],
      [15, 29],
    ]);
    // The compose document after them is not ours to fold.
    expect(ranges.filter((r) => r.startLine >= 30)).toEqual([]);
    expect(spans).toEqual(
      expect.arrayContaining([
        [3, 4],
        [5, 14],
        [6, 11],
        [7, 8],
        [9, 11],
        [12, 14],
        [13, 14],
        [22, 29],
        [28, 29],
      ]),
    );
  });

  it('keeps the outer 5,000 ranges of a very large file, documents included', async () => {
    const pod = (i: number) =>
      `apiVersion: v1\nkind: Pod\nmetadata:\n  name: p${i}\n  labels:\n    a: b\nspec:\n  containers:\n    - name: c\n      image: nginx:1.27\n      ports:\n        - containerPort: 80\n          name: http\n`;
    const text = Array.from({ length: 800 }, (_, i) => pod(i)).join('---\n');
    const uri = client().uri('folding-large.yaml');
    await client().open(uri, text);
    const ranges = await client().foldingRanges(uri);
    expect(ranges).toHaveLength(5000);
    expect(ranges.filter((r) => r.kind === 'region')).toHaveLength(800);
    expect(ranges.map((r) => r.startLine)).toEqual([...ranges.map((r) => r.startLine)].sort((a, b) => a - b));
  });
});
