/**
 * Runs segment analyses in worker threads when a big file opens: parsing and linting 1,000 documents is CPU
 * work that splits cleanly by segment. Workers are started per batch and stopped after it, so an idle server
 * holds no extra threads or memory. The worker is the server bundle itself, started with a role in workerData.
 */
import os from 'node:os';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { type AnalysisSpec, analyzeSegment, type SegmentAnalysis, type SegmentExecutor } from '../shared/analysis';
import type { ParseOptions, Segment } from '../shared/model';

const ROLE = 'podlens-analysis';

interface Job {
  segments: Segment[];
  spec: AnalysisSpec;
  options: ParseOptions;
}

export function isAnalysisWorker(): boolean {
  return !isMainThread && (workerData as { role?: string } | undefined)?.role === ROLE;
}

/** The worker side: analyse the segments it is given and post the analyses back, in order. */
export function runAnalysisWorker(): void {
  parentPort?.once('message', (job: Job) => {
    const analyses = job.segments.map((s) => analyzeSegment(s, job.spec, job.options).analysis);
    parentPort?.postMessage(analyses);
  });
}

/** The analysis host's executor in Node: segment analyses on worker threads. */
export class AnalysisPool implements SegmentExecutor {
  constructor(
    /** The bundled server file (it doubles as the worker script). */
    private readonly script: string,
    private readonly threads = Math.max(1, Math.min(4, os.availableParallelism?.() ?? os.cpus().length)),
  ) {}

  /** Analyses the segments on up to `threads` workers; results come back in input order. */
  async analyze(segments: Segment[], spec: AnalysisSpec, options: ParseOptions): Promise<SegmentAnalysis[]> {
    const n = Math.min(this.threads, segments.length);
    const size = Math.ceil(segments.length / n);
    const chunks = Array.from({ length: n }, (_, i) => segments.slice(i * size, (i + 1) * size));
    const results = await Promise.all(chunks.map((chunk) => this.runWorker({ segments: chunk, spec, options })));
    return results.flat();
  }

  private runWorker(job: Job): Promise<SegmentAnalysis[]> {
    return new Promise((resolve, reject) => {
      const worker = new Worker(this.script, { workerData: { role: ROLE }, argv: [] });
      worker.once('message', (analyses: SegmentAnalysis[]) => {
        resolve(analyses);
        void worker.terminate();
      });
      worker.once('error', reject);
      worker.once('exit', (code) => {
        if (code !== 0) reject(new Error(`analysis worker exited with code ${code}`));
      });
      worker.postMessage(job);
    });
  }
}
