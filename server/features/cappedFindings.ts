/**
 * At most `max` findings of a file, errors first and by position within a severity, plus how many were left out
 * and the first of those. VS Code keeps only the first 1,000 diagnostics of a file by severity anyway, so errors
 * must not be crowded out by hints, and a 10,000-document file must not ship (or even convert) a megabyte of
 * diagnostics per keystroke. The findings come in groups (one per segment, in file order) that stay the same
 * arrays across edits elsewhere: each group is sorted by severity once, so a publish costs one pass over the
 * groups and the kept findings, not one over the 100,000 findings of the file.
 */
import {
  COUNTS_PER_GROUP,
  countAt,
  type GroupedFindings,
  groupedList,
  SEVERITY_RANK,
  SEVERITY_RANKS,
} from '../../shared/analysis';
import type { Finding } from '../../shared/lint';

type Buckets = readonly (readonly Finding[])[];

const BUCKETS = new WeakMap<readonly Finding[], Buckets>();

/** A group's findings by severity rank, each in the group's order. */
function bucketsOf(group: readonly Finding[]): Buckets {
  let buckets = BUCKETS.get(group);
  if (!buckets) {
    const made: Finding[][] = [[], [], [], []];
    for (const f of group) (made[SEVERITY_RANK[f.severity]] as Finding[]).push(f);
    buckets = made;
    BUCKETS.set(group, buckets);
  }
  return buckets;
}

export interface Capped {
  shown: Finding[];
  hidden: number;
  firstHidden?: Finding;
}

export interface CapOptions {
  /** What of a group is published (the findings podlens defers to Red Hat YAML left out); all of it by default. */
  view?: (group: readonly Finding[]) => readonly Finding[];
  /** Whether `view` leaves out the schema rules' findings, which the groups' counts number apart. */
  deferring?: boolean;
}

/**
 * The groups in file order, capped at `max` (the last place goes to the notice of what was left out). Groups with
 * counts are opened only when they have findings of a severity that is shown.
 */
export function cappedGroups(grouped: GroupedFindings, max: number, options: CapOptions = {}): Capped {
  const { view = (g) => g, deferring = false } = options;
  const { size, counts } = grouped;
  const counted = counts ? Math.min(size, counts.length / COUNTS_PER_GROUP) : 0;
  const bucketsAt = (i: number) => bucketsOf(view(grouped.group(i)));
  const countOf = (i: number, rank: number): number =>
    i < counted
      ? countAt(counts as Uint32Array, i, rank, deferring)
      : (bucketsAt(i)[rank] as readonly Finding[]).length;
  const byRank = new Array<number>(SEVERITY_RANKS).fill(0);
  for (let i = 0; i < size; i++) {
    for (let rank = 0; rank < SEVERITY_RANKS; rank++) byRank[rank] = (byRank[rank] as number) + countOf(i, rank);
  }
  const total = byRank.reduce((a, b) => a + b, 0);
  const keep = total <= max ? total : Math.max(0, max - 1);
  const shown: Finding[] = [];
  let firstHidden: Finding | undefined;
  for (let rank = 0; rank < SEVERITY_RANKS && !firstHidden; rank++) {
    // A severity the file has none of (often errors and warnings) is not looked for group by group.
    if (byRank[rank] === 0) continue;
    for (let i = 0; i < size; i++) {
      if (countOf(i, rank) === 0) continue;
      const bySeverity = bucketsAt(i)[rank] as readonly Finding[];
      const room = keep - shown.length;
      if (room >= bySeverity.length) {
        for (const f of bySeverity) shown.push(f);
        continue;
      }
      for (let k = 0; k < room; k++) shown.push(bySeverity[k] as Finding);
      firstHidden = bySeverity[room];
      break;
    }
  }
  return firstHidden ? { shown, hidden: total - keep, firstHidden } : { shown, hidden: 0 };
}

/** One list of findings in file order, capped at `max`. */
export function capped(all: readonly Finding[], max: number): Capped {
  return cappedGroups(groupedList([all]), max);
}
