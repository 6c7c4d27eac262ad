// "Compare with v1.xx" over LSP: the podlens/compareVersions request lints and simulates the open file against a
// second version. A preStop `sleep` hook is accepted from v1.30 (PodLifecycleSleepAction beta) and rejected in
// v1.29: the comparison shows the new error and the pod that is never created.
import { describe, expect, it } from 'vitest';
import { CompareVersionsRequest, compareVersionsResultSchema } from '../../shared/protocol/lsp';
import { lspClientForSuite } from '../helpers/lspClient';
import { webPod } from '../helpers/manifests';

const POD = webPod(
  'registry.example/app:1.4.2',
  `    command: [sleep, infinity]
    lifecycle:
      preStop:
        sleep:
          seconds: 5
`,
);

const client = lspClientForSuite({ settings: () => ({}) });

describe('podlens/compareVersions', () => {
  it('reports the diagnostics and the timeline that change between v1.36 and v1.29', async () => {
    const uri = client().uri('compare-versions.yaml');
    await client().open(uri, POD);
    const raw = await client().connection.sendRequest(CompareVersionsRequest.method, {
      textDocument: { uri },
      other: { minor: 29, featureGates: {} },
    });
    const r = compareVersionsResultSchema.parse(raw);
    expect(r.base).toBe('v1.36');
    expect(r.other).toBe('v1.29');
    expect(r.added).toContainEqual(expect.objectContaining({ rule: 'feature-gate-off', severity: 'error', line: 11 }));
    expect(r.removed).toEqual([]);
    const pod = r.pods[0];
    expect(pod?.same).toBe(false);
    expect(pod?.base.steps[0]).toMatch(/^0 /);
    expect(pod?.other.steps).toEqual([]);
    expect(pod?.other.rejected[0]).toMatch(/^spec\.containers\[0\]\.lifecycle\.preStop: .*PodLifecycleSleepAction/);
    expect(r.report).toContain('# v1.36 → v1.29');
    expect(r.report).toContain('rejected by the API server');
  });

  it('says the timeline is the same when nothing version-dependent is used', async () => {
    const uri = client().uri('compare-same.yaml');
    await client().open(uri, POD.replace(/ {4}lifecycle:[\s\S]*$/, ''));
    const raw = await client().connection.sendRequest(CompareVersionsRequest.method, {
      textDocument: { uri },
      other: { minor: 33, featureGates: {} },
    });
    const r = compareVersionsResultSchema.parse(raw);
    expect(r.pods.map((p) => p.same)).toEqual([true]);
    expect(r.report).toContain('Same timeline on both kubelets.');
  });

  it('answers a malformed request with an empty comparison instead of failing', async () => {
    const raw = await client().connection.sendRequest(CompareVersionsRequest.method, {
      textDocument: { uri: client().uri('compare-versions.yaml') },
      other: { minor: 12, featureGates: {} },
    });
    expect(compareVersionsResultSchema.parse(raw)).toMatchObject({ pods: [], report: '' });
  });
});
