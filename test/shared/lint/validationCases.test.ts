// Validation parity: manifests derived from Kubernetes' validation tests; every invalid one is flagged at the API's
// error path, no valid one gets an error.
import { describe, expect, it } from 'vitest';
import { VALIDATION_CASES } from '../../fixtures/lint/api/validationCases';
import { runValidationCases } from '../../helpers/lint/runValidationCases';

describe('validation parity with validation_test.go', () => {
  it('covers at least 80 manifests, valid and invalid', () => {
    expect(VALIDATION_CASES.length).toBeGreaterThanOrEqual(80);
    expect(VALIDATION_CASES.filter((c) => c.expect === 'valid').length).toBeGreaterThanOrEqual(15);
  });

  runValidationCases(VALIDATION_CASES);
});
