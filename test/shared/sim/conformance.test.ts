// The conformance suite (issue 3): data in test/fixtures/sim/*.yaml, each case citing the Kubernetes source of
// its expectations; snapshots at given instants, exact event times (back-off schedules) and summaries.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkSim, FIXTURES, loadCases } from './checkSim';

const FILES = fs
  .readdirSync(path.join(FIXTURES, 'sim'))
  .filter((f) => f.endsWith('.yaml'))
  .sort();

describe('conformance', () => {
  const all = FILES.flatMap((f) => loadCases(f).map((c) => ({ file: f, c })));

  it('has at least 40 cases, each citing its source, and covers every seed manifest', () => {
    expect(all.length).toBeGreaterThanOrEqual(40);
    for (const { c } of all) expect(c.source, c.name).toMatch(/\S/);
    const seeds = fs.readdirSync(path.join(FIXTURES, 'seeds')).filter((f) => f.endsWith('.yaml'));
    const covered = new Set(all.map(({ c }) => c.manifestFile?.replace('seeds/', '')));
    expect(seeds.filter((s) => !covered.has(s))).toEqual([]);
  });

  for (const file of FILES) {
    describe(file, () => {
      for (const c of loadCases(file)) it(c.name, () => checkSim(c));
    });
  }
});
