// A big file publishes at most podlens.lint.maxDiagnosticsPerFile diagnostics: errors first, then warnings, infos
// and hints, each severity in file order, and the count and place of the first finding left out for the notice.
import { describe, expect, it } from 'vitest';
import { capped, cappedGroups } from '../../server/features/cappedFindings';
import { groupedList } from '../../shared/analysis';
import { COUNTS_PER_GROUP, countInto } from '../../shared/analysis/findingCounts';
import { SCHEMA_RULES } from '../../shared/coexistence';
import type { Finding } from '../../shared/lint';
import type { Severity } from '../../shared/util/range';

const finding = (line: number, severity: Severity): Finding => ({
  rule: `rule-${line}`,
  severity,
  message: `finding on line ${line}`,
  range: { start: { line, character: 0 }, end: { line, character: 1 } },
  path: 'spec',
  document: 0,
});

const SEVERITIES: Severity[] = ['hint', 'warning', 'info', 'error'];
/** Twelve findings in file order, severities mixed: errors on lines 3, 7 and 11. */
const ALL = Array.from({ length: 12 }, (_, line) => finding(line, SEVERITIES[line % 4] as Severity));
const lines = (fs: readonly Finding[]) => fs.map((f) => f.range.start.line);

describe('capped diagnostics', () => {
  it('orders every finding by severity, then by position, when they fit', () => {
    const { shown, hidden, firstHidden } = capped(ALL, 12);
    expect(lines(shown)).toEqual([3, 7, 11, 1, 5, 9, 2, 6, 10, 0, 4, 8]);
    expect(hidden).toBe(0);
    expect(firstHidden).toBeUndefined();
  });

  it('keeps max - 1 findings, errors first, and counts the rest for the notice', () => {
    const { shown, hidden, firstHidden } = capped(ALL, 5);
    expect(lines(shown)).toEqual([3, 7, 11, 1]);
    expect(hidden).toBe(8);
    expect(firstHidden?.range.start.line).toBe(5);
  });

  it('caps findings that come in groups (one per segment) as the same findings in one list', () => {
    for (let max = 1; max <= 13; max++) {
      for (const cut of [
        [4, 8],
        [0, 1, 2, 12],
        [3, 3, 6],
      ]) {
        const groups = [0, ...cut].map((start, i, starts) => ALL.slice(start, starts[i + 1] ?? ALL.length));
        const grouped = cappedGroups(groupedList([[], ...groups]), max);
        expect({ ...grouped, shown: lines(grouped.shown) }).toEqual({
          ...capped(ALL, max),
          shown: lines(capped(ALL, max).shown),
        });
      }
    }
  });

  // A 10,000-document file's publish finds the groups it keeps by their counts instead of opening every group: it
  // must keep exactly what opening them keeps, also when the schema rules' findings are left out (Red Hat YAML
  // reports those) and when groups after the counted ones (the template notice, cross-file findings) have some.
  it('keeps the same findings when it finds the groups by their counts', () => {
    const schemaRule = [...SCHEMA_RULES][0] as string;
    const mixed = ALL.map((f, line) => (line % 3 === 0 ? { ...f, rule: schemaRule } : f));
    const groups = [[], mixed.slice(0, 4), mixed.slice(4, 5), [], mixed.slice(5, 11), mixed.slice(11)];
    const counted = groups.slice(0, 4);
    const counts = new Uint32Array(counted.length * COUNTS_PER_GROUP);
    counted.forEach((g, i) => {
      countInto(g, counts, i);
    });
    const withoutSchema = (g: readonly Finding[]) => g.filter((f) => !SCHEMA_RULES.has(f.rule));
    for (let max = 1; max <= 13; max++) {
      for (const deferring of [false, true]) {
        const view = deferring ? withoutSchema : undefined;
        const opened = cappedGroups(groupedList(groups), max, { view });
        const found = cappedGroups({ ...groupedList(groups), counts }, max, { view, deferring });
        expect({ ...found, shown: lines(found.shown) }).toEqual({ ...opened, shown: lines(opened.shown) });
        expect(opened.shown.length + opened.hidden).toBe(deferring ? withoutSchema(mixed).length : mixed.length);
      }
    }
  });

  // After a line is added at the top of a 10,000-document file every group has moved, and placing them all again
  // took 60 ms per keystroke: with counts, the publish opens only the groups whose findings it shows.
  it('opens only the groups it shows when the groups are counted', () => {
    const groups = Array.from({ length: 500 }, (_, i) => [finding(2 * i, 'info'), finding(2 * i + 1, 'hint')]);
    groups[400] = [finding(800, 'error'), finding(801, 'hint')];
    const counts = new Uint32Array(groups.length * COUNTS_PER_GROUP);
    groups.forEach((g, i) => {
      countInto(g, counts, i);
    });
    const opened = new Set<number>();
    const group = (i: number) => {
      opened.add(i);
      return groups[i] ?? [];
    };
    const grouped = { ...groupedList(groups), counts, group };
    const { shown, hidden, firstHidden } = cappedGroups(grouped, 11);
    expect(lines(shown)).toEqual([800, 0, 2, 4, 6, 8, 10, 12, 14, 16]);
    expect(hidden).toBe(990);
    expect(firstHidden?.range.start.line).toBe(18);
    expect([...opened].sort((a, b) => a - b)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 400]);
  });
});
