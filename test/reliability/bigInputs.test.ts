// Big inputs of every shape the fuzz has met or that users paste: each runs through the whole core (every rule,
// the engine, outline, hover, completion, simulation) in the fuzz worker, whose watchdog fails a hang and whose
// call budget fails any single call that grows faster than its input.
import { describe, expect, it } from 'vitest';
import { lintText } from '../../shared/lint';
import { sampleJob } from './fuzz/campaign';
import { longKeys } from './fuzz/hostile';
import { coreWorkerForSuite } from './fuzz/suiteWorker';

const runCore = coreWorkerForSuite();

async function problemsOn(text: string): Promise<string[]> {
  const cursors: [number, number][] = [0, 0.25, 0.5, 0.75, 0.999].map((f) => [f, 0.5]);
  return (await runCore({ text, path: 'pod.yaml', cursors, until: 900 })).problems;
}

describe('the core on big inputs', () => {
  it('reports 600 containers of 2,000-character keys as unknown fields, without a suggestion search per key', async () => {
    const text = longKeys(600, 2000);
    expect(await problemsOn(text)).toEqual([]);
    const unknown = lintText(text, { path: 'pod.yaml' }).filter((f) => f.rule === 'unknown-field');
    expect(unknown).toHaveLength(600);
    expect(unknown[0]?.range.start).toEqual({ line: 5, character: 6 });
  });

  it('checks a file of 40,000 syntax errors within the watchdog (npm run fuzz, seed 1, run 50)', async () => {
    const job = sampleJob(1, 50);
    const result = await runCore(job);
    expect(result.problems.filter((p) => p.startsWith('hang'))).toEqual([]);
    expect(lintText(job.text, { path: job.path }).filter((f) => f.rule === 'yaml-syntax').length).toBeGreaterThan(
      30_000,
    );
  });
});
