// Workload-spec parity: every workload kind's own spec, as a v1.36 API server validates it after defaulting. Every
// invalid manifest is flagged at the API's error path; no valid one, however tricky, gets an error.
import { describe, expect, it } from 'vitest';
import { lintText } from '../../../shared/lint';
import { WORKLOAD_CASES } from '../../fixtures/lint/api/workloadCases';

/** Upstream prints map keys as `labels[job-name]`; podlens paths use `.job-name` for identifier-like keys. */
function normalise(path: string): string {
  return path.replace(/\[([A-Za-z_$][\w$-]*)\]/g, '.$1');
}

const KINDS = ['Deployment', 'ReplicaSet', 'ReplicationController', 'StatefulSet', 'DaemonSet', 'Job', 'CronJob'];

describe('workload-spec parity with apps and batch validation', () => {
  it('covers every workload kind with valid and invalid manifests', () => {
    for (const kind of KINDS) {
      const ofKind = WORKLOAD_CASES.filter((c) => c.yaml.includes(`\nkind: ${kind}\n`));
      expect(
        ofKind.some((c) => c.expect === 'valid'),
        kind,
      ).toBe(true);
      expect(
        ofKind.some((c) => c.expect !== 'valid'),
        kind,
      ).toBe(true);
    }
    expect(WORKLOAD_CASES.length).toBeGreaterThanOrEqual(90);
  });

  for (const c of WORKLOAD_CASES) {
    it(c.source, () => {
      const errors = lintText(c.yaml).filter((f) => f.severity === 'error');
      const got = errors.map((f) => `${f.rule} ${normalise(f.path)}`);
      if (c.expect === 'valid') {
        expect(got).toEqual([]);
        return;
      }
      const want = c.expect.map((x) => `${x.rule} ${normalise(x.path)}`);
      for (const w of want) expect(got).toContain(w);
      if (c.only) expect([...new Set(got)].sort()).toEqual([...new Set(want)].sort());
    });
  }
});
