// How a workspace folder's target is layered: its .podlens.yaml, then its (resource-scoped) settings over it.
import { describe, expect, it } from 'vitest';
import { folderTargets } from '../../server/folderTargets';
import { DEFAULT_SETTINGS } from '../../shared/settings';

const URI = 'file:///work/app';

describe('a workspace folder’s target', () => {
  it('is the folder setting’s version, over the folder’s .podlens.yaml', () => {
    const [t] = folderTargets([
      {
        uri: URI,
        file: { rules: {}, kubernetesVersion: 33 },
        settings: { ...DEFAULT_SETTINGS, kubernetesVersion: '1.30' },
      },
    ]);
    expect(t).toEqual({ folder: URI, target: { minor: 30, featureGates: {} } });
  });

  it('is the .podlens.yaml version while the setting is left at the newest, with both sets of gates merged', () => {
    const [t] = folderTargets([
      {
        uri: URI,
        file: { rules: {}, kubernetesVersion: 33, featureGates: { ImageVolume: true, SidecarContainers: true } },
        settings: { ...DEFAULT_SETTINGS, featureGates: { SidecarContainers: false } },
      },
    ]);
    expect(t?.target).toEqual({ minor: 33, featureGates: { ImageVolume: true, SidecarContainers: false } });
  });

  it('is the newest version with no overrides when neither sets one', () => {
    const [t] = folderTargets([{ uri: URI, file: undefined, settings: DEFAULT_SETTINGS }]);
    expect(t?.target).toEqual({ minor: 36, featureGates: {} });
  });
});
