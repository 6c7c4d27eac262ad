// A minimal stand-in for the `vscode` module, enough for the extension's activate() and vscode-languageclient's
// start() to run in plain Node (scripts/bench/activation.mjs). The parts activate() actually uses are real enough
// (Uri, EventEmitter, Disposable, output channel, configuration with package.json defaults, an empty workspace);
// anything else resolves to an inert "anything" proxy (callable, constructible, returns disposables) and is
// recorded in `fallbacks`, so a new API the client starts using shows up instead of crashing the benchmark.
'use strict';
const path = require('node:path');
const { pathToFileURL, fileURLToPath } = require('node:url');

const fallbacks = new Set();

function anything(name) {
  // biome-ignore lint/complexity/useArrowFunction: a Proxy's construct trap needs a constructible target
  const target = function () {};
  const cache = new Map();
  return new Proxy(target, {
    get(_, prop) {
      if (prop === 'then') return undefined; // not a thenable: `await` must not hang on it
      if (prop === Symbol.iterator) return function* () {};
      if (prop === Symbol.toPrimitive) return () => `[fake ${name}]`;
      if (typeof prop === 'symbol') return undefined;
      if (prop === 'dispose') return () => {};
      if (prop === 'length' || prop === 'size') return 0;
      if (!cache.has(prop)) cache.set(prop, anything(`${name}.${prop}`));
      return cache.get(prop);
    },
    apply() {
      fallbacks.add(`${name}()`);
      return anything(`${name}()`);
    },
    construct() {
      fallbacks.add(`new ${name}`);
      return anything(`new ${name}`);
    },
  });
}

/** A namespace object: listed members are real, every other member is an `anything` proxy. */
function namespace(name, members) {
  return new Proxy(members, {
    get(target, prop) {
      if (prop in target || typeof prop === 'symbol') return target[prop];
      fallbacks.add(`${name}.${String(prop)}`);
      target[prop] = anything(`${name}.${String(prop)}`);
      return target[prop];
    },
  });
}

class Disposable {
  constructor(fn) {
    this.fn = fn;
  }
  static from(...items) {
    return new Disposable(() => {
      for (const d of items) d?.dispose?.();
    });
  }
  dispose() {
    this.fn?.();
    this.fn = undefined;
  }
}

class EventEmitter {
  constructor() {
    this.listeners = new Set();
    this.event = (listener, thisArg, disposables) => {
      const l = thisArg ? listener.bind(thisArg) : listener;
      this.listeners.add(l);
      const d = new Disposable(() => this.listeners.delete(l));
      if (Array.isArray(disposables)) disposables.push(d);
      return d;
    };
  }
  fire(e) {
    for (const l of [...this.listeners]) l(e);
  }
  dispose() {
    this.listeners.clear();
  }
}
const event = () => new EventEmitter().event;

class Uri {
  constructor(scheme, authority, p, query, fragment) {
    this.scheme = scheme;
    this.authority = authority ?? '';
    this.path = p ?? '';
    this.query = query ?? '';
    this.fragment = fragment ?? '';
  }
  static file(p) {
    return new Uri('file', '', path.resolve(p));
  }
  static parse(s) {
    const u = new URL(s);
    return new Uri(
      u.protocol.replace(/:$/, ''),
      u.host,
      decodeURIComponent(u.pathname),
      u.search.slice(1),
      u.hash.slice(1),
    );
  }
  static joinPath(base, ...parts) {
    return base.with({ path: path.posix.join(base.path, ...parts) });
  }
  static from(c) {
    return new Uri(c.scheme, c.authority, c.path, c.query, c.fragment);
  }
  get fsPath() {
    return this.scheme === 'file' ? fileURLToPath(pathToFileURL(this.path)) : this.path;
  }
  with(c) {
    return new Uri(
      c.scheme ?? this.scheme,
      c.authority ?? this.authority,
      c.path ?? this.path,
      c.query ?? this.query,
      c.fragment ?? this.fragment,
    );
  }
  toString() {
    if (this.scheme === 'file') return pathToFileURL(this.path).href;
    return `${this.scheme}://${this.authority}${this.path}${this.query ? `?${this.query}` : ''}${this.fragment ? `#${this.fragment}` : ''}`;
  }
  toJSON() {
    return {
      scheme: this.scheme,
      authority: this.authority,
      path: this.path,
      query: this.query,
      fragment: this.fragment,
    };
  }
}

class Position {
  constructor(line, character) {
    this.line = line;
    this.character = character;
  }
}
class Range {
  constructor(a, b, c, d) {
    if (typeof a === 'number') {
      this.start = new Position(a, b);
      this.end = new Position(c, d);
    } else {
      this.start = a;
      this.end = b;
    }
  }
}
class Selection extends Range {}
class CancellationError extends Error {}
class CancellationTokenSource {
  constructor() {
    const emitter = new EventEmitter();
    this.token = { isCancellationRequested: false, onCancellationRequested: emitter.event };
    this.emitter = emitter;
  }
  cancel() {
    this.token.isCancellationRequested = true;
    this.emitter.fire();
  }
  dispose() {}
}

const LogLevel = { Off: 0, Trace: 1, Debug: 2, Info: 3, Warning: 4, Error: 5 };

function outputChannel(name, verbose) {
  const write = (level) => (msg) => {
    if (verbose) process.stderr.write(`[${name} ${level}] ${msg}\n`);
  };
  return {
    name,
    logLevel: LogLevel.Info,
    onDidChangeLogLevel: event(),
    append: write('append'),
    appendLine: write('line'),
    replace: () => {},
    clear: () => {},
    show: () => {},
    hide: () => {},
    dispose: () => {},
    trace: write('trace'),
    debug: write('debug'),
    info: write('info'),
    warn: write('warn'),
    error: write('error'),
  };
}

/** `defaults`: the `contributes.configuration` defaults of package.json, keyed by full setting id. */
function create({ defaults = {}, verbose = false } = {}) {
  const configuration = (section) => {
    const prefix = section ? `${section}.` : '';
    const get = (key, dflt) => {
      const full = prefix + key;
      if (full in defaults) return defaults[full];
      // A whole sub-object, e.g. get('simulation') -> { until: 900 }
      const sub = Object.entries(defaults).filter(([k]) => k.startsWith(`${full}.`));
      if (sub.length) {
        const o = {};
        for (const [k, v] of sub) {
          let cur = o;
          const parts = k.slice(full.length + 1).split('.');
          for (const p of parts.slice(0, -1)) cur = cur[p] ??= {};
          cur[parts.at(-1)] = v;
        }
        return o;
      }
      return dflt;
    };
    return {
      get,
      has: (key) => get(key) !== undefined,
      inspect: (key) => ({ key: prefix + key, defaultValue: get(key) }),
      update: async () => {},
    };
  };
  const disposable = () => new Disposable();
  const vscode = {
    __esModule: true, // esbuild's __toESM then uses the object as is
    version: '1.99.0',
    Disposable,
    EventEmitter,
    Uri,
    Position,
    Range,
    Selection,
    CancellationError,
    CancellationTokenSource,
    LogLevel,
    ViewColumn: { Active: -1, Beside: -2, One: 1, Two: 2, Three: 3 },
    TextEditorRevealType: { Default: 0, InCenter: 1, InCenterIfOutsideViewport: 2, AtTop: 3 },
    ProgressLocation: { SourceControl: 1, Window: 10, Notification: 15 },
    ExtensionMode: { Production: 1, Development: 2, Test: 3 },
    UIKind: { Desktop: 1, Web: 2 },
    DiagnosticSeverity: { Error: 0, Warning: 1, Information: 2, Hint: 3 },
    TabInputText: class {},
    TabInputTextDiff: class {},
    TabInputNotebook: class {},
    TabInputCustom: class {},
    env: namespace('env', {
      appName: 'Visual Studio Code',
      appRoot: '/fake/vscode',
      language: 'en',
      machineId: 'bench',
      sessionId: 'bench',
      uiKind: 1,
      remoteName: undefined,
      openExternal: async () => true,
    }),
    window: namespace('window', {
      activeTextEditor: undefined,
      visibleTextEditors: [],
      tabGroups: { all: [], activeTabGroup: undefined, onDidChangeTabs: event(), onDidChangeTabGroups: event() },
      createOutputChannel: (name) => outputChannel(name, verbose),
      showErrorMessage: async () => undefined,
      showWarningMessage: async () => undefined,
      showInformationMessage: async () => undefined,
      setStatusBarMessage: disposable,
      registerWebviewPanelSerializer: disposable,
      onDidChangeActiveTextEditor: event(),
      onDidChangeVisibleTextEditors: event(),
      onDidChangeTextEditorSelection: event(),
      withProgress: async (_o, task) => task({ report() {} }, new CancellationTokenSource().token),
    }),
    workspace: namespace('workspace', {
      textDocuments: [],
      notebookDocuments: [],
      workspaceFolders: undefined,
      name: undefined,
      getConfiguration: configuration,
      onDidChangeConfiguration: event(),
      onDidOpenTextDocument: event(),
      onDidChangeTextDocument: event(),
      onDidCloseTextDocument: event(),
      onDidSaveTextDocument: event(),
      onWillSaveTextDocument: event(),
      onDidChangeWorkspaceFolders: event(),
      onDidOpenNotebookDocument: event(),
      onDidChangeNotebookDocument: event(),
      onDidSaveNotebookDocument: event(),
      onDidCloseNotebookDocument: event(),
      createFileSystemWatcher: () => ({
        onDidCreate: event(),
        onDidChange: event(),
        onDidDelete: event(),
        dispose() {},
      }),
    }),
    languages: namespace('languages', {
      match: () => 0,
      createDiagnosticCollection: (name) => {
        const m = new Map();
        return {
          name,
          set: (uri, d) => {
            if (!Array.isArray(uri)) m.set(String(uri), d);
            else for (const [u, x] of uri) m.set(String(u), x);
          },
          delete: (uri) => m.delete(String(uri)),
          clear: () => m.clear(),
          get: (uri) => m.get(String(uri)),
          has: (uri) => m.has(String(uri)),
          forEach: () => {},
          dispose: () => m.clear(),
        };
      },
    }),
    commands: namespace('commands', {
      registerCommand: disposable,
      executeCommand: async () => undefined,
    }),
    extensions: namespace('extensions', { all: [], getExtension: () => undefined, onDidChange: event() }),
  };
  return namespace('vscode', vscode);
}

module.exports = { create, fallbacks };
