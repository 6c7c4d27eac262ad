/**
 * Wires the language server: capabilities, document sync (incremental), settings and feature handlers.
 * All wiring takes the connection as a parameter so tests can run it over in-memory streams.
 */
import {
  CodeLensRefreshRequest,
  type Connection,
  type DidChangeTextDocumentParams,
  MessageType,
  ShowMessageNotification,
  TextDocumentSyncKind,
  TextDocuments,
} from 'vscode-languageserver';
import {
  configFromSettings,
  DEFAULT_LINT_CONFIG,
  type Finding,
  type LintConfig,
  mergeLintConfigs,
  type RuleFailure,
} from '../shared/lint';
import type { ParseOptions } from '../shared/model';
import { DEFAULT_SETTINGS, type Settings } from '../shared/settings';
import type { AnalysisPool } from './analysisPool';
import type { ServerContext } from './context';
import { type AnalysisSpec, ManifestStore } from './documents';
import { FEATURES } from './features';
import { DiagnosticsPublisher } from './features/diagnostics';
import { watchWorkspaceFiles, workspaceFeatures } from './features/workspace';
import { WorkspaceFindings } from './features/workspaceDiagnostics';
import { Kustomizations } from './kustomize';
import { lazyTextDocuments } from './lazyTextDocument';
import { changeMessage, fileSize, SERVER_VERSION, startMessage, timedRequests } from './serverLog';
import { fetchSettings } from './settings';
import { configFileFindings, isConfigFileUri, WorkspaceConfig } from './workspaceConfig';
import { ServerWorkspaceIndex } from './workspaceIndex';

export const SERVER_NAME = 'podlens';

/** The manifest store, except that an open `.podlens.yaml` shows its own configuration problems. */
class LintStore extends ManifestStore {
  constructor(
    spec: AnalysisSpec,
    optionsFor: (uri: string) => ParseOptions,
    onFailure: (failure: RuleFailure) => void,
    private readonly configFindings: (uri: string) => Finding[] | undefined,
    /** Findings that depend on other files (the workspace rules), added to the cached per-segment ones. */
    readonly crossFile: { findings?: (uri: string) => Finding[] } = {},
  ) {
    super(spec, optionsFor, onFailure);
  }

  override findings(uri: string): Finding[] {
    const own = this.configFindings(uri) ?? super.findings(uri);
    const cross = this.crossFile.findings?.(uri) ?? [];
    return cross.length ? [...own, ...cross] : own;
  }
}

export interface ServerOptions {
  /** Runs big files' first analysis in worker threads; omitted in tests that load the server unbundled. */
  pool?: AnalysisPool;
  /** The server bundle, which doubles as the workspace scan worker; omitted in tests that load it unbundled. */
  script?: string;
}

export function startServer(connection: Connection, options: ServerOptions = {}): void {
  const documents = new TextDocuments(lazyTextDocuments);
  let settings: Settings = DEFAULT_SETTINGS;
  let configurationSupported = false;

  const workspaceConfig = new WorkspaceConfig((m) => connection.console.warn(m));
  let lintConfig: LintConfig = DEFAULT_LINT_CONFIG;
  let shownSettingsProblems = '';
  const loggedFailures = new Set<string>();
  const kustomizations = new Kustomizations(() => workspaceConfig.folderPaths());
  const store = new LintStore(
    { config: lintConfig },
    (uri) => ({ path: uri, ...kustomizations.optionsFor(uri) }),
    // A rule that throws is a podlens bug: log it once per rule, keep the other rules' findings.
    (f) => {
      if (loggedFailures.has(f.rule)) return;
      loggedFailures.add(f.rule);
      connection.console.error(`podlens: rule ${f.rule} failed: ${f.stack ?? f.message}`);
    },
    (uri) => {
      const doc = isConfigFileUri(uri) ? documents.get(uri) : undefined;
      return doc ? configFileFindings(doc.getText(), lintConfig) : undefined;
    },
  );
  const ctx: ServerContext = {
    connection: timedRequests(connection, (uri) => {
      const doc = documents.get(uri);
      return doc ? fileSize(doc) : 'not open';
    }),
    documents,
    store,
    settings: () => settings,
    clientCapabilities: {},
    log: (m) => connection.console.error(m),
    sync: (uri) => {
      const doc = documents.get(uri);
      if (!doc) return false;
      if (store.version(uri) !== doc.version) store.update(uri, () => doc.getText(), doc.version);
      return true;
    },
  };
  const diagnostics = new DiagnosticsPublisher(ctx, options.pool);
  const workspace = new ServerWorkspaceIndex(options.script);
  const crossFile = new WorkspaceFindings(
    workspace,
    store,
    () => settings.workspace.assumeComplete,
    () => lintConfig,
  );
  store.crossFile.findings = (uri) => crossFile.findings(uri, documents.get(uri)?.lineCount ?? 0);
  workspace.onDidChange(() => {
    for (const doc of documents.all()) {
      if (ctx.sync(doc.uri) && crossFile.changed(doc.uri, doc.lineCount)) diagnostics.schedule(doc.uri);
    }
  });
  const wsFeatures = workspaceFeatures(workspace);

  /** `.podlens.yaml` layered under the `podlens.rules` setting; re-analyses everything when the levels change. */
  const applyLintConfig = () => {
    const fromSettings = configFromSettings(settings.rules, settings.rulePreset);
    const problems = fromSettings.problems.join(' ');
    if (problems && problems !== shownSettingsProblems) {
      connection.console.warn(`podlens.rules: ${problems}`);
      // A notification: window.showWarningMessage is a request, and a client without it answers with an error.
      void connection.sendNotification(ShowMessageNotification.type, {
        type: MessageType.Warning,
        message: `podlens.rules: ${problems}`,
      });
    }
    shownSettingsProblems = problems;
    const next = mergeLintConfigs(workspaceConfig.config(), fromSettings.config);
    if (JSON.stringify(next) !== JSON.stringify(lintConfig)) {
      lintConfig = next;
      store.setSpec({ config: lintConfig });
    }
    diagnostics.scheduleAll();
  };

  connection.onInitialize((params) => {
    ctx.clientCapabilities = params.capabilities;
    configurationSupported = !!params.capabilities.workspace?.configuration;
    const folders = params.workspaceFolders?.map((f) => f.uri) ?? (params.rootUri ? [params.rootUri] : []);
    workspaceConfig.setFolders(folders);
    return {
      capabilities: Object.assign(
        { textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental } },
        ...[...FEATURES, ...wsFeatures].map((f) => f.capabilities),
      ),
      serverInfo: { name: SERVER_NAME, version: SERVER_VERSION },
    };
  });

  connection.onInitialized(async () => {
    try {
      await workspaceConfig.load();
      workspaceConfig.watch(applyLintConfig);
      settings = await fetchSettings(connection, configurationSupported);
    } finally {
      connection.console.info(startMessage(settings));
      // Documents opened while the settings were on their way are published with them, never with defaults first.
      applyLintConfig();
      diagnostics.start();
      watchWorkspaceFiles(connection, ctx.clientCapabilities, workspace);
      const started = performance.now();
      void workspace
        .start(workspaceConfig.folderPaths())
        .then(() =>
          connection.console.info(
            `workspace index: ${workspace.index.size} files indexed in ${Math.round(performance.now() - started)} ms`,
          ),
        );
    }
  });

  connection.onDidChangeConfiguration(async () => {
    const before = settings;
    settings = await fetchSettings(connection, configurationSupported);
    const changed = changeMessage(before, settings);
    if (changed) connection.console.info(changed);
    applyLintConfig();
    // Lenses depend on podlens.codeLens.enable and podlens.simulation.until; clients that cannot refresh ignore it.
    if (ctx.clientCapabilities.workspace?.codeLens?.refreshSupport)
      void connection.sendRequest(CodeLensRefreshRequest.type);
  });

  connection.onShutdown(() => workspaceConfig.dispose());

  documents.onDidChangeContent((e) => {
    workspace.openChanged(e.document.uri, () => e.document.getText());
    diagnostics.schedule(e.document.uri);
  });
  documents.onDidClose((e) => {
    workspace.closed(e.document.uri);
    crossFile.forget(e.document.uri);
    store.close(e.document.uri);
    kustomizations.forget(e.document.uri);
    diagnostics.clear(e.document.uri);
  });

  for (const feature of [...FEATURES, ...wsFeatures]) feature.register(ctx);
  documents.listen(
    withChangeTap(connection, (params) => store.noteChanges(params.textDocument.uri, params.contentChanges)),
  );
}

/**
 * The connection as TextDocuments sees it, except that each didChange is shown to `tap` first: the store keeps
 * the edit ranges so it can re-split only what changed. TextDocuments itself only reports the new text.
 */
function withChangeTap(connection: Connection, tap: (params: DidChangeTextDocumentParams) => void): Connection {
  return new Proxy(connection, {
    get(target, prop, receiver) {
      if (prop === 'onDidChangeTextDocument') {
        return (handler: (params: DidChangeTextDocumentParams) => void) =>
          target.onDidChangeTextDocument((params) => {
            tap(params);
            handler(params);
          });
      }
      return Reflect.get(target, prop, receiver);
    },
  });
}
