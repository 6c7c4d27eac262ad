/**
 * Runs segment analyses in worker threads when a big file opens: parsing and linting 1,000 documents is CPU
 * work that splits cleanly by segment. Workers are stopped after their batch, so an idle server holds no extra
 * threads or memory. They are started as soon as a big file's text arrives (`prepare`), so that loading the bundle
 * in each overlaps the settings round trip and the in-process analysis of the lines on screen; never at start-up,
 * where they would cost every small file's first diagnostics and memory. Workers no batch takes are stopped. The
 * worker is the server bundle itself, started with a role in workerData.
 */
import os from 'node:os';
import v8 from 'node:v8';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { type AnalysisSpec, analyzeSegment, type SegmentAnalysis, type SegmentExecutor } from '../shared/analysis';
import type { ParseOptions, Segment } from '../shared/model';

const ROLE = 'podlens-analysis';

/** How long workers started ahead wait for a batch when nothing says it is not coming (the settings never came). */
const WARM_IDLE_MS = 20_000;

interface Job {
  segments: Segment[];
  /**
   * The `AnalysisSpec`, serialized once for every worker of the batch: with the workspace index's facts for the
   * segments' workspace readings (./workspaceReadings) it weighs megabytes in a big workspace, and each
   * `postMessage` would serialize it again on the main thread.
   */
  spec: Uint8Array;
  options: ParseOptions;
}

export function isAnalysisWorker(): boolean {
  return !isMainThread && (workerData as { role?: string } | undefined)?.role === ROLE;
}

/**
 * Segments whose analyses a worker posts at once. Posting as it goes, a worker holds at most this many analyses
 * (a 10,000-document file's would be a few hundred megabytes across the workers), and the main thread reads
 * them in small pieces between requests instead of in one long structured clone at the end.
 */
const POST_EVERY = 100;

/** What a worker posts: a run of analyses in input order, then that it is done. */
type WorkerMessage = { analyses: SegmentAnalysis[] } | { done: true };

/** The worker side: analyse the segments it is given and post the analyses back, in order. */
export function runAnalysisWorker(): void {
  parentPort?.once('message', (job: Job) => {
    const spec = v8.deserialize(job.spec) as AnalysisSpec;
    for (let i = 0; i < job.segments.length; i += POST_EVERY) {
      const analyses = job.segments.slice(i, i + POST_EVERY).map((s) => analyzeSegment(s, spec, job.options).analysis);
      parentPort?.postMessage({ analyses } satisfies WorkerMessage);
    }
    parentPort?.postMessage({ done: true } satisfies WorkerMessage);
  });
}

/** The analysis host's executor in Node: segment analyses on worker threads. */
export class AnalysisPool implements SegmentExecutor {
  /** Workers started ahead that no batch has taken yet, with the listener that drops one that fails meanwhile. */
  private readonly ready = new Map<Worker, () => void>();
  private idleTimer: NodeJS.Timeout | undefined;

  constructor(
    /** The bundled server file (it doubles as the worker script). */
    private readonly script: string,
    private readonly threads = Math.max(1, Math.min(4, os.availableParallelism?.() ?? os.cpus().length)),
  ) {}

  /** Starts the workers of the next batch now; they are stopped if no batch takes them soon. */
  prepare(): void {
    while (this.ready.size < this.threads) {
      const worker = this.spawn();
      // A worker that fails or ends while waiting is simply not used; the batch starts a fresh one.
      const drop = () => this.ready.delete(worker);
      this.ready.set(worker, drop);
      worker.on('error', drop);
      worker.on('exit', drop);
    }
    clearTimeout(this.idleTimer);
    this.idleTimer = setTimeout(() => this.stopReady(), WARM_IDLE_MS);
    this.idleTimer.unref();
  }

  /** Analyses the segments on up to `threads` workers; results come back in input order. */
  async analyze(segments: Segment[], spec: AnalysisSpec, options: ParseOptions): Promise<SegmentAnalysis[]> {
    const n = Math.min(this.threads, segments.length);
    const size = Math.ceil(segments.length / n);
    const chunks = Array.from({ length: n }, (_, i) => segments.slice(i * size, (i + 1) * size));
    const packed = v8.serialize(spec);
    const results = await Promise.all(
      chunks.map((chunk) => this.runWorker({ segments: chunk, spec: packed, options })),
    );
    return results.flat();
  }

  private spawn(): Worker {
    return new Worker(this.script, { workerData: { role: ROLE }, argv: [] });
  }

  /** A worker started ahead if one is still waiting, else a new one. */
  private take(): Worker {
    const [entry] = this.ready;
    if (!entry) return this.spawn();
    const [worker, drop] = entry;
    this.ready.delete(worker);
    worker.off('error', drop);
    worker.off('exit', drop);
    return worker;
  }

  release(): void {
    clearTimeout(this.idleTimer);
    this.stopReady();
  }

  private stopReady(): void {
    for (const worker of this.ready.keys()) void worker.terminate();
    this.ready.clear();
  }

  private runWorker(job: Job): Promise<SegmentAnalysis[]> {
    return new Promise((resolve, reject) => {
      const worker = this.take();
      const analyses: SegmentAnalysis[] = [];
      worker.on('message', (m: WorkerMessage) => {
        if ('analyses' in m) {
          for (const a of m.analyses) analyses.push(a);
          return;
        }
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
