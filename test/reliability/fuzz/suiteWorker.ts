/**
 * The core worker of one test file: started before its tests, stopped after them. Kept apart from watchdog.ts,
 * which scripts/fuzz.mjs bundles without vitest.
 */
import { afterAll, beforeAll } from 'vitest';
import type { CoreJob, CoreResult } from './coreChecks';
import { CoreWorker } from './watchdog';

/** Far above any honest call: only a hang or an exponential blow-up reaches it. */
const HANG_MS = 30_000;

/**
 * Registers the worker's start and stop with the calling file and returns its runner: the checks' result, where a
 * hang or a dead worker is one more problem rather than a rejection.
 */
export function coreWorkerForSuite(): (job: CoreJob) => Promise<CoreResult> {
  let worker: CoreWorker | undefined;
  beforeAll(async () => {
    worker = await CoreWorker.start();
  });
  afterAll(async () => {
    await worker?.stop();
  });
  return async (job) => {
    if (!worker) throw new Error('the core worker runs only inside the tests of the file that asked for it');
    return worker.run(job, HANG_MS).catch((err: Error) => ({ problems: [err.message], slowest: { what: '', ms: 0 } }));
  };
}
