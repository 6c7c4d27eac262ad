/** Helpers shared by the extension-host tests. Runs inside the extension host: the full `vscode` API is here. */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';

export const EXTENSION_ID = 'podlens.podlens';
export const FORCE_FAIL = process.env.PODLENS_E2E_FORCE_FAIL === '1';

export interface WorkspaceFacts {
  examples: string[];
  large: { file: string; lines: number; documents: number; lastDocumentStartLine: number; errorLine: number };
}

export function workspaceRoot(): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the e2e workspace folder must be open');
  return folder.uri;
}

export const fixture = (...segments: string[]): vscode.Uri => vscode.Uri.joinPath(workspaceRoot(), ...segments);

export async function facts(): Promise<WorkspaceFacts> {
  const bytes = await vscode.workspace.fs.readFile(fixture('.podlens-e2e.json'));
  return JSON.parse(new TextDecoder().decode(bytes)) as WorkspaceFacts;
}

export async function open(uri: vscode.Uri): Promise<vscode.TextEditor> {
  const doc = await vscode.workspace.openTextDocument(uri);
  return vscode.window.showTextDocument(doc, { preview: false });
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Polls fn until it returns a truthy value; this is the only way the tests wait for asynchronous results. */
export async function waitFor<T>(
  fn: () => T | undefined | Promise<T | undefined>,
  what: string,
  timeoutMs = 30_000,
): Promise<T> {
  const t0 = Date.now();
  let lastError: unknown;
  for (;;) {
    try {
      const v = await fn();
      if (v) return v;
    } catch (e) {
      lastError = e;
    }
    if (Date.now() - t0 > timeoutMs)
      throw new Error(`timeout after ${timeoutMs} ms waiting for ${what}${lastError ? `: ${String(lastError)}` : ''}`);
    await sleep(100);
  }
}

/** Rejects when the promise does not settle within ms (a liveness bound, not a performance target). */
export async function within<T>(ms: number, what: string, p: Thenable<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not answer within ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([Promise.resolve(p), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

export const codeOf = (d: vscode.Diagnostic): string | undefined =>
  d.code === undefined ? undefined : typeof d.code === 'object' ? String(d.code.value) : String(d.code);

export function podlensDiagnostics(uri: vscode.Uri, code?: string): vscode.Diagnostic[] {
  return vscode.languages
    .getDiagnostics(uri)
    .filter((d) => d.source === 'podlens' && (code === undefined || codeOf(d) === code));
}

export function hoverText(hovers: vscode.Hover[] | undefined): string {
  return (hovers ?? [])
    .flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : 'value' in c ? c.value : String(c))))
    .join('\n');
}

export function completionLabels(
  list: vscode.CompletionList | undefined,
  opts: { ignoreText?: boolean } = {},
): string[] {
  return (list?.items ?? [])
    .filter((i) => !(opts.ignoreText && i.kind === vscode.CompletionItemKind.Text))
    .map((i) => (typeof i.label === 'string' ? i.label : i.label.label).replace(/:\s*$/, ''));
}

/** Closes every editor and webview so each test starts from a known layout. */
export async function closeAll(): Promise<void> {
  // Revert edits first: closing a dirty editor would open a modal "save changes?" dialog and hang the run.
  for (const doc of vscode.workspace.textDocuments) {
    if (!doc.isDirty || doc.isUntitled) continue;
    await vscode.window.showTextDocument(doc);
    await vscode.commands.executeCommand('workbench.action.files.revert');
  }
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}

/** Declares one named e2e step as a mocha test (the same ids name the UI suite's steps). */
export function step(id: string, fn: (this: Mocha.Context) => Promise<void>, timeoutMs = 90_000): void {
  test(id, async function () {
    this.timeout(timeoutMs);
    return fn.call(this);
  });
}
