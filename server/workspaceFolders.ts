/**
 * Follows the workspace folders as the editor changes them ("Add Folder to Workspace...", a folder removed): the
 * `.podlens.yaml` files read and watched, each folder's settings and target, and the workspace index. The LSP
 * sends these changes only to a server that asks for them (`workspace.workspaceFolders.changeNotifications`).
 */
import type { ClientCapabilities, Connection, WorkspaceFolder } from 'vscode-languageserver';
import type { WorkspaceConfig } from './workspaceConfig';
import type { ServerWorkspaceIndex } from './workspaceIndex';

export const WORKSPACE_FOLDER_CAPABILITIES = {
  workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
};

export interface FolderFollowers {
  config: WorkspaceConfig;
  index: ServerWorkspaceIndex;
  /** Fetches the settings again (each folder has its own) and applies them with the new folders' files. */
  reload: () => Promise<void>;
  log: (message: string) => void;
}

/** The folder URIs after a change: the remaining ones in their order, then the added ones. */
export function changedFolders(
  current: readonly string[],
  added: readonly WorkspaceFolder[],
  removed: readonly WorkspaceFolder[],
): string[] {
  const gone = new Set(removed.map((f) => f.uri));
  const kept = current.filter((uri) => !gone.has(uri));
  return [...kept, ...added.map((f) => f.uri).filter((uri, i, all) => !kept.includes(uri) && all.indexOf(uri) === i)];
}

export function followWorkspaceFolders(
  connection: Connection,
  capabilities: ClientCapabilities,
  followers: FolderFollowers,
): void {
  if (!capabilities.workspace?.workspaceFolders) return;
  const { config, index, reload, log } = followers;
  // One change at a time: a second one waits until the index follows the first.
  let applied = Promise.resolve();
  connection.workspace.onDidChangeWorkspaceFolders(({ added, removed }) => {
    applied = applied.then(async () => {
      try {
        const before = config.folderPaths();
        await config.replaceFolders(changedFolders(config.folderUris(), added, removed));
        await reload();
        await index.foldersChanged(before, config.folderPaths());
        log(
          `workspace folders: ${added.length} added, ${removed.length} removed; workspace index: ${index.index.size} files`,
        );
      } catch (err) {
        log(`podlens: following the workspace folders failed: ${err instanceof Error ? err.stack : String(err)}`);
      }
    });
    // A log after the connection closed throws: the next change must still run.
    applied = applied.catch(() => undefined);
  });
}
