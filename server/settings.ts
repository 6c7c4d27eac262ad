/** Reads `podlens` settings through workspace/configuration, validated by the shared zod schema. */
import type { Connection } from 'vscode-languageserver';
import { DEFAULT_SETTINGS, parseSettings, type Settings } from '../shared/settings';

export async function fetchSettings(connection: Connection, supported: boolean): Promise<Settings> {
  if (!supported) return DEFAULT_SETTINGS;
  try {
    const [raw] = await connection.workspace.getConfiguration([{ section: 'podlens' }]);
    return parseSettings(raw);
  } catch {
    return DEFAULT_SETTINGS;
  }
}
