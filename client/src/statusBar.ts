/**
 * The status-bar item "k8s v1.31" for the active YAML file: the Kubernetes version podlens checks it against,
 * which can differ per workspace folder. A click opens the `podlens.kubernetesVersion` setting. Hidden for other
 * editors.
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { fileTarget, statusText, statusTooltip } from './target';

export const OPEN_VERSION_SETTING = {
  title: 'Change the Kubernetes version',
  command: 'workbench.action.openSettings',
  arguments: ['podlens.kubernetesVersion'],
};

export interface VersionStatus extends vscode.Disposable {
  /** Shows the active file's target again (the server says targets changed, or it started). */
  refresh(): void;
}

export function createVersionStatus(client: () => LanguageClient | undefined): VersionStatus {
  const item = vscode.window.createStatusBarItem('podlens.kubernetesVersion', vscode.StatusBarAlignment.Right, 100);
  item.name = 'podlens: Kubernetes version';
  item.command = OPEN_VERSION_SETTING;
  // Answers can arrive out of order: only the latest update may set the text.
  let latest = 0;
  const update = async () => {
    const editor = vscode.window.activeTextEditor;
    const ticket = ++latest;
    if (editor?.document.languageId !== 'yaml') {
      item.hide();
      return;
    }
    const target = await fileTarget(editor.document.uri, client());
    if (ticket !== latest) return;
    item.text = statusText(target);
    item.tooltip = statusTooltip(target);
    item.show();
  };
  const refresh = () => void update();
  refresh();
  const disposable = vscode.Disposable.from(
    item,
    vscode.window.onDidChangeActiveTextEditor(refresh),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('podlens.kubernetesVersion') || e.affectsConfiguration('podlens.featureGates'))
        refresh();
    }),
  );
  return { refresh, dispose: () => disposable.dispose() };
}
