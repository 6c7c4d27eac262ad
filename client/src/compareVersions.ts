/**
 * "Compare with v1.xx": asks for a second Kubernetes version, has the server lint and simulate the active file
 * against it, and opens the comparison (new and gone diagnostics, each pod's two timelines) beside the editor
 * as a read-only Markdown document. The answer is zod-parsed before anything is shown.
 */
import * as vscode from 'vscode';
import { NEWEST_MINOR, OLDEST_MINOR, versionLabel } from '../../shared/k8s/version/target';
import {
  type CompareVersionsParams,
  CompareVersionsRequest,
  type CompareVersionsResult,
  compareVersionsResultSchema,
} from '../../shared/protocol/lsp';
import type { Ctx } from './ctx';
import { fileTarget } from './target';

/** The versions to offer, newest first, without the one the file is checked against. */
export function otherMinors(current: number): number[] {
  const all = Array.from({ length: NEWEST_MINOR - OLDEST_MINOR + 1 }, (_, i) => NEWEST_MINOR - i);
  return all.filter((m) => m !== current);
}

/** Sends the request and parses the answer; undefined (and a logged reason) when it does not parse. */
export async function requestComparison(
  ctx: Ctx,
  uri: vscode.Uri,
  minor: number,
): Promise<CompareVersionsResult | undefined> {
  const client = ctx.client;
  if (!client?.isRunning()) return undefined;
  const params: CompareVersionsParams = {
    textDocument: { uri: client.code2ProtocolConverter.asUri(uri) },
    // The second cluster keeps the file's feature gates: only the version changes.
    other: { minor, featureGates: (await fileTarget(uri, client)).featureGates },
  };
  const parsed = compareVersionsResultSchema.safeParse(await client.sendRequest(CompareVersionsRequest.method, params));
  if (!parsed.success) ctx.output.warn(`${CompareVersionsRequest.method}: unexpected answer: ${parsed.error.message}`);
  return parsed.success && parsed.data.report ? parsed.data : undefined;
}

export async function compareWithVersion(ctx: Ctx, minorArg?: unknown): Promise<void> {
  const editor = vscode.window.activeTextEditor;
  if (editor?.document.languageId !== 'yaml') {
    void vscode.window.showInformationMessage('podlens: open a Kubernetes manifest to compare versions.');
    return;
  }
  const uri = editor.document.uri;
  // The file's own version: its folder's setting or .podlens.yaml, as the server checks it.
  const current = (await fileTarget(uri, ctx.client)).minor;
  const minor =
    typeof minorArg === 'number' && otherMinors(current).includes(minorArg)
      ? minorArg
      : (
          await vscode.window.showQuickPick(
            otherMinors(current).map((m) => ({ label: versionLabel(m), minor: m })),
            { placeHolder: `Compare ${versionLabel(current)} with…` },
          )
        )?.minor;
  if (minor === undefined) return;
  const result = await requestComparison(ctx, uri, minor);
  if (!result) {
    void vscode.window.showWarningMessage('podlens: the language server could not compare versions for this file.');
    return;
  }
  const doc = await vscode.workspace.openTextDocument({ content: result.report, language: 'markdown' });
  await vscode.window.showTextDocument(doc, { viewColumn: vscode.ViewColumn.Beside, preview: true });
}
