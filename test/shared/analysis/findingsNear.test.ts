// Issue 19: a hover in a file of 100,000 findings reads the findings that can be at its line (its segment's, the
// template notice, the cross-file ones) instead of filtering all of them. At every position of a file with
// templated documents and cross-file findings, those cover the same findings as the whole file's list.
import { describe, expect, it } from 'vitest';
import { AnalysisHost } from '../../../shared/analysis';
import { DEFAULT_LINT_CONFIG, type Finding } from '../../../shared/lint';
import { containsPosition } from '../../../shared/util/range';

const URI = 'file:///work/mixed.yaml';

const pod = (i: number) =>
  `apiVersion: v1\nkind: Pod\nmetadata:\n  name: p${i}\nspec:\n  containers:\n    - name: app\n      image: nginx\n      imagePullPolicy: Sometimes\n`;
const templated = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: {{ .Values.name }}\nspec:\n  containers: []\n';
const TEXT = [pod(0), templated, pod(1), 'not: [closed\n', pod(2)].join('---\n');

/** Cross-file findings on the first line of the file and on the last, as the workspace rules would add them. */
const CROSS: Finding[] = [0, TEXT.split('\n').length - 2].map((line) => ({
  rule: 'referenced-object-missing',
  severity: 'hint',
  message: `cross-file on line ${line}`,
  range: { start: { line, character: 0 }, end: { line, character: 3 } },
  path: 'metadata',
  document: 0,
}));

const at = (findings: readonly Finding[], line: number, character: number) =>
  findings.filter((f) => containsPosition(f.range, { line, character })).map((f) => JSON.stringify(f));

describe('findings near a line', () => {
  it('cover at every position the same findings as the whole file', () => {
    const host = new AnalysisHost({ config: DEFAULT_LINT_CONFIG });
    host.setCrossFileFindings(() => CROSS);
    host.applyChange(URI, 1, [{ text: TEXT }]);
    const analysis = host.snapshot();
    const all = analysis.findings(URI);
    expect(all.some((f) => f.rule === 'invalid-enum')).toBe(true);
    expect(all.some((f) => f.rule === 'helm-template')).toBe(true);
    expect(all.some((f) => f.message === CROSS[1]?.message)).toBe(true);
    const lines = TEXT.split('\n');
    let covered = 0;
    lines.forEach((text, line) => {
      for (let character = 0; character <= text.length; character++) {
        const expected = at(all, line, character);
        expect(at(analysis.findingsNear(URI, line), line, character)).toEqual(expected);
        covered += expected.length;
      }
    });
    expect(covered).toBeGreaterThan(0);
  });
});
