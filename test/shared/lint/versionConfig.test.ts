// The target version and feature gates in the settings, `.podlens.yaml`, and how the layers combine.
import { describe, expect, it } from 'vitest';
import { configFromSettings, mergeLintConfigs, parseConfigFile, targetOf } from '../../../shared/lint';
import { parseSettings } from '../../../shared/settings';

describe('.podlens.yaml kubernetesVersion and featureGates', () => {
  it('reads a quoted version and a gate map', () => {
    const { config, findings } = parseConfigFile('kubernetesVersion: "1.31"\nfeatureGates:\n  ImageVolume: true\n');
    expect(findings).toEqual([]);
    expect(targetOf(config)).toEqual({ minor: 31, featureGates: { ImageVolume: true } });
  });

  it('reads an unquoted 1.31, which YAML makes a number', () => {
    expect(parseConfigFile('kubernetesVersion: 1.31\n').config.kubernetesVersion).toBe(31);
  });

  it('reports an unsupported version at its value, asking for a quoted one', () => {
    for (const value of ['"1.20"', '1.30', 'latest']) {
      const { config, findings } = parseConfigFile(`kubernetesVersion: ${value}\n`);
      expect(findings.map((f) => [f.rule, f.severity, f.range.start.character])).toEqual([
        ['invalid-config', 'error', 19],
      ]);
      expect(findings[0]?.message).toContain('use a quoted one of 1.29, 1.30');
      expect(config.kubernetesVersion).toBeUndefined();
    }
  });

  it('reports a gate map with a non-boolean value', () => {
    const { findings } = parseConfigFile('featureGates:\n  ImageVolume: yes please\n');
    expect(findings.map((f) => [f.rule, f.message])).toEqual([
      ['invalid-config', '"featureGates" must be a map of gate name to true or false.'],
    ]);
  });
});

describe('settings', () => {
  it('parses podlens.kubernetesVersion and podlens.featureGates, falling back to the newest and none', () => {
    expect(parseSettings({ kubernetesVersion: '1.32', featureGates: { A: true } })).toMatchObject({
      kubernetesVersion: '1.32',
      featureGates: { A: true },
    });
    expect(parseSettings({ kubernetesVersion: '2.0', featureGates: { A: 'on' } })).toMatchObject({
      kubernetesVersion: '1.36',
      featureGates: {},
    });
  });

  it('layers the settings over the workspace file, the newest version leaving the file in force', () => {
    const file = parseConfigFile('kubernetesVersion: "1.31"\nfeatureGates: {ImageVolume: true}\n').config;
    const unset = configFromSettings({}, 'default', '1.36', {}).config;
    expect(targetOf(mergeLintConfigs(file, unset))).toEqual({ minor: 31, featureGates: { ImageVolume: true } });
    const set = configFromSettings({}, 'default', '1.33', { PodLevelResources: true }).config;
    expect(targetOf(mergeLintConfigs(file, set))).toEqual({
      minor: 33,
      featureGates: { ImageVolume: true, PodLevelResources: true },
    });
  });

  it('gives the newest version without gates when nothing is configured', () => {
    expect(targetOf(configFromSettings({}).config)).toEqual({ minor: 36, featureGates: {} });
  });
});
