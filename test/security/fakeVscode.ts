/**
 * The slice of the `vscode` API the lifecycle panel's host (client/src/lifecyclePanel.ts) uses, recording every
 * call that could touch a document, a file or a command, so a test can feed the host what a compromised webview
 * would send and check what it did. Only what the host calls exists; anything else would fail loudly.
 */
type Handler = (value: unknown) => unknown;

export interface FakeUri {
  scheme: string;
  path: string;
  toString(): string;
}

export function uri(href: string): FakeUri {
  const u = new URL(href);
  return { scheme: u.protocol.slice(0, -1), path: decodeURIComponent(u.pathname), toString: () => href };
}

const joinPath = (base: FakeUri, ...parts: string[]): FakeUri => {
  const segments = base.path.split('/');
  for (const p of parts) {
    if (p === '..') segments.pop();
    else segments.push(p);
  }
  return uri(`${base.scheme}://${segments.join('/')}`);
};

export class Range {
  constructor(
    readonly startLine: number,
    readonly startCharacter: number,
    readonly endLine: number,
    readonly endCharacter: number,
  ) {}
}

export class Selection extends Range {
  constructor(start: { line: number; character: number }, end: { line: number; character: number }) {
    super(start.line, start.character, end.line, end.character);
  }
}

/** Everything the host did that a test asserts on. */
export const calls = {
  opened: [] as string[],
  shown: [] as { document: string; selection: Selection }[],
  saveDialogs: [] as string[],
  openDialogs: 0,
  writes: [] as string[],
  reads: [] as string[],
  errors: [] as string[],
  logs: [] as string[],
  posted: [] as unknown[],
};

/** The document every openTextDocument returns: `lines` lines of text at `uri`. */
function textDocument(at: FakeUri, lines: number) {
  const text = Array.from({ length: lines }, (_, i) => `line ${i}`).join('\n');
  return {
    uri: at,
    version: 1,
    getText: () => text,
    validateRange: (r: Range) => {
      const line = (l: number) => Math.max(0, Math.min(lines - 1, l));
      const char = (l: number, c: number) => Math.max(0, Math.min(`line ${line(l)}`.length, c));
      return {
        start: { line: line(r.startLine), character: char(r.startLine, r.startCharacter) },
        end: { line: line(r.endLine), character: char(r.endLine, r.endCharacter) },
      };
    },
  };
}

export const state = {
  documentLines: 10,
  receive: undefined as Handler | undefined,
  /** Panels the host created, and how often it revealed each. */
  panels: [] as { title: string; reveals: number; disposed: boolean }[],
  /** `setContext` keys the host set. */
  context: {} as Record<string, unknown>,
  /** Settings by full name (`podlens.kubernetesVersion`), as getConfiguration(section).get(key) reads them. */
  settings: {} as Record<string, unknown>,
};

const disposable = { dispose: () => undefined };

/** Editor events the host subscribes to, by name, so a test can fire them. */
export const listeners: Record<string, Handler[]> = {};
const event = (name: string) => (handler: Handler) => {
  (listeners[name] ??= []).push(handler);
  return disposable;
};

export const Uri = { joinPath, parse: (href: string) => uri(href) };
export const ViewColumn = { One: 1, Beside: -2 };
export const TextEditorRevealType = { InCenterIfOutsideViewport: 2 };

/** A webview panel whose title, reveals and disposal land in `record`. */
function panel(record: (typeof state.panels)[number]) {
  const disposeHandlers: Handler[] = [];
  return {
    viewColumn: 2,
    visible: true,
    get title() {
      return record.title;
    },
    set title(value: string) {
      record.title = value;
    },
    iconPath: undefined,
    reveal: () => {
      record.reveals++;
    },
    dispose: () => {
      record.disposed = true;
      for (const h of disposeHandlers) h(undefined);
    },
    onDidDispose: (handler: Handler) => {
      disposeHandlers.push(handler);
      return disposable;
    },
    webview: {
      options: {},
      html: '',
      cspSource: 'vscode-webview://test',
      asWebviewUri: (u: FakeUri) => u,
      postMessage: async (m: unknown) => {
        calls.posted.push(m);
        return true;
      },
      onDidReceiveMessage: (handler: Handler) => {
        state.receive = handler;
        return disposable;
      },
    },
  };
}

export const window = {
  activeTextEditor: undefined,
  visibleTextEditors: [] as unknown[],
  onDidChangeTextEditorSelection: event('selection'),
  onDidChangeActiveTextEditor: event('activeEditor'),
  registerWebviewPanelSerializer: () => disposable,
  createWebviewPanel: (_viewType: string, title: string) => {
    const record = { title, reveals: 0, disposed: false };
    state.panels.push(record);
    return panel(record);
  },
  showTextDocument: async (document: { uri: FakeUri }, options: { selection: Selection }) => {
    calls.shown.push({ document: document.uri.toString(), selection: options.selection });
    return { revealRange: () => undefined };
  },
  showSaveDialog: async (options: { defaultUri: FakeUri }) => {
    calls.saveDialogs.push(options.defaultUri.toString());
    return undefined;
  },
  showOpenDialog: async () => {
    calls.openDialogs++;
    return undefined;
  },
  showErrorMessage: async (m: string) => {
    calls.errors.push(m);
  },
  showInformationMessage: async () => undefined,
};

/** Context keys only: the host sets `podlens.lifecyclePanel*` for its title-bar buttons. */
export const commands = {
  executeCommand: async (command: string, key?: string, value?: unknown) => {
    if (command !== 'setContext') throw new Error(`the panel host ran the command ${command}`);
    state.context[key ?? ''] = value;
  },
};

export const workspace = {
  onDidChangeTextDocument: event('textDocument'),
  onDidChangeConfiguration: event('configuration'),
  getConfiguration: (section?: string) => ({
    get: (key: string) => state.settings[section ? `${section}.${key}` : key],
  }),
  asRelativePath: (u: FakeUri) => u.path,
  openTextDocument: async (at: FakeUri) => {
    calls.opened.push(at.toString());
    return textDocument(at, state.documentLines);
  },
  fs: {
    readFile: async (at: FakeUri) => {
      calls.reads.push(at.toString());
      return new Uint8Array();
    },
    writeFile: async (at: FakeUri) => {
      calls.writes.push(at.toString());
    },
  },
};

/** The host's output channel, recording what it logs. */
export const output = {
  info: (m: string) => calls.logs.push(`info ${m}`),
  warn: (m: string) => calls.logs.push(`warn ${m}`),
  error: (m: string) => calls.logs.push(`error ${m}`),
};

/** An in-memory `vscode.Memento` (workspace storage), which outlives the panels of one test as it outlives a reload. */
export function memento() {
  const values = new Map<string, unknown>();
  return {
    get: <T>(key: string): T | undefined => values.get(key) as T | undefined,
    update: async (key: string, value: unknown) => {
      if (value === undefined) values.delete(key);
      else values.set(key, value);
    },
    keys: () => [...values.keys()],
  };
}
