/**
 * A long core-fuzz campaign (scripts/fuzz.mjs, `npm run fuzz`): every run of the seeded stream is checked under the
 * watchdog, and every problem is collected with its run number instead of stopping at the first, so one campaign
 * reports all it finds. `sampleJob(seed, run)` rebuilds the input of any run for a regression test.
 */
import fc from 'fast-check';
import type { CoreJob } from './coreChecks';
import { coreJob } from './coreJob';
import { CoreWorker } from './watchdog';

export interface CampaignProblem {
  run: number;
  bytes: number;
  problems: string[];
}

export interface CampaignResult {
  seed: number;
  runs: number;
  problems: CampaignProblem[];
  slowest: { run: number; what: string; ms: number };
}

/** Far above any honest call: only a hang or an exponential blow-up reaches it (as in core.fuzz.test.ts). */
const HANG_MS = 30_000;

export async function runCampaign(options: {
  seed: number;
  runs: number;
  sourceDir: string;
  onProgress?: (result: CampaignResult) => void;
  /** Called as each problem is found, so a long campaign that is stopped early still shows what it found. */
  onProblem?: (problem: CampaignProblem) => void;
}): Promise<CampaignResult> {
  const worker = await CoreWorker.start(options.sourceDir);
  const result: CampaignResult = { seed: options.seed, runs: 0, problems: [], slowest: { run: 0, what: '', ms: 0 } };
  try {
    await fc.assert(
      fc.asyncProperty(coreJob, async (job) => {
        const run = ++result.runs;
        const checked = await worker
          .run(job, HANG_MS)
          .catch((err: Error) => ({ problems: [err.message], slowest: { what: 'the whole run', ms: HANG_MS } }));
        if (checked.slowest.ms > result.slowest.ms) result.slowest = { run, ...checked.slowest };
        if (checked.problems.length > 0) {
          const problem = { run, bytes: job.text.length, problems: checked.problems };
          result.problems.push(problem);
          options.onProblem?.(problem);
        }
        if (run % 100 === 0) options.onProgress?.(result);
      }),
      { seed: options.seed, numRuns: options.runs },
    );
  } finally {
    await worker.stop();
  }
  return result;
}

/** The job of run `run` (1-based) of the stream `seed`, as the campaign and core.fuzz.test.ts generate it. */
export function sampleJob(seed: number, run: number): CoreJob {
  return fc.sample(coreJob, { seed, numRuns: run })[run - 1] as CoreJob;
}
