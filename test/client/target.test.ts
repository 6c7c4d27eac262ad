// The status-bar item and the target the client reads from podlens.kubernetesVersion / podlens.featureGates.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import * as fake from '../security/fakeVscode';

vi.mock('vscode', () => import('../security/fakeVscode'));

const { configuredTarget, statusText, statusTooltip } = await import('../../client/src/target');
const { otherMinors } = await import('../../client/src/compareVersions');

beforeEach(() => {
  fake.state.settings = {};
});

describe('the target Kubernetes version in the client', () => {
  it('is the newest version when nothing is set', () => {
    expect(configuredTarget()).toEqual({ minor: 36, featureGates: {} });
    expect(statusText(configuredTarget())).toBe('$(server) k8s v1.36');
  });

  it('follows podlens.kubernetesVersion and counts the gates set against its defaults', () => {
    fake.state.settings = { 'podlens.kubernetesVersion': '1.31', 'podlens.featureGates': { SidecarContainers: false } };
    const target = configuredTarget();
    expect(target).toEqual({ minor: 31, featureGates: { SidecarContainers: false } });
    expect(statusText(target)).toBe('$(server) k8s v1.31 +1');
    expect(statusTooltip(target)).toContain('feature gates: SidecarContainers=false');
  });

  it('falls back field by field on invalid settings', () => {
    fake.state.settings = { 'podlens.kubernetesVersion': '1.20', 'podlens.featureGates': { A: 'on' } };
    expect(configuredTarget()).toEqual({ minor: 36, featureGates: {} });
  });

  it('offers every other supported version to compare with, newest first', () => {
    expect(otherMinors(31)).toEqual([36, 35, 34, 33, 32, 30, 29]);
  });
});
