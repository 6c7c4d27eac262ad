/**
 * Protocol helpers for the reliability tests over a real client: a liveness bound on requests, the server's
 * resident memory from /proc, the messages it logs, and the requests behind every editor feature.
 */
import fs from 'node:fs';
import {
  type CodeAction,
  type CodeLens,
  CodeLensRequest,
  CodeLensResolveRequest,
  type Diagnostic,
  LogMessageNotification,
  type LogMessageParams,
  MessageType,
} from 'vscode-languageserver-protocol/node';
import type { TestLspClient } from '../../helpers/lspClient';

/** Rejects when `p` does not settle within `ms`: a liveness bound (a hang), not a performance target. */
export async function within<T>(ms: number, what: string, p: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: no answer within ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([p, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** A memory figure of a process's /proc status (VmRSS, VmHWM) in MiB (Linux). */
function statusMiB(pid: number, field: 'VmRSS' | 'VmHWM'): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? Number.NaN);
  return kb / 1024;
}

/** Resident set size of a process in MiB, from /proc (Linux). */
export const rssMiB = (pid: number): number => statusMiB(pid, 'VmRSS');

/** The most RSS the process has had since it started (the kernel's high-water mark), in MiB. */
export const peakRssMiB = (pid: number): number => statusMiB(pid, 'VmHWM');

/** Collects window/logMessage notifications; `errors()` are the ones a user would find in the output channel. */
export function collectLogs(client: TestLspClient): { all: LogMessageParams[]; errors(): string[] } {
  const all: LogMessageParams[] = [];
  client.connection.onNotification(LogMessageNotification.method, (p: LogMessageParams) => {
    all.push(p);
  });
  return { all, errors: () => all.filter((m) => m.type === MessageType.Error).map((m) => m.message) };
}

export async function codeLenses(client: TestLspClient, uri: string): Promise<CodeLens[]> {
  const lenses = (await client.connection.sendRequest(CodeLensRequest.type, { textDocument: { uri } })) ?? [];
  return Promise.all(lenses.map((l) => client.connection.sendRequest(CodeLensResolveRequest.type, l)));
}

/** Quick fixes for every diagnostic of a document, as VS Code asks for them with the whole text selected. */
export async function codeActions(client: TestLspClient, uri: string, text: string, diagnostics: Diagnostic[]) {
  const lines = text.split(/\r?\n/);
  const end = { line: lines.length - 1, character: lines.at(-1)?.length ?? 0 };
  const actions: CodeAction[] | null = await client.connection.sendRequest('textDocument/codeAction', {
    textDocument: { uri },
    range: { start: { line: 0, character: 0 }, end },
    context: { diagnostics, only: ['quickfix'] },
  });
  return actions ?? [];
}
