/**
 * A file's findings in groups, as a capped publish reads them: one group per segment, then the file-level ones.
 * A group is asked for by index, so that a file whose every segment moved (a line added at its top) places only
 * the groups a publish shows.
 */
import type { Finding } from '../lint';

export interface GroupedFindings {
  /** How many groups. */
  readonly size: number;
  /** Group `i`'s findings, in file order. */
  group(i: number): readonly Finding[];
  /** COUNTS_PER_GROUP numbers (./findingCounts) for each of the first `counts.length / COUNTS_PER_GROUP` groups. */
  readonly counts?: Uint32Array;
}

/** Groups that are arrays already. */
export function groupedList(groups: readonly (readonly Finding[])[]): GroupedFindings {
  return { size: groups.length, group: (i) => groups[i] ?? [] };
}
