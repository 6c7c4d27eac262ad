// The analysis budget through the protocol: on a document over the node limit the server publishes the one
// analysis-stopped notice, and hover, completion, the outline and folding still answer (each request returns;
// the suite's test timeout is the only clock).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NODE_LIMIT } from '../../shared/model';
import { positionOf, TestLspClient } from '../helpers/lspClient';

const URI = 'file:///tmp/podlens-budget/huge.yaml';
const annotations = Array.from({ length: NODE_LIMIT / 2 + 1 }, (_, i) => `    a${i}: v`).join('\n');
const HUGE = `apiVersion: v1\nkind: Pod\nmetadata:\n  name: huge\n  annotations:\n${annotations}\nspec:\n  containers:\n  - name: app\n    image: nginx:latest\n    imagePullPolicy: \n`;

let client: TestLspClient;
beforeAll(async () => {
  client = await TestLspClient.start();
});
afterAll(async () => {
  await client?.stop();
});

describe('a document over the analysis budget', () => {
  it('gets one analysis-stopped notice instead of rule findings', async () => {
    const published = await client.open(URI, HUGE);
    expect(published.diagnostics.map((d) => [d.code, d.severity, d.range.start])).toEqual([
      ['analysis-stopped', 3, { line: 0, character: 0 }],
    ]);
  });

  it('still answers hover with the field docs, completion, the outline and folding', async () => {
    const hover = await client.hover(URI, positionOf(HUGE, 'image:', 1));
    expect(JSON.stringify(hover?.contents)).toContain('image');
    const values = await client.completion(URI, positionOf(HUGE, 'imagePullPolicy: ', 17));
    expect(values.map((i) => i.label)).toEqual(expect.arrayContaining(['Always', 'IfNotPresent', 'Never']));
    expect(Array.isArray(await client.documentSymbols(URI))).toBe(true);
    expect(Array.isArray(await client.foldingRanges(URI))).toBe(true);
  });
});
