/**
 * Where segment analyses can run besides the host's own thread: the language server and the CLI hand the host a
 * worker-thread pool; the browser and tests hand it nothing and everything is analysed in-process.
 */
import type { ParseOptions } from '../model';
import type { Segment } from '../yaml/split';
import type { AnalysisSpec, SegmentAnalysis } from './segmentAnalysis';

export interface SegmentExecutor {
  /** The analyses of `segments`, in input order, as `analyzeSegment` makes them. */
  analyze(segments: Segment[], spec: AnalysisSpec, options: ParseOptions): Promise<SegmentAnalysis[]>;
  /**
   * A big file has arrived and its `analyze` will follow (once the settings are known and the lines on screen are
   * published): start what it needs now, so that the start-up overlaps that wait.
   */
  prepare?(): void;
  /** What `prepare` started and no `analyze` has taken is not needed: the batch it was for is not coming. */
  release?(): void;
}

/** Below this many segments to analyse, starting threads costs more than it saves. */
export const PARALLEL_MIN_SEGMENTS = 48;

/** How a parallel first analysis went: how many segments it took, and the executor's error if it failed. */
export interface ParallelOutcome {
  segments: number;
  error?: unknown;
}
