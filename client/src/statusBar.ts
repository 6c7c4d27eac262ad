/**
 * The status-bar item "k8s v1.31" for the active YAML file: the Kubernetes version podlens checks against.
 * A click opens the `podlens.kubernetesVersion` setting. Hidden for other editors.
 */
import * as vscode from 'vscode';
import { configuredTarget, statusText, statusTooltip } from './target';

export const OPEN_VERSION_SETTING = {
  title: 'Change the Kubernetes version',
  command: 'workbench.action.openSettings',
  arguments: ['podlens.kubernetesVersion'],
};

export function createVersionStatus(): vscode.Disposable {
  const item = vscode.window.createStatusBarItem('podlens.kubernetesVersion', vscode.StatusBarAlignment.Right, 100);
  item.name = 'podlens: Kubernetes version';
  item.command = OPEN_VERSION_SETTING;
  const update = () => {
    const editor = vscode.window.activeTextEditor;
    if (editor?.document.languageId !== 'yaml') {
      item.hide();
      return;
    }
    const target = configuredTarget(editor.document.uri);
    item.text = statusText(target);
    item.tooltip = statusTooltip(target);
    item.show();
  };
  update();
  return vscode.Disposable.from(
    item,
    vscode.window.onDidChangeActiveTextEditor(update),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('podlens.kubernetesVersion') || e.affectsConfiguration('podlens.featureGates'))
        update();
    }),
  );
}
