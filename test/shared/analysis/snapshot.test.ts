// The analysis host's contract with its callers (shared/analysis): snapshots answer for the versions they were
// taken at, whatever happens to the host after; overridden findings replace a file's own; a new spec re-analyses;
// a big file's first analysis goes to the executor once, and what it brings back is used only when still valid.
import { describe, expect, it } from 'vitest';
import { TextDocument, type TextDocumentContentChangeEvent } from 'vscode-languageserver-textdocument';
import {
  AnalysisHost,
  type AnalysisSpec,
  analyzeSegment,
  PARALLEL_MIN_SEGMENTS,
  type SegmentExecutor,
  type TextChange,
} from '../../../shared/analysis';
import { DEFAULT_LINT_CONFIG, type Finding } from '../../../shared/lint';
import type { ParseOptions, Segment } from '../../../shared/model';
import { prng } from '../../reliability/fuzz/manifests';
import { applyChanges, randomChange } from '../../reliability/lsp/edits';

const URI = 'file:///work/pods.yaml';
const pod = (name: string, image = 'nginx:latest') =>
  `apiVersion: v1\nkind: Pod\nmetadata: {name: ${name}}\nspec:\n  containers:\n  - {name: app, image: ${image}}\n`;
const many = (n: number) => Array.from({ length: n }, (_, i) => pod(`p${i}`)).join('---\n');
const rules = (findings: readonly Finding[]) => findings.map((f) => f.rule);
const SPEC: AnalysisSpec = { config: DEFAULT_LINT_CONFIG };

function opened(text: string, host = new AnalysisHost(SPEC)): AnalysisHost {
  host.applyChange(URI, 1, [{ text }]);
  return host;
}

/** An executor that analyses in-process, as the worker pool does in threads, and records what it was given. */
function recordingExecutor(fail = false): SegmentExecutor & { calls: Segment[][] } {
  const calls: Segment[][] = [];
  return {
    calls,
    async analyze(segments: Segment[], spec: AnalysisSpec, options: ParseOptions) {
      calls.push(segments);
      if (fail) throw new Error('no threads here');
      return segments.map((s) => analyzeSegment(s, spec, options).analysis);
    },
  };
}

describe('snapshots', () => {
  it('keep answering for their own version after the file is edited or closed', () => {
    const host = opened(pod('web'));
    const before = host.snapshot();
    expect(rules(before.findings(URI))).toContain('latest-tag');
    // `nginx:latest` becomes `nginx:1.27` on line 5.
    host.applyChange(URI, 2, [
      { range: { start: { line: 5, character: 29 }, end: { line: 5, character: 35 } }, text: '1.27' },
    ]);
    const after = host.snapshot();
    expect(after.version(URI)).toBe(2);
    expect(after.text(URI)).toBe(pod('web', 'nginx:1.27'));
    expect(rules(after.findings(URI))).not.toContain('latest-tag');
    expect(before.version(URI)).toBe(1);
    expect(before.text(URI)).toBe(pod('web'));
    expect(rules(before.findings(URI))).toContain('latest-tag');
    host.close(URI);
    expect(host.snapshot().has(URI)).toBe(false);
    expect(after.documentAt(URI, { line: 1, character: 0 })?.kind).toMatchObject({ value: 'Pod' });
  });

  it('are the same object until something changes', () => {
    const host = opened(pod('web'));
    expect(host.snapshot()).toBe(host.snapshot());
    const first = host.snapshot();
    host.applyChange(URI, 2, [{ text: pod('api') }]);
    expect(host.snapshot()).not.toBe(first);
  });

  it('give the segments the outline needs, one per document, with their file lines', () => {
    const host = opened(`${pod('a')}---\n${pod('b')}`);
    const segments = host.snapshot().segments(URI);
    expect(segments.map((s) => s.line)).toEqual([0, 6]);
    expect(segments.map((s) => s.text).join('')).toBe(`${pod('a')}---\n${pod('b')}`);
  });

  it('count pods in file positions with their lens lines', () => {
    const host = opened(`${pod('a')}---\n${pod('b')}`);
    expect(host.snapshot().pods(URI)).toMatchObject([
      { index: 0, kind: 'Pod', name: 'a', lensLine: 0 },
      { index: 1, kind: 'Pod', name: 'b', lensLine: 7 },
    ]);
  });
});

describe('edits', () => {
  it('rebuild the editor text exactly, also when a message mixes a whole text with ranged edits', () => {
    const host = opened('');
    let text = '';
    const rand = prng(7);
    for (let version = 2; version < 40; version++) {
      const base = version % 10 === 0 ? `${pod('x')}\r\n---\r\n${pod('y')}` : text;
      const first = randomChange(base, rand);
      // Each change applies to the text the previous one left, as LSP says.
      const second = randomChange(applyChanges(base, [first]), rand);
      const message: TextChange[] = version % 10 === 0 ? [{ text: base }, first, second] : [first, second];
      host.applyChange(URI, version, message);
      const doc = TextDocument.create(URI, 'yaml', 0, text);
      text = TextDocument.update(doc, message as TextDocumentContentChangeEvent[], version).getText();
      expect(host.snapshot().text(URI)).toBe(text);
    }
  });

  it('clamp positions past the end of a line or the file the way the editor document does', () => {
    const text = 'a: 1\r\nb: 2\rc: 3\n';
    const change = { range: { start: { line: 0, character: 99 }, end: { line: 9, character: 0 } }, text: '!' };
    const host = opened(text);
    // A range that cannot be mapped onto the segments goes through the text, with the editor's rules.
    host.applyChange(URI, 2, [{ text }, change]);
    const expected = TextDocument.update(TextDocument.create(URI, 'yaml', 1, text), [change], 2).getText();
    expect(expected).toBe('a: 1!');
    expect(host.snapshot().text(URI)).toBe(expected);
  });
});

describe('overridden findings', () => {
  it('replace the file’s own until cleared, and go with the file', () => {
    const host = opened(pod('web'));
    const note: Finding = { ...(host.snapshot().findings(URI)[0] as Finding), rule: 'config-unknown-rule' };
    host.overrideFindings(URI, [note]);
    expect(rules(host.snapshot().findings(URI))).toEqual(['config-unknown-rule']);
    host.overrideFindings(URI, undefined);
    expect(rules(host.snapshot().findings(URI))).toContain('latest-tag');
    host.overrideFindings(URI, [note]);
    host.close(URI);
    opened(pod('web'), host);
    expect(rules(host.snapshot().findings(URI))).toContain('latest-tag');
  });
});

describe('a new spec', () => {
  it('re-analyses open files at the new levels; snapshots taken before keep the old ones', () => {
    const host = opened(pod('web'));
    const before = host.snapshot();
    host.setSpec({ config: { rules: { 'latest-tag': 'off' } } });
    expect(rules(host.snapshot().findings(URI))).not.toContain('latest-tag');
    expect(rules(before.findings(URI))).toContain('latest-tag');
  });
});

describe('the parallel first analysis', () => {
  it('is not worth it for a small file: nothing goes to the executor', () => {
    const executor = recordingExecutor();
    const host = opened(many(PARALLEL_MIN_SEGMENTS - 1), new AnalysisHost(SPEC, { executor }));
    expect(host.analyzeInParallel(URI)).toBeUndefined();
    expect(executor.calls).toEqual([]);
    expect(rules(host.snapshot().findings(URI)).filter((r) => r === 'latest-tag')).toHaveLength(
      PARALLEL_MIN_SEGMENTS - 1,
    );
  });

  it('sends a big file’s segments once; a second caller joins the batch; its findings equal an in-process analysis', async () => {
    const executor = recordingExecutor();
    const host = opened(many(PARALLEL_MIN_SEGMENTS), new AnalysisHost(SPEC, { executor }));
    const batch = host.analyzeInParallel(URI);
    expect(host.analyzeInParallel(URI)).toBe(batch);
    expect(host.runningBatch(URI)).toBe(batch);
    expect(await batch).toEqual({ segments: PARALLEL_MIN_SEGMENTS });
    expect(executor.calls.map((c) => c.length)).toEqual([PARALLEL_MIN_SEGMENTS]);
    expect(host.pending(URI)).toEqual([]);
    expect(host.runningBatch(URI)).toBeUndefined();
    const inProcess = opened(many(PARALLEL_MIN_SEGMENTS)).snapshot().findings(URI);
    expect(host.snapshot().findings(URI)).toEqual(inProcess);
  });

  it('drops analyses made under a spec that was replaced meanwhile', async () => {
    const host = opened(many(PARALLEL_MIN_SEGMENTS), new AnalysisHost(SPEC, { executor: recordingExecutor() }));
    const batch = host.analyzeInParallel(URI);
    host.setSpec({ config: { rules: { 'latest-tag': 'off' } } });
    await batch;
    expect(host.pending(URI)).toHaveLength(PARALLEL_MIN_SEGMENTS);
    expect(rules(host.snapshot().findings(URI))).not.toContain('latest-tag');
  });

  it('reports a failed executor and leaves the segments to the in-process analysis', async () => {
    const host = opened(many(PARALLEL_MIN_SEGMENTS), new AnalysisHost(SPEC, { executor: recordingExecutor(true) }));
    const outcome = await host.analyzeInParallel(URI);
    expect(String(outcome?.error)).toContain('no threads here');
    expect(rules(host.snapshot().findings(URI)).filter((r) => r === 'latest-tag')).toHaveLength(PARALLEL_MIN_SEGMENTS);
  });
});
