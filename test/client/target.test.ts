// The status-bar item and the target the client reads from podlens.kubernetesVersion / podlens.featureGates.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import * as fake from '../security/fakeVscode';

vi.mock('vscode', () => import('../security/fakeVscode'));

const { configuredTarget, fileTarget, statusText, statusTooltip } = await import('../../client/src/target');
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

  describe('for the status bar, the server’s target of the file (its folder’s version, or .podlens.yaml)', () => {
    const file = fake.uri('file:///ws/old/pod.yaml') as never;
    const serverAnswering = (answer: () => unknown, running = true) => {
      const asked: unknown[] = [];
      const client = {
        isRunning: () => running,
        code2ProtocolConverter: { asUri: (u: { toString(): string }) => u.toString() },
        sendRequest: async (method: string, params: unknown) => {
          asked.push([method, params]);
          return answer();
        },
      };
      return { client: client as never, asked };
    };

    it('shows what the server answers for the file', async () => {
      fake.state.settings = { 'podlens.kubernetesVersion': '1.35' };
      const { client, asked } = serverAnswering(() => ({ minor: 31, featureGates: { ImageVolume: true } }));
      expect(statusText(await fileTarget(file, client))).toBe('$(server) k8s v1.31 +1');
      expect(asked).toEqual([['podlens/fileTarget', { textDocument: { uri: 'file:///ws/old/pod.yaml' } }]]);
    });

    it('falls back to the settings when the server is not running, fails or answers nonsense', async () => {
      fake.state.settings = { 'podlens.kubernetesVersion': '1.33' };
      const answers = [
        serverAnswering(() => ({ minor: 31, featureGates: {} }), false),
        serverAnswering(() => {
          throw new Error('connection got disposed');
        }),
        serverAnswering(() => ({ minor: 12, featureGates: {} })),
        serverAnswering(() => null),
      ];
      for (const { client } of answers) expect(statusText(await fileTarget(file, client))).toBe('$(server) k8s v1.33');
      expect(statusText(await fileTarget(file, undefined))).toBe('$(server) k8s v1.33');
    });
  });

  it('offers every other supported version to compare with, newest first', () => {
    expect(otherMinors(31)).toEqual([36, 35, 34, 33, 32, 30, 29]);
  });
});
