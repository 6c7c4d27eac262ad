// Reliability (issue 8): the manifest model, every lint rule, hover, completion, the outline and the simulation
// never throw, never hang and only return ranges inside the document, on random valid manifests of every
// workload kind after random damage, and on a corpus of hostile files (alias bombs, deep nesting, long lines).
// Seeded: PODLENS_FUZZ_SEED and PODLENS_FUZZ_RUNS reproduce or extend a run; the seed is printed on failure.
import fc from 'fast-check';
import { describe, it } from 'vitest';
import type { CoreJob, CoreResult } from './fuzz/coreChecks';
import { coreJob } from './fuzz/coreJob';
import { HOSTILE_DOCUMENTS } from './fuzz/hostile';
import { coreWorkerForSuite } from './fuzz/suiteWorker';

const SEED = Number(process.env.PODLENS_FUZZ_SEED ?? 8_2024);
const RUNS = Number(process.env.PODLENS_FUZZ_RUNS ?? 250);
const runCore = coreWorkerForSuite();

function describeJob(j: CoreJob): string {
  const text =
    j.text.length > 400
      ? `${JSON.stringify(j.text.slice(0, 400))}... (${j.text.length} chars)`
      : JSON.stringify(j.text);
  return `${text} path=${j.path} cursors=${JSON.stringify(j.cursors)} until=${j.until}`;
}

async function check(j: CoreJob): Promise<CoreResult> {
  const result = await runCore(j);
  if (result.problems.length > 0) {
    throw new Error(
      `${result.problems.length} problem(s) on ${describeJob(j)}:\n${result.problems.slice(0, 8).join('\n')}`,
    );
  }
  return result;
}

/** Every line start and end, plus a few columns inside: where a hostile file is most likely to break a feature. */
function everywhere(text: string): [number, number][] {
  const lines = Math.min(40, text.split('\n').length);
  return Array.from({ length: lines }, (_, i) => [
    [i / lines, 0],
    [i / lines, 0.5],
    [i / lines, 0.999],
  ]).flat() as [number, number][];
}

describe('the core on hostile files', () => {
  it.each(HOSTILE_DOCUMENTS)('survives %s', async (_, text) => {
    // check() fails on any throw, out-of-document range or call that hangs (the worker's watchdog).
    await check({ text, path: 'hostile.yaml', cursors: everywhere(text), until: 900 });
  });
});

describe('the core on random manifests with random damage', () => {
  it(`never throws, hangs or leaves the document (seed ${SEED}, ${RUNS} runs)`, async () => {
    await fc.assert(
      fc.asyncProperty(coreJob, async (j) => {
        await check(j);
      }),
      { seed: SEED, numRuns: RUNS, endOnFailure: process.env.PODLENS_FUZZ_SHRINK !== '1' },
    );
  });
});
