// Parity with Kubernetes' own validation tests (core, apps, batch, apimachinery), widened: every invalid manifest
// is flagged at the API's error path and no valid one gets an error.
import { describe, expect, it } from 'vitest';
import { UPSTREAM_CASES } from '../../fixtures/lint/api/upstreamCases';
import { runValidationCases } from '../../helpers/lint/runValidationCases';

describe('validation parity with the upstream validation tests', () => {
  it('covers 150+ manifests across metadata, pod spec, containers, volumes and every workload kind', () => {
    expect(UPSTREAM_CASES.length).toBeGreaterThanOrEqual(150);
    expect(UPSTREAM_CASES.filter((c) => c.expect === 'valid').length).toBeGreaterThanOrEqual(60);
    for (const kind of [
      'Deployment',
      'ReplicaSet',
      'ReplicationController',
      'StatefulSet',
      'DaemonSet',
      'Job',
      'CronJob',
    ])
      expect(
        UPSTREAM_CASES.some((c) => c.yaml.includes(`\nkind: ${kind}\n`)),
        kind,
      ).toBe(true);
  });

  runValidationCases(UPSTREAM_CASES);
});
