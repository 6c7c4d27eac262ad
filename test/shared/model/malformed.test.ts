// 500 generated malformed inputs (truncations, byte flips, tabs, unbalanced brackets, template markers):
// the manifest model never throws and every syntax issue lies inside the text it was given.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseManifests, type Range } from '../../../shared/model';

const BASE = `apiVersion: v1
kind: Pod
metadata:
  name: web
  labels: {app: web}
spec:
  initContainers:
    - name: init
      image: busybox:1.36
      command: ["sh", "-c", "sleep 2"]
  containers:
    - name: app
      image: nginx:1.27
      ports: [{containerPort: 80, name: http}]
      readinessProbe:
        httpGet: {path: /, port: http}
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: api}
spec:
  template:
    spec:
      containers:
        - name: api
          image: "ghcr.io/acme/api:2.0"
          env:
            - {name: A, value: "1"}
`;

const mutation = fc.oneof(
  fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('flip' as const), at: fc.nat(), byte: fc.integer({ min: 0, max: 255 }) }),
  fc.record({
    kind: fc.constant('insert' as const),
    at: fc.nat(),
    text: fc.constantFrom(
      '\t',
      '{',
      '[',
      ']',
      '}',
      '{{ .Values.x }}',
      '"',
      "'",
      '&a ',
      '*a',
      ': ',
      '\n  - ',
      '---\n',
      '\u0000',
      '\uFFFD',
    ),
  }),
  fc.record({ kind: fc.constant('dedent' as const), line: fc.nat() }),
);

type Mutation = typeof mutation extends fc.Arbitrary<infer M> ? M : never;

function apply(text: string, m: Mutation): string {
  if (m.kind === 'dedent') {
    const lines = text.split('\n');
    const i = m.line % lines.length;
    lines[i] = (lines[i] ?? '').replace(/^ {1,2}/, '');
    return lines.join('\n');
  }
  const at = text.length === 0 ? 0 : m.at % (text.length + 1);
  switch (m.kind) {
    case 'truncate':
      return text.slice(0, at);
    case 'flip':
      return text.slice(0, at) + String.fromCharCode(m.byte) + text.slice(at + 1);
    case 'insert':
      return text.slice(0, at) + m.text + text.slice(at);
  }
}

function inside(r: Range, lines: string[]): boolean {
  const ok = (p: Range['start']) =>
    p.line >= 0 && p.line < lines.length && p.character >= 0 && p.character <= (lines[p.line] ?? '').length;
  return ok(r.start) && ok(r.end) && (r.start.line < r.end.line || r.start.character <= r.end.character);
}

describe('manifest model on malformed input', () => {
  it('never throws and keeps every issue range inside the document (500 inputs)', () => {
    let withIssues = 0;
    fc.assert(
      fc.property(fc.array(mutation, { minLength: 1, maxLength: 4 }), (mutations) => {
        const text = mutations.reduce(apply, BASE);
        const lines = text.split('\n');
        const file = parseManifests(text);
        const issues = file.documents.flatMap((d) => d.issues);
        if (issues.length) withIssues++;
        for (const issue of issues) expect(inside(issue.range, lines), JSON.stringify(issue)).toBe(true);
        if (file.templateNotice) expect(inside(file.templateNotice.range, lines)).toBe(true);
        for (const d of file.documents) {
          for (const c of [...(d.pod?.containers ?? []), ...(d.pod?.initContainers ?? [])]) {
            expect(inside(c.range, lines)).toBe(true);
            if (c.image.kind !== 'absent') expect(inside(c.image.range, lines)).toBe(true);
          }
        }
      }),
      { numRuns: 500, seed: 20261125 },
    );
    // The generator must actually produce broken YAML, or this test proves nothing.
    expect(withIssues).toBeGreaterThan(100);
  });
});
