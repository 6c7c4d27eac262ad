/**
 * The command table: one handler per command package.json declares (`contributes.commands`), built from the
 * Ctx and registered at activation; nothing runs until a command is invoked.
 */
import * as vscode from 'vscode';
import {
  COMPARE_VERSIONS_COMMAND,
  KUSTOMIZE_PREVIEW_SCHEME,
  PREVIEW_KUSTOMIZATION_COMMAND,
  PREVIEW_LIFECYCLE_COMMAND,
} from '../../shared/protocol/ids';
import type { Ctx } from './ctx';

export type CommandId =
  | typeof PREVIEW_LIFECYCLE_COMMAND
  | typeof PREVIEW_KUSTOMIZATION_COMMAND
  | 'podlens.lockLifecyclePanel'
  | 'podlens.unlockLifecyclePanel'
  | 'podlens.restartServer'
  | 'podlens.showOutput'
  | typeof COMPARE_VERSIONS_COMMAND;

type Handler = (...args: unknown[]) => unknown;

/**
 * `podlens.previewLifecycle` is called three ways: by a CodeLens with `[uri, documentIndex]`, by the
 * editor-title button with the editor's resource `Uri`, and from the palette with nothing (active editor).
 */
async function previewLifecycle(ctx: Ctx, target?: unknown, index?: unknown): Promise<void> {
  const uri =
    typeof target === 'string'
      ? vscode.Uri.parse(target, true)
      : target instanceof vscode.Uri
        ? target
        : vscode.window.activeTextEditor?.document.uri;
  if (!uri) {
    void vscode.window.showInformationMessage('podlens: open a Kubernetes manifest to preview its pod lifecycle.');
    return;
  }
  const document = await vscode.workspace.openTextDocument(uri);
  // A rendered kustomization is not open in the server: the panel reads its text and finds the pods itself.
  const pods = uri.scheme === KUSTOMIZE_PREVIEW_SCHEME ? undefined : await ctx.podDocuments(uri);
  if (pods?.count === 0) {
    void vscode.window.showInformationMessage(
      `podlens: ${vscode.workspace.asRelativePath(uri)} has no Pod or pod template to preview.`,
    );
    return;
  }
  const documentIndex = typeof index === 'number' && Number.isInteger(index) && index >= 0 ? index : null;
  (await ctx.panels()).show(document, documentIndex);
}

/** From the explorer or editor title with a `Uri`, from the palette with the active editor's file. */
async function previewKustomization(ctx: Ctx, target?: unknown): Promise<void> {
  const uri = target instanceof vscode.Uri ? target : vscode.window.activeTextEditor?.document.uri;
  if (!uri) {
    void vscode.window.showInformationMessage('podlens: open a kustomization.yaml to preview what it renders.');
    return;
  }
  await (await ctx.kustomizePreviews()).preview(uri);
}

export function createCommands(ctx: Ctx): Record<CommandId, Handler> {
  return {
    [PREVIEW_LIFECYCLE_COMMAND]: (target?: unknown, index?: unknown) => previewLifecycle(ctx, target, index),
    [PREVIEW_KUSTOMIZATION_COMMAND]: (target?: unknown) => previewKustomization(ctx, target),
    // The panel's title-bar buttons: pinned to its document, or following the active editor again.
    'podlens.lockLifecyclePanel': async () => (await ctx.panels()).setLocked(true),
    'podlens.unlockLifecyclePanel': async () => (await ctx.panels()).setLocked(false),
    'podlens.restartServer': async () => {
      await ctx.restart();
      void vscode.window.setStatusBarMessage('podlens: language server restarted', 3000);
    },
    'podlens.showOutput': () => ctx.output.show(true),
    // Loaded on first use: it parses the server's answer with zod.
    [COMPARE_VERSIONS_COMMAND]: async (minor?: unknown) =>
      (await import('./compareVersions')).compareWithVersion(ctx, minor),
  };
}

export function registerCommands(ctx: Ctx): void {
  for (const [id, handler] of Object.entries(createCommands(ctx))) {
    ctx.extension.subscriptions.push(vscode.commands.registerCommand(id, handler));
  }
}
