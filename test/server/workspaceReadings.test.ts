// A big open file analysed on the worker pool gives the workspace index its objects and the cross-file rules their
// findings from where each segment was parsed: the main thread then neither parses nor lints it again, the
// results equal indexing and linting the whole text, and a segment whose references the index answers
// differently since the batch started is linted again against the index as it is now. The index waits for those
// readings instead of parsing the file meanwhile.
import { describe, expect, it, vi } from 'vitest';
import { WorkspaceFindings } from '../../server/features/workspaceDiagnostics';
import { OpenFileFacts } from '../../server/openFileFacts';
import { ServerWorkspaceIndex } from '../../server/workspaceIndex';
import { readingExecutor } from '../../server/workspaceReadings';
import {
  AnalysisHost,
  type AnalysisSpec,
  analyzeSegment,
  PARALLEL_MIN_SEGMENTS,
  type SegmentExecutor,
} from '../../shared/analysis';
import { indexFile } from '../../shared/analysis/workspace';
import { crossFileRules, DEFAULT_LINT_CONFIG, type Finding, lintText } from '../../shared/lint';
import type { ParseOptions, Segment } from '../../shared/model';

const URI = 'file:///ws/app.yaml';
const CONFIG_URI = 'file:///ws/config.yaml';
const IDS = new Set(crossFileRules.map((r) => r.meta.id));

const LATE_URI = 'file:///ws/late.yaml';

const config = (keys: string, name = 'app-config') =>
  `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ${name}\ndata:\n${keys}`;

const pod = (name: string, key: string, configName = 'app-config') =>
  `apiVersion: v1\nkind: Pod\nmetadata: {name: ${name}, labels: {app: ${name}}}\nspec:\n  containers:\n` +
  `    - name: app\n      image: registry.example/app:1.0.0\n` +
  `      env: [{name: LEVEL, valueFrom: {configMapKeyRef: {name: ${configName}, key: ${key}}}}]\n`;

/**
 * Enough documents for the worker pool, referencing a key the config has, one it lacks, and one of a config that
 * comes later.
 */
const bigFile = () =>
  Array.from({ length: PARALLEL_MIN_SEGMENTS + 2 }, (_, i) =>
    i % 3 === 2 ? pod(`p${i}`, 'LATER', 'late-config') : pod(`p${i}`, i % 3 === 0 ? 'LOG_LEVEL' : 'MISSING'),
  ).join('---\n');

/** Runs each segment's analysis in-process, as a worker would, after `meanwhile` (an index change during the batch). */
function inProcessPool(meanwhile: () => void = () => {}): SegmentExecutor & { specs: AnalysisSpec[] } {
  const specs: AnalysisSpec[] = [];
  return {
    specs,
    analyze: async (segments: Segment[], spec: AnalysisSpec, options: ParseOptions) => {
      specs.push(spec);
      // Crossing a thread copies the analyses, and with them the workspace objects the queries answered.
      const analyses = structuredClone(segments.map((s) => analyzeSegment(s, spec, options).analysis));
      await Promise.resolve();
      meanwhile();
      return analyses;
    },
  };
}

function setup(pool: ReturnType<typeof inProcessPool>, maxFiles?: number) {
  const workspace = new ServerWorkspaceIndex();
  workspace.index.update(CONFIG_URI, config('  LOG_LEVEL: info\n'));
  const crossFile = new WorkspaceFindings(
    workspace,
    () => false,
    () => DEFAULT_LINT_CONFIG,
  );
  const parsedHere = vi.fn();
  const facts = new OpenFileFacts(parsedHere);
  const executor = readingExecutor(pool, { workspace, facts, crossFile, complete: () => false, maxFiles });
  const host = new AnalysisHost({ config: DEFAULT_LINT_CONFIG }, { executor });
  const lintedHere = vi.spyOn(crossFile as unknown as { lint: () => unknown }, 'lint');
  return { workspace, crossFile, facts, host, parsedHere, lintedHere };
}

const expected = (text: string, workspace: ServerWorkspaceIndex): Finding[] =>
  lintText(text, { config: DEFAULT_LINT_CONFIG, path: URI, workspace: workspace.index.objects() }).filter((f) =>
    IDS.has(f.rule),
  );

const byLine = (fs: readonly Finding[]) => [...fs].sort((a, b) => a.range.start.line - b.range.start.line);

describe('workspace readings of a file analysed on the worker pool', () => {
  it('give the index and the cross-file rules the whole text as read at once, with no parse or lint here', async () => {
    const pool = inProcessPool();
    const t = setup(pool);
    const text = bigFile();
    t.host.applyChange(URI, 1, [{ text }]);
    await t.host.analyzeInParallel(URI);
    expect(pool.specs[0]?.workspace?.uri).toBe(URI);
    const analysis = t.host.snapshot();
    expect(t.facts.factsOf(URI, analysis)).toEqual(indexFile(URI, text));
    const findings = t.crossFile.findings(URI, analysis);
    expect(findings.length).toBeGreaterThan(0);
    expect(byLine(findings)).toEqual(byLine(expected(text, t.workspace)));
    expect(t.parsedHere).not.toHaveBeenCalled();
    expect(t.lintedHere).not.toHaveBeenCalled();
    // The analyses the host keeps for the open file carry no copy of the workspace.
    expect(analysis.segmentAnalyses(URI).every((a) => a?.workspace === undefined)).toBe(true);
  });

  it('lint again only the segments the index answers differently since the batch started', async () => {
    let workspace: ServerWorkspaceIndex | undefined;
    const pool = inProcessPool(() => workspace?.index.update(LATE_URI, config('  OTHER: x\n', 'late-config')));
    const t = setup(pool);
    workspace = t.workspace;
    const text = bigFile();
    t.host.applyChange(URI, 1, [{ text }]);
    await t.host.analyzeInParallel(URI);
    const findings = t.crossFile.findings(URI, t.host.snapshot());
    expect(byLine(findings)).toEqual(byLine(expected(text, t.workspace)));
    expect(findings.filter((f) => f.message.includes('LATER')).length).toBeGreaterThan(0);
    // The segments asking for the late config (one in three) were linted again; the others' were taken as read.
    const asked = text.split('---\n').filter((s) => s.includes('late-config')).length;
    expect(t.lintedHere).toHaveBeenCalledTimes(asked);
  });

  it('in a workspace too big to copy to every worker, give the objects and leave the cross-file rules here', async () => {
    const pool = inProcessPool();
    const t = setup(pool, 0);
    const text = bigFile();
    t.host.applyChange(URI, 1, [{ text }]);
    await t.host.analyzeInParallel(URI);
    expect(pool.specs[0]?.workspace?.files).toBeUndefined();
    const analysis = t.host.snapshot();
    expect(t.facts.factsOf(URI, analysis)).toEqual(indexFile(URI, text));
    expect(t.parsedHere).not.toHaveBeenCalled();
    expect(byLine(t.crossFile.findings(URI, analysis))).toEqual(byLine(expected(text, t.workspace)));
    expect(t.lintedHere).toHaveBeenCalledTimes(text.split('---\n').length);
  });

  it('are not asked for when the file is too big to index', async () => {
    const pool = inProcessPool();
    const t = setup(pool);
    const text = `${bigFile()}---\n# ${'x'.repeat(1024 * 1024)}\n`;
    t.host.applyChange(URI, 1, [{ text }]);
    await t.host.analyzeInParallel(URI);
    expect(pool.specs[0]?.workspace).toBeUndefined();
  });
});

describe('the index and an open file whose analysis is not done', () => {
  it('keeps the previous facts until told, then reads the file once', async () => {
    const workspace = new ServerWorkspaceIndex();
    let ready = false;
    const read = vi.fn(() => indexFile(URI, config('  A: "1"\n')));
    workspace.openChanged(URI, () => ({ length: 10, facts: read, ready: () => ready }));
    await new Promise((resolve) => setImmediate(resolve));
    workspace.flush();
    expect(read).not.toHaveBeenCalled();
    expect(workspace.index.has(URI)).toBe(false);
    ready = true;
    workspace.flushSoon();
    await new Promise((resolve) => setImmediate(resolve));
    expect(read).toHaveBeenCalledTimes(1);
    expect(workspace.index.has(URI)).toBe(true);
  });
});
