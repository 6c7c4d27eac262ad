// Issue 17: podlens.kubernetesVersion is a per-folder setting, so each file is analysed against its workspace
// folder's target (the innermost folder holding it), and files outside every folder against the configured one.
// The segment cache is shared by every file: the same text in two folders must still get each folder's findings.
import { describe, expect, it } from 'vitest';
import { AnalysisHost, type AnalysisSpec } from '../../../shared/analysis';
import type { Finding } from '../../../shared/lint';
import { SIZED_POD } from '../../helpers/manifests';

// Pod-level resources arrived in v1.32: an unknown field on v1.31, nothing on v1.36.
const POD = SIZED_POD;
const OLD = 'file:///work/old';
const NEW = 'file:///work/new';
const IN_OLD = `${OLD}/pod.yaml`;
const IN_NEW = `${NEW}/pod.yaml`;
// A sibling whose name starts like the folder's is not inside it.
const BESIDE = 'file:///work/older/pod.yaml';

const SPEC: AnalysisSpec = {
  config: { rules: {} },
  folderTargets: [
    { folder: OLD, target: { minor: 31, featureGates: {} } },
    { folder: NEW, target: { minor: 36, featureGates: {} } },
  ],
};

function unknownFields(findings: readonly Finding[]): string[] {
  return findings.filter((f) => f.rule === 'unknown-field').map((f) => f.message);
}

function freshFindings(kubernetesVersion: number | undefined): readonly Finding[] {
  const host = new AnalysisHost({ config: { rules: {}, ...(kubernetesVersion && { kubernetesVersion }) } });
  host.applyChange('file:///elsewhere/pod.yaml', 1, [{ text: POD }]);
  return host.snapshot().findings('file:///elsewhere/pod.yaml');
}

describe('a target per workspace folder', () => {
  it('analyses the same manifest against each folder’s target, and other files against the configured one', () => {
    const host = new AnalysisHost(SPEC);
    for (const uri of [IN_OLD, IN_NEW, BESIDE]) host.applyChange(uri, 1, [{ text: POD }]);
    const analysis = host.snapshot();
    expect(unknownFields(analysis.findings(IN_OLD))).toEqual([expect.stringContaining('v1.31')]);
    expect(analysis.findings(IN_OLD)).toEqual(freshFindings(31));
    expect(analysis.findings(IN_NEW)).toEqual(freshFindings(36));
    expect(unknownFields(analysis.findings(IN_NEW))).toEqual([]);
    expect(analysis.findings(BESIDE)).toEqual(freshFindings(undefined));
    expect(analysis.target(IN_OLD).minor).toBe(31);
    expect(analysis.target(BESIDE).minor).toBe(36);
  });

  it('takes the innermost folder’s target for a folder nested in another', () => {
    const host = new AnalysisHost({
      config: { rules: {} },
      folderTargets: [
        { folder: 'file:///work', target: { minor: 36, featureGates: {} } },
        { folder: OLD, target: { minor: 31, featureGates: {} } },
      ],
    });
    host.applyChange(IN_OLD, 1, [{ text: POD }]);
    expect(host.snapshot().findings(IN_OLD)).toEqual(freshFindings(31));
  });

  it('re-analyses only the folder whose target changed, keeping the other’s findings', () => {
    const host = new AnalysisHost(SPEC);
    for (const uri of [IN_OLD, IN_NEW]) host.applyChange(uri, 1, [{ text: POD }]);
    const before = host.snapshot();
    const newFindings = before.findings(IN_NEW);
    before.findings(IN_OLD);
    host.setSpec({
      config: { rules: {} },
      folderTargets: [
        { folder: OLD, target: { minor: 36, featureGates: {} } },
        { folder: NEW, target: { minor: 31, featureGates: {} } },
      ],
    });
    const after = host.snapshot();
    expect(after.findings(IN_OLD)).toEqual(freshFindings(36));
    expect(after.findings(IN_NEW)).toEqual(freshFindings(31));
    expect(newFindings.length).toBeGreaterThan(0);
    const kept = after.findings(IN_OLD);
    for (const [i, f] of newFindings.entries()) expect(kept[i]).toBe(f);
  });
});
