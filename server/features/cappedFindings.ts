/**
 * At most `max` findings of a file, errors first and by position within a severity, plus how many were left out
 * and the first of those. VS Code keeps only the first 1,000 diagnostics of a file by severity anyway, so errors
 * must not be crowded out by hints, and a 10,000-document file must not ship (or even convert) a megabyte of
 * diagnostics per keystroke. The findings come in groups (one per segment, in file order) that stay the same
 * arrays across edits elsewhere: each group is sorted by severity once, so a publish costs one pass over the
 * groups and the kept findings, not one over the 100,000 findings of the file.
 */
import type { Finding } from '../../shared/lint';
import type { Severity } from '../../shared/util/range';

const SEVERITY_RANK: Readonly<Record<Severity, number>> = { error: 0, warning: 1, info: 2, hint: 3 };

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

/** `groups` in file order, capped at `max` (the last place goes to the notice of what was left out). */
export function cappedGroups(groups: readonly (readonly Finding[])[], max: number): Capped {
  const buckets = groups.map(bucketsOf);
  let total = 0;
  for (const b of buckets) for (const bySeverity of b) total += bySeverity.length;
  const keep = total <= max ? total : Math.max(0, max - 1);
  const shown: Finding[] = [];
  let firstHidden: Finding | undefined;
  for (let rank = 0; rank < 4 && !firstHidden; rank++) {
    for (const b of buckets) {
      const bySeverity = b[rank] as readonly Finding[];
      if (bySeverity.length === 0) continue;
      const room = keep - shown.length;
      if (room >= bySeverity.length) {
        for (const f of bySeverity) shown.push(f);
        continue;
      }
      for (let i = 0; i < room; i++) shown.push(bySeverity[i] as Finding);
      firstHidden = bySeverity[room];
      break;
    }
  }
  return firstHidden ? { shown, hidden: total - keep, firstHidden } : { shown, hidden: 0 };
}

/** One list of findings in file order, capped at `max`. */
export function capped(all: readonly Finding[], max: number): Capped {
  return cappedGroups([all], max);
}
