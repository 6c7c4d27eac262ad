/**
 * The target of each workspace folder: podlens.kubernetesVersion and podlens.featureGates are resource-scoped
 * settings, and each folder has its own `.podlens.yaml`. Layered as the window's target is (./server: the file,
 * then the setting over it), so a folder's setting left at the newest version lets its file's version apply.
 */
import type { KubernetesTarget } from '../shared/k8s/version/target';
import { configFromSettings, DEFAULT_LINT_CONFIG, type LintConfig, mergeLintConfigs, targetOf } from '../shared/lint';
import type { Settings } from '../shared/settings';

export interface FolderSetup {
  /** The folder's URI, as the client names it and its files. */
  uri: string;
  /** The folder's `.podlens.yaml`, if it has one. */
  file: LintConfig | undefined;
  /** The settings as the folder sees them (its folder settings over the workspace's and the user's). */
  settings: Settings;
}

export function folderTargets(folders: readonly FolderSetup[]): { folder: string; target: KubernetesTarget }[] {
  return folders.map(({ uri, file, settings }) => {
    const fromSettings = configFromSettings({}, 'default', settings.kubernetesVersion, settings.featureGates).config;
    return { folder: uri, target: targetOf(mergeLintConfigs(file ?? DEFAULT_LINT_CONFIG, fromSettings)) };
  });
}
