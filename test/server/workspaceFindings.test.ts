// Cross-file findings of an open file are kept per segment: after edits that move, change or renumber segments,
// and after index changes that do or do not touch what a segment references, they are exactly what linting the
// whole file against the index gives.
import { describe, expect, it } from 'vitest';
import { WorkspaceFindings } from '../../server/features/workspaceDiagnostics';
import { OpenFileFacts } from '../../server/openFileFacts';
import { ServerWorkspaceIndex } from '../../server/workspaceIndex';
import { AnalysisHost } from '../../shared/analysis';
import { crossFileRules, DEFAULT_LINT_CONFIG, type Finding, lintText } from '../../shared/lint';

const URI = 'file:///ws/app.yaml';
const CONFIG_URI = 'file:///ws/config.yaml';
const IDS = new Set(crossFileRules.map((r) => r.meta.id));

const config = (keys: string) => `apiVersion: v1
kind: ConfigMap
metadata:
  name: app-config
data:
${keys}`;

const pod = (name: string, key: string) => `apiVersion: v1
kind: Pod
metadata:
  name: ${name}
spec:
  containers:
    - name: app
      image: registry.example/app:1.0.0
      env:
        - name: LEVEL
          valueFrom:
            configMapKeyRef: {name: app-config, key: ${key}}
`;

function setup(text: string) {
  const ws = new ServerWorkspaceIndex();
  ws.index.update(CONFIG_URI, config('  LOG_LEVEL: info\n'));
  const host = new AnalysisHost({ config: DEFAULT_LINT_CONFIG });
  const findings = new WorkspaceFindings(
    ws,
    () => false,
    () => DEFAULT_LINT_CONFIG,
  );
  host.setCrossFileFindings((uri, analysis) => findings.findings(uri, analysis));
  const facts = new OpenFileFacts((...parsed) => findings.prime(...parsed));
  let version = 1;
  host.applyChange(URI, version, [{ text }]);
  return {
    ws,
    edit: (next: string) => host.applyChange(URI, ++version, [{ text: next }]),
    crossFile: (uri = URI) => findings.findings(uri, host.snapshot()),
    /** The index reads the open file (as the server does on the next turn after an edit) and stores its facts. */
    indexOpen: () => ws.index.set(facts.factsOf(URI, host.snapshot())),
    /** Opens another file next to the first. */
    open: (uri: string, content: string) => host.applyChange(uri, 1, [{ text: content }]),
    /** The whole file linted at once against the index, as the CLI does. */
    expected: (current: string, path = URI): Finding[] =>
      lintText(current, { config: DEFAULT_LINT_CONFIG, path, workspace: ws.index.objects() }).filter((f) =>
        IDS.has(f.rule),
      ),
  };
}

const sorted = (fs: readonly Finding[]) => [...fs].sort((a, b) => a.range.start.line - b.range.start.line);

describe('cross-file findings per segment', () => {
  it('match the whole-file lint after edits above, inside and between documents', () => {
    let text = `${pod('a', 'MISSING')}---\n${pod('b', 'LOG_LEVEL')}---\n${pod('c', 'OTHER')}`;
    const t = setup(text);
    expect(t.crossFile().map((f) => [f.rule, f.document, f.range.start.line])).toEqual([
      ['missing-config-key', 0, 11],
      ['missing-config-key', 2, 37],
    ]);
    const steps = [
      `# a comment above everything\n\n${text}`,
      text.replace('key: OTHER', 'key: ALSO_MISSING'),
      `apiVersion: v1\nkind: Pod\nmetadata:\n  name: first\n---\n${text}`,
      text.replace('key: MISSING', 'key: LOG_LEVEL'),
    ];
    for (const next of steps) {
      text = next;
      t.edit(text);
      expect(sorted(t.crossFile())).toEqual(sorted(t.expected(text)));
    }
  });

  it('follow index changes that answer a segment differently, moved locations included', () => {
    const text = `${pod('a', 'FEATURES')}---\n${pod('b', 'LOG_LEVEL')}`;
    const t = setup(text);
    expect(t.crossFile().map((f) => f.document)).toEqual([0]);
    t.ws.index.update(CONFIG_URI, config('  LOG_LEVEL: info\n  FEATURES: all\n'));
    expect(t.crossFile()).toEqual([]);
    t.ws.index.update(CONFIG_URI, `# moved down\n${config('  FEATURES: all\n')}`);
    expect(sorted(t.crossFile())).toEqual(sorted(t.expected(text)));
    expect(t.crossFile().map((f) => f.document)).toEqual([1]);
  });

  it('of a copy of an open file, under a plain and under a patch-like name, are what linting that file gives', () => {
    const text = `${pod('a', 'MISSING')}---\n${pod('b', 'LOG_LEVEL')}`;
    const t = setup(text);
    expect(t.crossFile()).not.toEqual([]);
    for (const uri of ['file:///ws/copy.yaml', 'file:///ws/app-patch.yaml']) {
      const copy = `# a copy\n${text}`;
      t.open(uri, copy);
      expect(sorted(t.crossFile(uri))).toEqual(sorted(t.expected(copy, uri)));
    }
  });

  it('are the same when the index read the file first and they reuse its parse', () => {
    let text = `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: local\ndata:\n  A: "1"\n---\n${pod('a', 'MISSING')}---\n${pod('b', 'LOG_LEVEL')}`;
    const t = setup(text);
    t.indexOpen();
    expect(sorted(t.crossFile())).toEqual(sorted(t.expected(text)));
    expect(t.crossFile().map((f) => f.document)).toEqual([1]);
    text = text.replace('key: LOG_LEVEL', 'key: GONE');
    t.edit(text);
    t.indexOpen();
    expect(sorted(t.crossFile())).toEqual(sorted(t.expected(text)));
    expect(t.crossFile().map((f) => f.document)).toEqual([1, 2]);
  });
});
