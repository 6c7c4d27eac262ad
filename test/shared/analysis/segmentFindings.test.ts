// Issue 19: a hover while a big file's first analysis runs on the worker pool must not analyse the whole file on
// the server's main thread, nor even the hovered segment (its first analysis runs on cold code while requests
// wait). The snapshot answers the findings of the hovered segment once it has its analysis (the lines on screen
// get theirs for the first publish): the same findings the whole-file analysis has there, with every other
// segment still left to the pool. A small file has the hovered segment analysed at once.
import { describe, expect, it } from 'vitest';
import { AnalysisHost, PARALLEL_MIN_SEGMENTS, type SegmentExecutor } from '../../../shared/analysis';
import { DEFAULT_LINT_CONFIG, type Finding } from '../../../shared/lint';

const URI = 'file:///work/big.yaml';

/** A pod whose `imagePullPolicy: Sometimes` the API server rejects, on its last line. */
const pod = (i: number) =>
  `apiVersion: v1\nkind: Pod\nmetadata:\n  name: p${i}\nspec:\n  containers:\n    - name: app\n      image: nginx:1.27\n      imagePullPolicy: Sometimes\n`;
const TEXT = Array.from({ length: PARALLEL_MIN_SEGMENTS + 2 }, (_, i) => pod(i)).join('---\n');
/** Lines per document with the `---` line after it. */
const LINES_PER_DOC = pod(0).split('\n').length;

/** An executor whose batch never finishes: the file stays as it is while its first analysis runs. */
const running: SegmentExecutor = { analyze: () => new Promise(() => {}) };

const comparable = (findings: readonly Finding[]) =>
  findings.map((f) => JSON.stringify([f.rule, f.severity, f.range, f.message]));

describe('findings of one segment while the file is analysed elsewhere', () => {
  it('gives the findings the whole file has at the line once that segment alone is analysed', () => {
    const host = new AnalysisHost({ config: DEFAULT_LINT_CONFIG }, { executor: running });
    host.applyChange(URI, 1, [{ text: TEXT }]);
    expect(host.analyzeInParallel(URI)).toBeDefined();
    const loading = host.snapshot();
    expect(loading.settled(URI)).toBe(false);

    const first = 7 * LINES_PER_DOC; // the eighth document; its segment starts at the `---` line above it
    const line = first + 8; // its imagePullPolicy
    // Not analysed yet: nothing, and nothing analysed for the asking.
    expect(loading.segmentFindings(URI, line)).toEqual([]);
    expect(host.pending(URI)).toHaveLength(PARALLEL_MIN_SEGMENTS + 2);
    // The first publish analyses the lines on screen.
    expect(loading.analyzeNextNear(URI, [{ start: line, end: line }])).toBe(true);
    const segment = loading.segmentFindings(URI, line);
    expect(segment.filter((f) => f.severity === 'error').map((f) => [f.rule, f.range.start.line])).toEqual([
      ['invalid-enum', line],
    ]);
    // Only that segment was analysed: the others are still the pool's.
    expect(host.pending(URI)).toHaveLength(PARALLEL_MIN_SEGMENTS + 1);

    const whole = new AnalysisHost({ config: DEFAULT_LINT_CONFIG });
    whole.applyChange(URI, 1, [{ text: TEXT }]);
    const settled = whole.snapshot();
    expect(settled.settled(URI)).toBe(false);
    const all = settled.findings(URI);
    expect(settled.settled(URI)).toBe(true);
    const there = all.filter((f) => f.range.start.line >= first - 1 && f.range.start.line <= line);
    expect(comparable(segment)).toEqual(comparable(there));
  });

  it('analyses the segment at the line of a file too small for the pool', () => {
    const host = new AnalysisHost({ config: DEFAULT_LINT_CONFIG }, { executor: running });
    const small = [pod(0), pod(1), pod(2)].join('---\n');
    host.applyChange(URI, 1, [{ text: small }]);
    const line = LINES_PER_DOC + 8; // the second document's imagePullPolicy
    const found = host.snapshot().segmentFindings(URI, line);
    expect(found.filter((f) => f.severity === 'error').map((f) => [f.rule, f.range.start.line])).toEqual([
      ['invalid-enum', line],
    ]);
    expect(host.pending(URI)).toHaveLength(2);
  });
});
