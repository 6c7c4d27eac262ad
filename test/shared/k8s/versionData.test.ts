// The generated per-version API data: current with the pinned packages, and the queries hover and lint read.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  fieldArrival,
  fieldStage,
  missingInTarget,
  removedApiVersions,
  versionNote,
  versionSources,
} from '../../../shared/k8s/version/fields';

const repoRoot = path.resolve(__dirname, '../../..');
const CORE = 'io.k8s.api.core.v1.';
const at = (minor: number) => ({ minor, featureGates: {} });

describe('gen-versions', () => {
  it('regenerates the committed data from the pinned packages byte for byte', { timeout: 60_000 }, () => {
    const out = mkdtempSync(path.join(tmpdir(), 'podlens-versions-'));
    try {
      execFileSync(process.execPath, [path.join(repoRoot, 'scripts/gen/gen-versions.mjs'), '--out', out], {
        stdio: 'pipe',
      });
      const file = 'api-versions.json';
      const committed = readFileSync(path.join(repoRoot, 'shared/k8s/version', file), 'utf8');
      expect(readFileSync(path.join(out, file), 'utf8')).toBe(committed);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });

  it('records the package each minor was read from', () => {
    expect(versionSources()).toMatchObject({ '29': 'cdk8s-plus-29@2.6.0', '34': 'cdk8s-plus-34@2.0.54' });
    expect(versionSources()['36']).toBe('kubernetes-models@5.1.0');
  });
});

describe('field arrival', () => {
  it.each([
    ['Lifecycle', 'stopSignal', 33],
    ['Container', 'restartPolicyRules', 34],
    ['PodSpec', 'resources', 32],
    ['Volume', 'image', 31],
    ['PodSecurityContext', 'appArmorProfile', 30],
    ['PodSpec', 'hostnameOverride', 34],
  ])('%s.%s arrived in 1.%i', (type, field, since) => {
    expect(fieldArrival(CORE + type, field)?.since).toBe(since);
    expect(missingInTarget(CORE + type, field, at(since - 1))).toBe(true);
    expect(missingInTarget(CORE + type, field, at(since))).toBe(false);
  });

  it('has no arrival for a field every supported minor has', () => {
    expect(fieldArrival(`${CORE}Container`, 'image')).toBeUndefined();
    expect(missingInTarget(`${CORE}Container`, 'image', at(29))).toBe(false);
  });

  it('never calls a field missing in a minor without data (1.35)', () => {
    expect(fieldArrival(`${CORE}PodSpec`, 'schedulingGroup')).toEqual({ since: 36, after: 34 });
    expect(missingInTarget(`${CORE}PodSpec`, 'schedulingGroup', at(35))).toBe(false);
    expect(missingInTarget(`${CORE}PodSpec`, 'schedulingGroup', at(34))).toBe(true);
    expect(versionNote(`${CORE}PodSpec`, 'schedulingGroup')).toBe('since v1.35 or v1.36');
  });
});

describe('stages', () => {
  it('reads the stage and gate from the description of each minor', () => {
    expect(fieldStage(`${CORE}PodSpec`, 'resources', 32)).toEqual({ stage: 'alpha', gate: 'PodLevelResources' });
    expect(fieldStage('io.k8s.api.batch.v1.JobSpec', 'managedBy', 32)).toEqual({ stage: 'beta', gate: 'JobManagedBy' });
    expect(fieldStage('io.k8s.api.batch.v1.JobSpec', 'managedBy', 36)).toEqual({ stage: 'ga' });
    expect(versionNote(`${CORE}PodSpec`, 'resources', at(32))).toBe('since v1.32, alpha (PodLevelResources)');
    // The description still says alpha in v1.36; the gate is beta from v1.34.
    expect(fieldStage(`${CORE}PodSpec`, 'resources', 36)).toEqual({ stage: 'alpha', gate: 'PodLevelResources' });
    expect(versionNote(`${CORE}PodSpec`, 'resources')).toBe('since v1.32, beta (PodLevelResources)');
    expect(versionNote(`${CORE}PodSecurityContext`, 'supplementalGroupsPolicy')).toBe('since v1.31');
    expect(versionNote(`${CORE}Lifecycle`, 'stopSignal')).toBe('since v1.33');
  });
});

describe('removed apiVersions', () => {
  it('lists what a minor stops serving', () => {
    expect(removedApiVersions(32)).toContain('flowcontrol.apiserver.k8s.io/v1beta3');
    expect(removedApiVersions(30)).toEqual([]);
  });
});
