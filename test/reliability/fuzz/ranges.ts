/**
 * Checks that ranges lie inside a text as an editor sees it: lines end at `\r\n` or `\n`, a line's length
 * excludes its line break, characters are UTF-16 code units. Finds every range in any result by shape.
 * A lone `\r` is not a line break here, although LSP allows it: VS Code normalises lone CRs to the file's line
 * ending before the text reaches a server, and the `yaml` parser (so the whole model) reads one as a character.
 */
import type { Position, Range } from '../../../shared/util/range';

export type { Position, Range };

/** Line lengths of a text, without line breaks. */
export function lineLengths(text: string): number[] {
  return text.split(/\r?\n/).map((l) => l.length);
}

const isPosition = (p: unknown): p is Position =>
  typeof p === 'object' &&
  p !== null &&
  typeof (p as Position).line === 'number' &&
  typeof (p as Position).character === 'number';

export const isRange = (r: unknown): r is Range =>
  typeof r === 'object' && r !== null && isPosition((r as Range).start) && isPosition((r as Range).end);

function positionProblem(lines: readonly number[], p: Position): string | undefined {
  if (!Number.isInteger(p.line) || !Number.isInteger(p.character)) return 'not integers';
  if (p.line < 0 || p.character < 0) return 'negative';
  const length = lines[p.line];
  if (length === undefined) return `line ${p.line} >= line count ${lines.length}`;
  if (p.character > length) return `character ${p.character} > length ${length} of line ${p.line}`;
  return undefined;
}

/** Why a range does not lie inside the text, or undefined when it does. */
export function rangeProblem(lines: readonly number[], r: Range): string | undefined {
  const problem = positionProblem(lines, r.start) ?? positionProblem(lines, r.end);
  if (problem) return problem;
  if (r.start.line > r.end.line || (r.start.line === r.end.line && r.start.character > r.end.character)) {
    return 'start after end';
  }
  return undefined;
}

/** Why folding lines do not lie inside the text, or undefined. */
export function foldProblem(lines: readonly number[], f: { startLine: number; endLine: number }): string | undefined {
  if (f.startLine < 0 || f.endLine >= lines.length)
    return `lines ${f.startLine}-${f.endLine} outside 0-${lines.length - 1}`;
  if (f.startLine > f.endLine) return 'start after end';
  return undefined;
}

/**
 * Every range-shaped or fold-shaped object anywhere in `value` that does not lie inside the text, described with
 * the path where it was found. Walks plain data only (results, never ASTs), each object once. The path is a stack
 * joined only for a problem: building a string per node made the walk quadratic in the depth of a deep outline.
 */
export function rangeProblems(lines: readonly number[], value: unknown, where: string): string[] {
  const out: string[] = [];
  const seen = new Set<object>();
  const path: string[] = [];
  const report = (v: object, problem: string) => out.push(`${where}${path.join('')}: ${JSON.stringify(v)}: ${problem}`);
  const walk = (v: unknown) => {
    if (typeof v !== 'object' || v === null || seen.has(v)) return;
    seen.add(v);
    if (isRange(v)) {
      const p = rangeProblem(lines, v);
      if (p) report(v, p);
      return;
    }
    const fold = v as { startLine?: unknown; endLine?: unknown };
    if (typeof fold.startLine === 'number' && typeof fold.endLine === 'number') {
      const p = foldProblem(lines, fold as { startLine: number; endLine: number });
      if (p) report(v, p);
    }
    const entries = Array.isArray(v)
      ? v.map((x, i) => [`[${i}]`, x] as const)
      : Object.entries(v).map(([k, x]) => [`.${k}`, x] as const);
    for (const [step, x] of entries) {
      path.push(step);
      walk(x);
      path.pop();
    }
  };
  walk(value);
  return out;
}
