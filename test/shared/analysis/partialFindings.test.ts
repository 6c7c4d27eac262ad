// The first findings of a big file (Analysis.partialFindings): only the segments near the given lines are analysed
// before answering, and what it answers is always among the file's complete findings, placed the same way.
import { describe, expect, it } from 'vitest';
import { AnalysisHost } from '../../../shared/analysis';
import { DEFAULT_LINT_CONFIG, type Finding } from '../../../shared/lint';

const URI = 'file:///work/partial.yaml';

/** Pod `n` with a finding of its own: an unknown key on its container's line. */
const pod = (n: number) => `apiVersion: v1
kind: Pod
metadata:
  name: pod-${n}
spec:
  containers:
  - name: app
    image: registry.example/app:1.${n}.0
    imagePullPolcy${n}: Always
`;
const FILE = Array.from({ length: 10 }, (_, i) => `---\n${pod(i)}`).join('');
const linesPerDoc = pod(0).split('\n').length; // the `---` line plus the pod's lines

const key = (f: Finding) => JSON.stringify([f.rule, f.range, f.message, f.document]);

function open(text: string): AnalysisHost {
  const host = new AnalysisHost({ config: DEFAULT_LINT_CONFIG });
  host.applyChange(URI, 1, [{ text }]);
  return host;
}

describe('partial findings', () => {
  it('analyse only the documents around the lines asked for, and are found again in the complete findings', () => {
    const host = open(FILE);
    const fourth = 3 * linesPerDoc;
    const partial = host.snapshot().partialFindings(URI, fourth + 2, fourth + 4);
    expect(host.pending(URI)).toHaveLength(9);
    expect(partial.map((f) => f.message).join('\n')).toContain('imagePullPolcy3');
    expect(partial.every((f) => f.range.start.line >= fourth && f.range.start.line < fourth + linesPerDoc)).toBe(true);
    const complete = new Set(host.snapshot().findings(URI).map(key));
    expect(partial.length).toBeGreaterThan(0);
    for (const f of partial) expect(complete.has(key(f)), key(f)).toBe(true);
  });

  it('include segments analysed earlier, and grow towards the complete findings', () => {
    const host = open(FILE);
    const snapshot = host.snapshot();
    const first = snapshot.partialFindings(URI, 0, 0);
    const more = snapshot.partialFindings(URI, 9 * linesPerDoc, 9 * linesPerDoc);
    expect(more.map(key)).toEqual(expect.arrayContaining(first.map(key)));
    expect(more.length).toBeGreaterThan(first.length);
    expect(host.pending(URI)).toHaveLength(8);
  });

  it('leave out the file-wide template notice, which counts documents not analysed yet', () => {
    const templated = `${FILE}---\napiVersion: v1\nkind: Pod\nmetadata:\n  name: {{ .Values.name }}\n`;
    const host = open(templated);
    const partial = host.snapshot().partialFindings(URI, 0, 10 * linesPerDoc + 3);
    const complete = host.snapshot().findings(URI);
    expect(complete.length).toBe(partial.length + 1);
    const known = new Set(complete.map(key));
    for (const f of partial) expect(known.has(key(f))).toBe(true);
  });
});
