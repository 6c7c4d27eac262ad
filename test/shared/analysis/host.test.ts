// Reliability (issue 8): the analysis host (shared/analysis). Its incremental re-split must give
// exactly what a fresh analysis of the same text gives, after every single ranged edit, including edits that create,
// cut or delete `---` markers and edits that span documents, and after multi-change messages. Seeded
// (PODLENS_FUZZ_SEED). Two bugs the host's predecessor (the server's document store) once had are pinned below.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Analysis, AnalysisHost } from '../../../shared/analysis';
import { DEFAULT_LINT_CONFIG, type Finding } from '../../../shared/lint';
import { manifestFile, prng } from '../../reliability/fuzz/manifests';
import { applyChanges, inverseChange, type RangedChange, randomChange } from '../../reliability/lsp/edits';

const SEED = Number(process.env.PODLENS_FUZZ_SEED ?? 8_2024);
const URI = 'file:///work/resplit.yaml';
const EDITS_PER_RUN = 30;
const RUNS = Number(process.env.PODLENS_FUZZ_RUNS ?? 15);

function newHost(): AnalysisHost {
  return new AnalysisHost({ config: DEFAULT_LINT_CONFIG });
}

/** Findings in a comparable form: sorted, with everything a diagnostic shows. */
function canonical(findings: readonly Finding[]): string[] {
  return findings.map((f) => JSON.stringify([f.range, f.rule, f.severity, f.message, f.document, f.path])).sort();
}

function fresh(text: string): { findings: string[]; documents: string[]; groups: Published } {
  const host = newHost();
  host.applyChange(URI, 1, [{ text }]);
  const analysis = host.snapshot();
  return { findings: canonical(analysis.findings(URI)), documents: documentsOf(host), groups: published(analysis) };
}

type Published = { groups: string[][]; counts: number[] };

/** What a publish reads: the groups in order (one per segment, then the template notice) and their counts. */
function published(analysis: Analysis): Published {
  const grouped = analysis.findingGroups(URI);
  const groups = Array.from({ length: grouped.size }, (_, i) =>
    grouped.group(i).map((f) => JSON.stringify([f.range, f.rule, f.document])),
  );
  return { groups, counts: [...(grouped.counts ?? [])] };
}

function documentsOf(host: AnalysisHost): string[] {
  return host
    .snapshot()
    .documents(URI)
    .map((d) => JSON.stringify([d.index, d.range, d.kind.kind]));
}

describe('incremental re-split', () => {
  // 450 fresh analyses: about 20 s alone, several times that on a loaded machine; the bound only stops a hang.
  it(`matches a fresh analysis after every edit (seed ${SEED})`, { timeout: 300_000 }, () => {
    const session = fc.record({
      files: fc.array(manifestFile, { minLength: 2, maxLength: 2 }),
      seed: fc.integer(),
      crlf: fc.boolean(),
    });
    fc.assert(
      fc.property(session, ({ files, seed, crlf }) => {
        const rand = prng(seed);
        let text = files.join('---\n');
        if (crlf) text = text.replace(/\n/g, '\r\n');
        const host = newHost();
        host.applyChange(URI, 1, [{ text }]);
        const undo: RangedChange[] = [];
        for (let version = 2; version < EDITS_PER_RUN + 2; version++) {
          const roll = rand();
          let changes: RangedChange[];
          if (roll < 0.15 && undo.length > 0) changes = [undo.pop() as RangedChange];
          else if (roll < 0.25) {
            // One message carrying several changes, each against the text the previous one left.
            changes = [];
            undo.length = 0;
            let t = text;
            for (let k = 0; k < 2 + Math.floor(rand() * 3); k++) {
              const c = randomChange(t, rand);
              changes.push(c);
              t = applyChanges(t, [c]);
            }
          } else {
            const c = randomChange(text, rand);
            undo.push(inverseChange(text, c));
            changes = [c];
          }
          host.applyChange(URI, version, changes);
          text = applyChanges(text, changes);
          // Some versions are never read, as when edits come faster than publishes: the next one is placed from the
          // last version that was.
          if (rand() < 0.3 && version < EDITS_PER_RUN + 1) continue;
          const expected = fresh(text);
          const context = `after edit ${version - 1} ${JSON.stringify(changes)} of ${JSON.stringify(text)}`;
          const analysis = host.snapshot();
          // The host never sees the editor's text after opening: what it rebuilt from the edits must be that text.
          expect(analysis.text(URI), context).toBe(text);
          expect(analysis.version(URI), context).toBe(version);
          // Findings first: documents are numbered by the analysed counts (see the numbering test below).
          expect(canonical(analysis.findings(URI)), context).toEqual(expected.findings);
          // Placed from the version before (see placeFindings): the same groups, in the same order, and counts.
          expect(published(analysis), context).toEqual(expected.groups);
          expect(documentsOf(host), context).toEqual(expected.documents);
        }
      }),
      { seed: SEED, numRuns: RUNS, endOnFailure: process.env.PODLENS_FUZZ_SHRINK !== '1' },
    );
  });

  // The length is kept from edit to edit (the index checks it on every keystroke) without joining the text.
  it(`keeps the text's length through every kind of edit (seed ${SEED})`, () => {
    fc.assert(
      fc.property(fc.array(manifestFile, { minLength: 2, maxLength: 3 }), fc.integer(), (files, seed) => {
        const rand = prng(seed);
        let text = files.join('---\n');
        const host = newHost();
        host.applyChange(URI, 1, [{ text }]);
        expect(host.snapshot().length(URI)).toBe(text.length);
        for (let version = 2; version < 40; version++) {
          const changes = [randomChange(text, rand)];
          host.applyChange(URI, version, changes);
          text = applyChanges(text, changes);
          expect(host.snapshot().length(URI), `after ${JSON.stringify(changes)}`).toBe(text.length);
        }
        host.applyChange(URI, 40, [{ text: 'replaced: all' }]);
        expect(host.snapshot().length(URI)).toBe('replaced: all'.length);
      }),
      { seed: SEED, numRuns: 50 },
    );
  });

  // Before a segment is analysed its documents are counted by a guess. A big file's analysis runs on worker threads,
  // and lenses or podDocuments answered meanwhile carry these numbers: a wrong guess (it once said 0 for any segment
  // with a `...` line) made "Preview lifecycle" open the wrong document.
  it('numbers documents that end with `...` correctly before they are analysed', () => {
    const pod = (name: string) => `---\napiVersion: v1\nkind: Pod\nmetadata: {name: ${name}}\n...\n`;
    const host = newHost();
    host.applyChange(URI, 1, [{ text: pod('a') + pod('b') + pod('c') }]);
    expect(
      host
        .snapshot()
        .documents(URI)
        .map((d) => d.index),
    ).toEqual([0, 1, 2]);
  });

  // A segment's findings depend on its text and on its file (a kustomize patch or a patch-like name makes documents
  // partial, which drops whole-object findings): two open files with one identical document must not share them.
  it('keeps the findings of a patch file apart from an identical document in another file', () => {
    const pod =
      'apiVersion: v1\nkind: Pod\nmetadata: {name: web}\nspec:\n  containers:\n  - {name: app, image: nginx:1}\n';
    const host = new AnalysisHost(
      { config: DEFAULT_LINT_CONFIG },
      { optionsFor: (uri) => ({ path: uri, kustomizePatch: uri.endsWith('patch.yaml') }) },
    );
    const base = 'file:///work/base/pod.yaml';
    const patch = 'file:///work/overlay/patch.yaml';
    host.applyChange(base, 1, [{ text: pod }]);
    host.applyChange(patch, 1, [{ text: pod }]);
    const rules = (uri: string) =>
      host
        .snapshot()
        .findings(uri)
        .map((f) => f.rule);
    expect(rules(base)).toContain('missing-liveness-probe');
    expect(rules(patch)).not.toContain('missing-liveness-probe');
  });
});
