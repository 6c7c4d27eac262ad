/**
 * How many findings a group holds per severity, kept beside a file's groups so that a publish capped at 1,000
 * diagnostics finds the groups it shows without opening the 10,000 it does not.
 */
import { SCHEMA_RULES } from '../coexistence';
import type { Finding } from '../lint';
import type { Severity } from '../util/range';
import type { SegmentAnalysis } from './segmentAnalysis';

/** The order a capped publish keeps findings in: errors first, hints last. */
export const SEVERITY_RANK: Readonly<Record<Severity, number>> = { error: 0, warning: 1, info: 2, hint: 3 };

export const SEVERITY_RANKS = 4;

/**
 * Numbers per group: its findings of each severity rank, then of each rank those of the rules Red Hat YAML's
 * schema also reports (left out of a publish when podlens defers to it).
 */
export const COUNTS_PER_GROUP = 2 * SEVERITY_RANKS;

/** Counts `findings` into `counts` at group `group`. */
export function countInto(findings: readonly Finding[], counts: Uint32Array, group: number): void {
  const at = group * COUNTS_PER_GROUP;
  for (const f of findings) {
    const rank = SEVERITY_RANK[f.severity];
    (counts[at + rank] as number)++;
    if (SCHEMA_RULES.has(f.rule)) (counts[at + SEVERITY_RANKS + rank] as number)++;
  }
}

const OF_ANALYSIS = new WeakMap<SegmentAnalysis, Uint32Array>();

/** The counts of one segment's findings: the same wherever the segment moves, so counted once per analysis. */
export function analysisCounts(analysis: SegmentAnalysis): Uint32Array {
  let counts = OF_ANALYSIS.get(analysis);
  if (!counts) {
    counts = new Uint32Array(COUNTS_PER_GROUP);
    countInto(analysis.findings, counts, 0);
    OF_ANALYSIS.set(analysis, counts);
  }
  return counts;
}

/** The findings of group `group` at `rank`, without those of the schema rules when `deferring`. */
export function countAt(counts: Uint32Array, group: number, rank: number, deferring: boolean): number {
  const at = group * COUNTS_PER_GROUP + rank;
  return (counts[at] as number) - (deferring ? (counts[at + SEVERITY_RANKS] as number) : 0);
}
