/**
 * A real LSP client (vscode-languageserver-protocol over stdio) against the bundled dist/server.js, for
 * server tests that go through the protocol rather than calling feature functions.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll } from 'vitest';
import {
  type CompletionItem,
  type CompletionList,
  CompletionRequest,
  createProtocolConnection,
  type Diagnostic,
  DidChangeConfigurationNotification,
  DidChangeTextDocumentNotification,
  DidCloseTextDocumentNotification,
  DidOpenTextDocumentNotification,
  type DocumentSymbol,
  DocumentSymbolRequest,
  type FoldingRange,
  FoldingRangeRequest,
  type Hover,
  HoverRequest,
  InitializedNotification,
  InitializeRequest,
  type InitializeResult,
  LogMessageNotification,
  type LogMessageParams,
  type Position,
  type ProtocolConnection,
  PublishDiagnosticsNotification,
  type PublishDiagnosticsParams,
  StreamMessageReader,
  StreamMessageWriter,
  type TextDocumentContentChangeEvent,
} from 'vscode-languageserver-protocol/node';
import { PARTIAL_DIAGNOSTICS_PROPERTY } from '../../shared/protocol/lsp';

export const SERVER_JS = path.resolve(__dirname, '../../dist/server.js');

/** Whether a publish holds the findings of some documents only (a big file's first publish). */
export function isPartial(p: PublishDiagnosticsParams): boolean {
  return (p as unknown as Record<string, unknown>)[PARTIAL_DIAGNOSTICS_PROPERTY] === true;
}

/**
 * The position of the `occurrence`-th `needle` in `text`, moved `offset` characters into it.
 * @example positionOf('a: 1\nimage: nginx\n', 'nginx', 1) // { line: 1, character: 8 }
 */
export function positionOf(text: string, needle: string, offset = 0, occurrence = 1): Position {
  let index = -1;
  for (let i = 0; i < occurrence; i++) {
    index = text.indexOf(needle, index + 1);
    if (index === -1) throw new Error(`${JSON.stringify(needle)} (occurrence ${occurrence}) not in text`);
  }
  const before = text.slice(0, index + offset).split('\n');
  return { line: before.length - 1, character: (before.at(-1) as string).length };
}

/** Text with one `‸` marking the cursor: the text without the marker, and the cursor's position. */
export function withCursor(src: string): { text: string; position: Position } {
  const position = positionOf(src, '‸');
  return { text: src.replace('‸', ''), position };
}

export interface TestClientOptions {
  /** Answers workspace/configuration for the `podlens` section, as seen from a folder's URI when asked for one. */
  settings?: (scopeUri?: string) => unknown;
  /** workspace/configuration is answered only once this settles: what the server does while the settings travel. */
  settingsHeld?: Promise<void>;
  workspaceFolder?: string;
  /** Several workspace folders (a multi-root workspace) instead of `workspaceFolder`. */
  workspaceFolders?: string[];
  env?: NodeJS.ProcessEnv;
  /** Node options before the server script (`--require`, `--cpu-prof`, ...). */
  nodeArgs?: string[];
  /** Announce LSP 3.18 snippet edits in workspace edits, as vscode-languageclient 11 does. */
  snippetEdits?: boolean;
  /** Announce workspace/codeLens/refresh support, as VS Code does; called on each refresh request. */
  codeLensRefresh?: () => void;
}

export class TestLspClient {
  readonly connection: ProtocolConnection;
  readonly process: ChildProcess;
  private readonly diagnostics = new Map<string, PublishDiagnosticsParams>();
  private readonly waiters: {
    uri: string;
    pred: (p: PublishDiagnosticsParams) => boolean;
    resolve: (p: PublishDiagnosticsParams) => void;
  }[] = [];
  private versions = new Map<string, number>();
  /** Called with every publishDiagnostics, partial ones too, in arrival order (tests that check the order of versions). */
  readonly publishListeners: ((p: PublishDiagnosticsParams) => void)[] = [];
  initializeResult: InitializeResult | undefined;
  /** Every window/logMessage (what the podlens Output channel shows), in arrival order. */
  readonly logs: LogMessageParams[] = [];
  private readonly logWaiters: { pred: (m: LogMessageParams) => boolean; resolve: (m: LogMessageParams) => void }[] =
    [];

  private constructor(private readonly options: TestClientOptions) {
    this.process = spawn(process.execPath, [...(options.nodeArgs ?? []), SERVER_JS, '--stdio'], {
      stdio: ['pipe', 'pipe', 'pipe'],
      env: { ...process.env, ...options.env },
    });
    this.connection = createProtocolConnection(
      new StreamMessageReader(this.process.stdout!),
      new StreamMessageWriter(this.process.stdin!),
    );
    this.connection.onNotification(PublishDiagnosticsNotification.type, (p) => {
      for (const listener of this.publishListeners) listener(p);
      // A big file's first, partial publish is seen by listeners only: tests wait for the complete findings.
      if (isPartial(p)) return;
      this.diagnostics.set(p.uri, p);
      for (const w of [...this.waiters]) {
        if (w.uri === p.uri && w.pred(p)) {
          this.waiters.splice(this.waiters.indexOf(w), 1);
          w.resolve(p);
        }
      }
    });
    this.connection.onNotification(LogMessageNotification.type, (m) => {
      this.logs.push(m);
      for (const w of [...this.logWaiters]) {
        if (w.pred(m)) {
          this.logWaiters.splice(this.logWaiters.indexOf(w), 1);
          w.resolve(m);
        }
      }
    });
    this.connection.onRequest(
      'workspace/configuration',
      async (params: { items: { section?: string; scopeUri?: string }[] }) => {
        await this.options.settingsHeld;
        return params.items.map((i) => (i.section === 'podlens' ? (this.options.settings?.(i.scopeUri) ?? {}) : null));
      },
    );
    this.connection.onRequest('client/registerCapability', () => null);
    this.connection.onRequest('window/workDoneProgress/create', () => null);
    this.connection.onRequest('workspace/codeLens/refresh', () => {
      this.options.codeLensRefresh?.();
      return null;
    });
    this.connection.listen();
  }

  static async start(options: TestClientOptions = {}): Promise<TestLspClient> {
    const client = new TestLspClient(options);
    const folders = options.workspaceFolders ?? (options.workspaceFolder ? [options.workspaceFolder] : []);
    client.initializeResult = await client.connection.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      rootUri: folders[0] ? pathToFileURL(folders[0]).href : null,
      workspaceFolders:
        folders.length > 0 ? folders.map((f) => ({ uri: pathToFileURL(f).href, name: path.basename(f) })) : null,
      capabilities: {
        workspace: {
          configuration: true,
          workspaceFolders: true,
          ...(options.snippetEdits && { workspaceEdit: { documentChanges: true, snippetEditSupport: true } }),
          didChangeConfiguration: { dynamicRegistration: true },
          ...(options.codeLensRefresh && { codeLens: { refreshSupport: true } }),
        },
        textDocument: {
          hover: { contentFormat: ['markdown', 'plaintext'] },
          completion: {
            completionItem: {
              snippetSupport: true,
              documentationFormat: ['markdown', 'plaintext'],
              insertTextModeSupport: { valueSet: [1, 2] },
            },
          },
          documentSymbol: { hierarchicalDocumentSymbolSupport: true },
          foldingRange: { lineFoldingOnly: true },
          publishDiagnostics: { relatedInformation: true, versionSupport: true, codeDescriptionSupport: true },
          codeAction: {
            codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'refactor', 'source'] } },
          },
        },
      },
    });
    await client.connection.sendNotification(InitializedNotification.type, {});
    return client;
  }

  uri(name: string): string {
    return pathToFileURL(path.resolve('/tmp/podlens-test', name)).href;
  }

  /** Opens a document and resolves with its first diagnostics. */
  open(uri: string, text: string, languageId = 'yaml'): Promise<PublishDiagnosticsParams> {
    this.versions.set(uri, 1);
    const next = this.nextDiagnostics(uri, 1);
    void this.connection.sendNotification(DidOpenTextDocumentNotification.type, {
      textDocument: { uri, languageId, version: 1, text },
    });
    return next;
  }

  /** Sends changes (full text or ranged) and resolves with diagnostics for the new version. */
  change(uri: string, changes: TextDocumentContentChangeEvent[]): Promise<PublishDiagnosticsParams> {
    const version = (this.versions.get(uri) ?? 0) + 1;
    this.versions.set(uri, version);
    const next = this.nextDiagnostics(uri, version);
    void this.connection.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri, version },
      contentChanges: changes,
    });
    return next;
  }

  close(uri: string): void {
    void this.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
  }

  lastDiagnostics(uri: string): Diagnostic[] {
    return this.diagnostics.get(uri)?.diagnostics ?? [];
  }

  /** The last publish for `uri` if it is for `version` or later, else the first one that will be. */
  diagnosticsFor(uri: string, version: number): Promise<PublishDiagnosticsParams> {
    const last = this.diagnostics.get(uri);
    return last && (last.version ?? 0) >= version ? Promise.resolve(last) : this.nextDiagnostics(uri, version);
  }

  /** Resolves with the first publish for `uri` at or after `version` (any version when omitted). */
  nextDiagnostics(uri: string, version?: number): Promise<PublishDiagnosticsParams> {
    return new Promise((resolve) => {
      this.waiters.push({ uri, pred: (p) => version === undefined || (p.version ?? 0) >= version, resolve });
    });
  }

  /** The first log message (already received or still to come) that satisfies `pred`. */
  log(pred: (m: LogMessageParams) => boolean): Promise<LogMessageParams> {
    const seen = this.logs.find(pred);
    if (seen) return Promise.resolve(seen);
    return new Promise((resolve) => this.logWaiters.push({ pred, resolve }));
  }

  /** Tells the server that settings changed; it fetches them again through workspace/configuration. */
  changeConfiguration(): Promise<void> {
    return this.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: null });
  }

  hover(uri: string, position: Position): Promise<Hover | null> {
    return this.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position });
  }

  /** The completion items at a position (a CompletionList is unwrapped); `triggerCharacter` as if typed. */
  async completion(uri: string, position: Position, triggerCharacter?: string): Promise<CompletionItem[]> {
    const r: CompletionList | CompletionItem[] | null = await this.connection.sendRequest(CompletionRequest.type, {
      textDocument: { uri },
      position,
      context: triggerCharacter ? { triggerKind: 2, triggerCharacter } : { triggerKind: 1 },
    });
    return Array.isArray(r) ? r : (r?.items ?? []);
  }

  async documentSymbols(uri: string): Promise<DocumentSymbol[]> {
    const r = await this.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri } });
    return (r ?? []) as DocumentSymbol[];
  }

  async foldingRanges(uri: string): Promise<FoldingRange[]> {
    return (await this.connection.sendRequest(FoldingRangeRequest.type, { textDocument: { uri } })) ?? [];
  }

  async stop(): Promise<void> {
    try {
      await this.connection.sendRequest('shutdown');
      await this.connection.sendNotification('exit');
    } catch {
      // the server may already be gone
    }
    // A server that honours `exit` ends by itself (and writes a --cpu-prof profile); one that does not is killed.
    await this.exited(2000);
    this.connection.dispose();
    if (this.process.exitCode === null && this.process.signalCode === null) this.process.kill();
  }

  /** Resolves once the server process has ended, or after `ms`. */
  private exited(ms: number): Promise<void> {
    if (this.process.exitCode !== null || this.process.signalCode !== null) return Promise.resolve();
    return new Promise((resolve) => {
      const timer = setTimeout(resolve, ms);
      this.process.once('exit', () => {
        clearTimeout(timer);
        resolve();
      });
    });
  }
}

/**
 * One server for the calling file or describe block: started before its tests, stopped after them. Returns the
 * running client, for use inside those tests.
 */
export function lspClientForSuite(options: TestClientOptions = {}): () => TestLspClient {
  let client: TestLspClient | undefined;
  beforeAll(async () => {
    client = await TestLspClient.start(options);
  });
  afterAll(async () => {
    await client?.stop();
  });
  return () => {
    if (!client) throw new Error('the LSP client runs only inside the tests of the suite that started it');
    return client;
  };
}
