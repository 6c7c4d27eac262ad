// Workload-spec parity: every workload kind's own spec, as a v1.36 API server validates it after defaulting. Every
// invalid manifest is flagged at the API's error path; no valid one, however tricky, gets an error.
import { describe, expect, it } from 'vitest';
import { WORKLOAD_CASES } from '../../fixtures/lint/api/workloadCases';
import { runValidationCases } from '../../helpers/lint/runValidationCases';

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

  runValidationCases(WORKLOAD_CASES);
});
