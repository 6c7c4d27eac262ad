/**
 * The cluster the user targets, from `podlens.kubernetesVersion` and `podlens.featureGates` (parsed as every
 * setting is): the status bar shows it and the lifecycle panel simulates its kubelet.
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { type KubernetesTarget, NEWEST_MINOR, versionLabel } from '../../shared/k8s/version/target';
import { type FileTargetParams, FileTargetRequest, fileTargetResultSchema } from '../../shared/protocol/lsp';
import { minorOfVersion, parseSettings } from '../../shared/settings';

/** The target for a file (resource-scoped settings), the newest version when unset or invalid. */
export function configuredTarget(uri?: vscode.Uri): KubernetesTarget {
  const config = vscode.workspace.getConfiguration('podlens', uri);
  const settings = parseSettings({
    kubernetesVersion: config.get('kubernetesVersion'),
    featureGates: config.get('featureGates'),
  });
  return {
    minor: minorOfVersion(settings.kubernetesVersion) ?? NEWEST_MINOR,
    featureGates: settings.featureGates,
  };
}

/**
 * The target the server checks a file against, which only it knows whole (a folder's `.podlens.yaml` counts
 * too); the settings' target while the server cannot answer.
 */
export async function fileTarget(
  uri: vscode.Uri,
  client: Pick<LanguageClient, 'isRunning' | 'sendRequest' | 'code2ProtocolConverter'> | undefined,
): Promise<KubernetesTarget> {
  if (client?.isRunning()) {
    try {
      const params: FileTargetParams = { textDocument: { uri: client.code2ProtocolConverter.asUri(uri) } };
      const parsed = fileTargetResultSchema.safeParse(await client.sendRequest(FileTargetRequest.method, params));
      if (parsed.success && parsed.data) return parsed.data;
    } catch {
      // A server that is stopping or restarting: the settings say what it will check against.
    }
  }
  return configuredTarget(uri);
}

/** `k8s v1.31`, with a mark when feature gates differ from the version's defaults. */
export function statusText(target: KubernetesTarget): string {
  const gates = Object.keys(target.featureGates).length;
  return `$(server) k8s ${versionLabel(target.minor)}${gates > 0 ? ` +${gates}` : ''}`;
}

export function statusTooltip(target: KubernetesTarget): string {
  const gates = Object.entries(target.featureGates).map(([g, on]) => `${g}=${on}`);
  return [
    `podlens checks and simulates against Kubernetes ${versionLabel(target.minor)}`,
    ...(gates.length > 0 ? [`feature gates: ${gates.join(', ')}`] : []),
    'Click to change podlens.kubernetesVersion',
  ].join('\n');
}
