/** Reads `podlens` settings through workspace/configuration, validated by the shared zod schema. */
import type { Connection } from 'vscode-languageserver';
import { DEFAULT_SETTINGS, parseSettings, type Settings } from '../shared/settings';

/**
 * The settings as each scope sees them (a workspace folder's URI; undefined: the window's), in one request:
 * resource-scoped settings such as podlens.kubernetesVersion can differ per folder.
 */
export async function fetchScopedSettings(
  connection: Connection,
  supported: boolean,
  scopes: readonly (string | undefined)[],
): Promise<Settings[]> {
  if (!supported) return scopes.map(() => DEFAULT_SETTINGS);
  try {
    const raw = await connection.workspace.getConfiguration(
      scopes.map((scopeUri) => ({ section: 'podlens', ...(scopeUri !== undefined && { scopeUri }) })),
    );
    return scopes.map((_, i) => parseSettings(raw[i]));
  } catch {
    return scopes.map(() => DEFAULT_SETTINGS);
  }
}
