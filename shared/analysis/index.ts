/**
 * The analysis host's public entry: what the language server, the CLI and tests use. Everything else in this
 * directory is the host's own business.
 */
export { Analysis, type CrossFileFindings } from './analysis';
export { PARALLEL_MIN_SEGMENTS, type ParallelOutcome, type SegmentExecutor } from './executor';
export { COUNTS_PER_GROUP, countAt, SEVERITY_RANK, SEVERITY_RANKS } from './findingCounts';
export { shiftFinding } from './findings';
export { type GroupedFindings, groupedList } from './groupedFindings';
export { AnalysisHost, type HostOptions } from './host';
export type { PodSummary } from './podSummary';
export { type AnalysisSpec, analyzeSegment, type SegmentAnalysis, targetFor } from './segmentAnalysis';
export { lintCrossFile, type SegmentWorkspace, type WorkspaceReadingSpec } from './segmentWorkspace';
export type { TextChange } from './textChange';
