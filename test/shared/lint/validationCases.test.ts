// Validation parity: manifests derived from Kubernetes' validation tests; every invalid one is flagged at the API's
// error path, no valid one gets an error.
import { describe, expect, it } from 'vitest';
import { lintText } from '../../../shared/lint';
import { VALIDATION_CASES } from '../../fixtures/lint/api/validationCases';

/** Upstream prints map keys as `limits[cpu]`; podlens paths use `.cpu` for identifier-like keys. */
function normalise(path: string): string {
  return path.replace(/\[([A-Za-z_$][\w$-]*)\]/g, '.$1');
}

describe('validation parity with validation_test.go', () => {
  it('covers at least 80 manifests, valid and invalid', () => {
    expect(VALIDATION_CASES.length).toBeGreaterThanOrEqual(80);
    expect(VALIDATION_CASES.filter((c) => c.expect === 'valid').length).toBeGreaterThanOrEqual(15);
  });

  for (const c of VALIDATION_CASES) {
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
