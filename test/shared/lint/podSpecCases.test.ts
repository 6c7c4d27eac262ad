// PodSpec parity with a v1.36 API server: each invalid case is flagged at the API's error path, no valid one gets
// an error (tolerations, affinity, topology spread, DNS, gates, security contexts, OS, volumes, claims, ...).
import { describe, expect, it } from 'vitest';
import { lintText } from '../../../shared/lint';
import { POD_SPEC_CASES } from '../../fixtures/lint/api/podSpecCases';

/** Upstream prints map keys as `resources[storage]`; podlens paths use `.storage` for identifier-like keys. */
function normalise(path: string): string {
  return path.replace(/\[([A-Za-z_$][\w$-]*)\]/g, '.$1');
}

describe('pod-spec validation parity with a v1.36 API server', () => {
  it('covers at least 80 manifests, with valid-but-tricky ones', () => {
    expect(POD_SPEC_CASES.length).toBeGreaterThanOrEqual(80);
    expect(POD_SPEC_CASES.filter((c) => c.expect === 'valid').length).toBeGreaterThanOrEqual(20);
  });

  for (const c of POD_SPEC_CASES) {
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
