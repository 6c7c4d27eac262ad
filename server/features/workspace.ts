/**
 * The workspace features as one unit server.ts registers: navigation, rename, and the file watcher that keeps the
 * index current (registered dynamically, so the client needs no configuration for it).
 */
import {
  type ClientCapabilities,
  type Connection,
  DidChangeWatchedFilesNotification,
  FileChangeType,
} from 'vscode-languageserver';
import type { ServerWorkspaceIndex } from '../workspaceIndex';
import type { Feature } from './feature';
import { workspaceNavigationFeature } from './workspaceNavigation';
import { workspaceRenameFeature } from './workspaceRename';

export function workspaceFeatures(workspace: ServerWorkspaceIndex): Feature[] {
  return [workspaceNavigationFeature(workspace), workspaceRenameFeature(workspace)];
}

/** Follows created, changed and deleted YAML files and kustomizations on disk. */
export function watchWorkspaceFiles(
  connection: Connection,
  capabilities: ClientCapabilities,
  workspace: ServerWorkspaceIndex,
): void {
  connection.onDidChangeWatchedFiles((params) => {
    for (const change of params.changes) {
      if (change.type === FileChangeType.Deleted) workspace.diskDeleted(change.uri);
      else workspace.diskChanged(change.uri);
    }
  });
  if (!capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration) return;
  void connection.client.register(DidChangeWatchedFilesNotification.type, {
    watchers: [{ globPattern: '**/*.{yaml,yml}' }, { globPattern: '**/Kustomization' }],
  });
}
