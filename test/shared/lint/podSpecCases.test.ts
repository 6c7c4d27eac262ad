// PodSpec parity with a v1.36 API server: each invalid case is flagged at the API's error path, no valid one gets
// an error (tolerations, affinity, topology spread, DNS, gates, security contexts, OS, volumes, claims, ...).
import { describe, expect, it } from 'vitest';
import { POD_SPEC_CASES } from '../../fixtures/lint/api/podSpecCases';
import { runValidationCases } from '../../helpers/lint/runValidationCases';

describe('pod-spec validation parity with a v1.36 API server', () => {
  it('covers at least 80 manifests, with valid-but-tricky ones', () => {
    expect(POD_SPEC_CASES.length).toBeGreaterThanOrEqual(80);
    expect(POD_SPEC_CASES.filter((c) => c.expect === 'valid').length).toBeGreaterThanOrEqual(20);
  });

  runValidationCases(POD_SPEC_CASES);
});
