// The analysis budget (rule analysis-stopped): a document with more YAML nodes than the limit gets one notice at
// its start and no rule runs on it; its syntax errors and the file's other documents are still reported.
import { describe, expect, it } from 'vitest';
import { lintText } from '../../../shared/lint';
import { NODE_LIMIT, parseManifests } from '../../../shared/model';

/** A Pod whose annotations hold `count` entries (two scalars each). */
function annotated(count: number, name = 'huge'): string {
  const annotations = Array.from({ length: count }, (_, i) => `    a${i}: v`).join('\n');
  return `apiVersion: v1\nkind: Pod\nmetadata:\n  name: ${name}\n  annotations:\n${annotations}\nspec:\n  containers:\n  - name: app\n    image: nginx:latest\n`;
}

describe('analysis-stopped', () => {
  it('replaces every rule finding of a document over the limit with one info notice at its start', () => {
    const findings = lintText(`# leading comment\n${annotated(NODE_LIMIT / 2 + 1)}`, { path: 'pod.yaml' });
    expect(findings).toEqual([
      expect.objectContaining({
        rule: 'analysis-stopped',
        severity: 'info',
        message: 'Analysis stopped: this document is too complex to analyse (100,022 nodes, limit 100,000)',
        range: { start: { line: 1, character: 0 }, end: { line: 1, character: 0 } },
        document: 0,
      }),
    ]);
  });

  it('analyses a document just under the limit as usual', () => {
    const rules = new Set(lintText(annotated(NODE_LIMIT / 2 - 20)).map((f) => f.rule));
    expect(rules.has('analysis-stopped')).toBe(false);
    expect(rules.has('latest-tag')).toBe(true);
  });

  it("still reports syntax errors of the stopped document, and analyses the file's other documents", () => {
    const text = `${annotated(NODE_LIMIT / 2 + 1)}  extra: [unclosed\n---\n${annotated(1, 'small')}`;
    const findings = lintText(text);
    const stopped = findings.filter((f) => f.document === 0);
    expect(stopped.map((f) => f.rule).filter((r) => r !== 'yaml-syntax')).toEqual(['analysis-stopped']);
    expect(stopped.some((f) => f.rule === 'yaml-syntax')).toBe(true);
    expect(findings.filter((f) => f.document === 1).map((f) => f.rule)).toContain('latest-tag');
  });

  it('gives the stopped document no pod view, so the simulation and the CodeLens skip it', () => {
    const [doc] = parseManifests(annotated(NODE_LIMIT / 2 + 1)).documents;
    expect(doc?.tooComplex).toEqual({ nodes: 100_022, limit: NODE_LIMIT });
    expect(doc?.pod).toBeUndefined();
  });

  it('counts an alias once, so an alias bomb within the limit is still analysed', () => {
    const anchors = ['x0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]'];
    for (let i = 1; i < 10; i++)
      anchors.push(
        `x${i}: &a${i} [${Array(9)
          .fill(`*a${i - 1}`)
          .join(', ')}]`,
      );
    const bomb = `${anchors.join('\n')}\napiVersion: v1\nkind: Pod\nmetadata: {name: b}\nspec: {containers: [{name: a, image: nginx:latest}]}\n`;
    const rules = lintText(bomb).map((f) => f.rule);
    expect(rules).not.toContain('analysis-stopped');
    expect(rules).toContain('latest-tag');
  });

  it('is silenced like any rule', () => {
    const text = `# podlens-disable analysis-stopped\n${annotated(NODE_LIMIT / 2 + 1)}`;
    expect(lintText(text)).toEqual([]);
  });
});
