/**
 * "Did you mean" suggestions for misspelled keys and rule ids: an exact case-insensitive match first
 * (`imagePullpolicy` -> `imagePullPolicy`), then the closest candidate by optimal-string-alignment
 * (Damerau-Levenshtein) distance, within a budget that grows with the word so short keys do not match noise.
 */

/** Edit distance counting insertions, deletions, substitutions and adjacent transpositions as one each. */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  const rows = a.length + 1;
  const cols = b.length + 1;
  const d: number[][] = Array.from({ length: rows }, (_, i) => {
    const row = new Array<number>(cols).fill(0);
    row[0] = i;
    return row;
  });
  for (let j = 0; j < cols; j++) (d[0] as number[])[j] = j;
  for (let i = 1; i < rows; i++) {
    const row = d[i] as number[];
    const prev = d[i - 1] as number[];
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min((prev[j] as number) + 1, (row[j - 1] as number) + 1, (prev[j - 1] as number) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        v = Math.min(v, ((d[i - 2] as number[])[j - 2] as number) + 1);
      }
      row[j] = v;
    }
  }
  return (d[rows - 1] as number[])[cols - 1] as number;
}

/** Largest distance still taken as a typo: 1 for short words, up to a third of the word. */
function budget(word: string): number {
  return Math.max(1, Math.min(3, Math.floor(word.length / 3)));
}

/**
 * The candidate the user most likely meant, or undefined.
 * @example
 *   suggest('restartpolicy', ['restartPolicy', 'readinessGates']) // 'restartPolicy'
 *   suggest('Version', ['apiVersion', 'kind']) // 'apiVersion' (a missing prefix counts as a suffix match)
 */
export function suggest(word: string, candidates: Iterable<string>): string | undefined {
  const lower = word.toLowerCase();
  const limit = budget(word);
  let best: string | undefined;
  let bestScore = Number.POSITIVE_INFINITY;
  const tails: string[] = [];
  for (const c of candidates) {
    const cl = c.toLowerCase();
    if (cl === lower) return c;
    if (word.length >= 4 && cl.endsWith(lower)) tails.push(c);
    // The distance is at least the difference in length: skipping those keeps a pasted 5,000-character key
    // from costing a 5,000-by-n table per candidate.
    if (Math.abs(cl.length - lower.length) > limit) continue;
    const score = editDistance(lower, cl);
    if (score <= limit && score < bestScore) {
      best = c;
      bestScore = score;
    }
  }
  // `Version` for `apiVersion`: the word is the tail of exactly one longer key (`Port` fits two, so no guess).
  return best ?? (tails.length === 1 ? tails[0] : undefined);
}
