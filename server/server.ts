/**
 * Wires the language server: capabilities, document sync (incremental), settings and feature handlers. A thin
 * adapter over the analysis host (shared/analysis): notifications feed it, features query its snapshot.
 * All wiring takes the connection as a parameter so tests can run it over in-memory streams.
 */
import {
  CodeLensRefreshRequest,
  type Connection,
  MessageType,
  ShowMessageNotification,
  TextDocumentSyncKind,
} from 'vscode-languageserver';
import { AnalysisHost, type AnalysisSpec } from '../shared/analysis';
import { configFromSettings, DEFAULT_LINT_CONFIG, type LintConfig, mergeLintConfigs } from '../shared/lint';
import { TargetsChangedNotification } from '../shared/protocol/ids';
import { DEFAULT_SETTINGS, type Settings } from '../shared/settings';
import type { AnalysisPool } from './analysisPool';
import type { ServerContext } from './context';
import { FEATURES } from './features';
import { DiagnosticsPublisher } from './features/diagnostics';
import { kustomizePreviewFeature } from './features/kustomizePreview';
import { watchWorkspaceFiles, workspaceFeatures } from './features/workspace';
import { WorkspaceFindings } from './features/workspaceDiagnostics';
import { FirstPublish } from './firstPublish';
import { folderTargets } from './folderTargets';
import { Kustomizations } from './kustomize';
import { OpenDocuments } from './openDocuments';
import { OpenFileFacts } from './openFileFacts';
import { changeMessage, fileSize, SERVER_VERSION, startMessage, timedRequests } from './serverLog';
import { fetchScopedSettings } from './settings';
import { configFileFindings, isConfigFileUri, WorkspaceConfig } from './workspaceConfig';
import { followWorkspaceFolders, WORKSPACE_FOLDER_CAPABILITIES } from './workspaceFolders';
import { ServerWorkspaceIndex } from './workspaceIndex';
import { readingExecutor } from './workspaceReadings';

export const SERVER_NAME = 'podlens';

export interface ServerOptions {
  /** Runs big files' first analysis in worker threads; omitted in tests that load the server unbundled. */
  pool?: AnalysisPool;
  /** The server bundle, which doubles as the workspace scan worker; omitted in tests that load it unbundled. */
  script?: string;
}

export function startServer(connection: Connection, options: ServerOptions = {}): void {
  let settings: Settings = DEFAULT_SETTINGS;
  /** The settings as each workspace folder sees them, in workspaceConfig.folderConfigs() order. */
  let folderSettings: Settings[] = [];
  let configurationSupported = false;

  const workspaceConfig = new WorkspaceConfig((m) => connection.console.warn(m));
  let lintConfig: LintConfig = DEFAULT_LINT_CONFIG;
  let spec: AnalysisSpec = { config: lintConfig };
  let shownSettingsProblems = '';
  const loggedFailures = new Set<string>();
  const kustomizations = new Kustomizations(() => workspaceConfig.folderPaths());
  const workspace = new ServerWorkspaceIndex(options.script);
  const crossFile = new WorkspaceFindings(
    workspace,
    () => settings.workspace.assumeComplete,
    () => lintConfig,
  );
  // A segment parsed for the index is linted for cross-file findings at once, instead of being parsed again.
  const openFacts = new OpenFileFacts((...parsed) => crossFile.prime(...parsed));
  const host = new AnalysisHost(spec, {
    optionsFor: (uri) => ({ path: uri, ...kustomizations.optionsFor(uri) }),
    // A rule that throws is a podlens bug: log it once per rule, keep the other rules' findings.
    onFailure: (f) => {
      if (loggedFailures.has(f.rule)) return;
      loggedFailures.add(f.rule);
      connection.console.error(`podlens: rule ${f.rule} failed: ${f.stack ?? f.message}`);
    },
    executor:
      options.pool &&
      readingExecutor(options.pool, {
        workspace,
        facts: openFacts,
        crossFile,
        complete: () => settings.workspace.assumeComplete,
      }),
  });
  const documents = new OpenDocuments(host);
  const firstPublish = new FirstPublish();
  const ctx: ServerContext = {
    connection: firstPublish.observe(
      timedRequests(connection, (uri) => {
        const analysis = host.snapshot();
        return analysis.has(uri) ? fileSize(analysis, uri) : 'not open';
      }),
    ),
    documents,
    analysis: () => host.snapshot(),
    settings: () => settings,
    workspace: () => {
      workspace.flush();
      return workspace.index.objects(settings.workspace.assumeComplete);
    },
    clientCapabilities: {},
    log: (m) => connection.console.error(m),
  };
  const diagnostics = new DiagnosticsPublisher(ctx, host, options.pool);
  host.setCrossFileFindings((uri, analysis) => crossFile.findings(uri, analysis));
  workspace.onDidChange(() => {
    const analysis = host.snapshot();
    for (const uri of analysis.uris()) if (crossFile.changed(uri, analysis)) diagnostics.schedule(uri);
  });
  const wsFeatures = [
    ...workspaceFeatures(workspace),
    kustomizePreviewFeature(
      () => workspaceConfig.folderPaths(),
      () => lintConfig,
    ),
  ];

  /** An open `.podlens.yaml` shows its own configuration problems, at the levels in force, instead of lint's. */
  const showConfigFindings = (uri: string) => {
    const doc = isConfigFileUri(uri) ? documents.get(uri) : undefined;
    if (doc) host.overrideFindings(uri, configFileFindings(doc.getText(), lintConfig));
  };

  /** `.podlens.yaml` layered under the `podlens.rules` setting; re-analyses everything when the levels change. */
  /** Applies the rule levels and targets of the settings and `.podlens.yaml` files; true when they changed. */
  const applyLintConfig = (): boolean => {
    const fromSettings = configFromSettings(
      settings.rules,
      settings.rulePreset,
      settings.kubernetesVersion,
      settings.featureGates,
    );
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
    const config = mergeLintConfigs(workspaceConfig.config(), fromSettings.config);
    const folders = workspaceConfig
      .folderConfigs()
      .map((f, i) => ({ uri: f.uri, file: f.config, settings: folderSettings[i] ?? settings }));
    const next: AnalysisSpec = { config, folderTargets: folderTargets(folders) };
    const changed = JSON.stringify(next) !== JSON.stringify(spec);
    if (changed) {
      const levelsChanged = JSON.stringify(config) !== JSON.stringify(lintConfig);
      spec = next;
      lintConfig = config;
      host.setSpec(spec);
      if (levelsChanged) for (const doc of documents.all()) showConfigFindings(doc.uri);
      // The status bar shows the active file's target, which may just have changed; the lenses predict with it.
      void connection.sendNotification(TargetsChangedNotification.method);
      refreshLenses();
    }
    diagnostics.scheduleAll();
    return changed;
  };

  /** The window's settings and each folder's, in one workspace/configuration request. */
  const fetchAllSettings = async () => {
    const scopes = workspaceConfig.folderConfigs().map((f) => f.uri);
    const [own, ...perFolder] = await fetchScopedSettings(connection, configurationSupported, [undefined, ...scopes]);
    settings = own ?? DEFAULT_SETTINGS;
    folderSettings = perFolder;
  };

  connection.onInitialize((params) => {
    ctx.clientCapabilities = params.capabilities;
    configurationSupported = !!params.capabilities.workspace?.configuration;
    const folders = params.workspaceFolders?.map((f) => f.uri) ?? (params.rootUri ? [params.rootUri] : []);
    workspaceConfig.setFolders(folders);
    return {
      capabilities: Object.assign(
        { textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental } },
        WORKSPACE_FOLDER_CAPABILITIES,
        ...[...FEATURES, ...wsFeatures].map((f) => f.capabilities),
      ),
      serverInfo: { name: SERVER_NAME, version: SERVER_VERSION },
    };
  });

  connection.onInitialized(async () => {
    // Before the awaits below: a folder added meanwhile is not missed (the first scan reads the folders then).
    followWorkspaceFolders(connection, ctx.clientCapabilities, {
      config: workspaceConfig,
      index: workspace,
      reload: async () => {
        await fetchAllSettings();
        if (!applyLintConfig()) refreshLenses();
      },
      log: (m) => connection.console.info(m),
    });
    try {
      await workspaceConfig.load();
      workspaceConfig.watch(applyLintConfig);
      await fetchAllSettings();
    } finally {
      connection.console.info(startMessage(settings));
      // Documents opened while the settings were on their way are published with them, never with defaults first.
      applyLintConfig();
      diagnostics.start();
      watchWorkspaceFiles(connection, ctx.clientCapabilities, workspace);
      // The scan starts behind the first diagnostics of the documents open at start-up, never ahead of them.
      void firstPublish
        .afterStartup(() => documents.all().map((d) => d.uri))
        .then(async () => {
          const started = performance.now();
          await workspace.start(workspaceConfig.folderPaths());
          connection.console.info(
            `workspace index: ${workspace.index.size} files indexed in ${Math.round(performance.now() - started)} ms`,
          );
        })
        // The connection can be gone before the scan ends (the editor quit): there is no one left to tell.
        .catch(() => undefined);
    }
  });

  connection.onDidChangeConfiguration(async () => {
    const before = settings;
    await fetchAllSettings();
    const changed = changeMessage(before, settings);
    if (changed) connection.console.info(changed);
    // Lenses depend on podlens.codeLens.enable and podlens.simulation.until too: refreshed also when the rules and
    // targets stay the same.
    if (!applyLintConfig()) refreshLenses();
  });

  /** Asks the client to request the lenses again; a client that cannot refresh is not asked. */
  const refreshLenses = () => {
    if (ctx.clientCapabilities.workspace?.codeLens?.refreshSupport)
      void connection.sendRequest(CodeLensRefreshRequest.type);
  };

  connection.onShutdown(() => workspaceConfig.dispose());

  // First, so that every later listener sees a configuration file's own findings.
  documents.onDidChangeContent((e) => showConfigFindings(e.document.uri));
  documents.onDidChangeContent((e) => {
    // Diagnostics first: the index then reads the segments their analysis has just parsed.
    diagnostics.schedule(e.document.uri);
    const uri = e.document.uri;
    // A file going to the worker pool is read for the index there (./workspaceReadings): the index waits for it.
    workspace.openChanged(uri, () => ({
      ...openFacts.text(uri, host.snapshot()),
      ready: () => !host.awaitsBatch(uri),
    }));
  });
  documents.onDidClose((e) => {
    workspace.closed(e.document.uri);
    openFacts.forget(e.document.uri);
    crossFile.forget(e.document.uri);
    kustomizations.forget(e.document.uri);
    diagnostics.clear(e.document.uri);
  });

  for (const feature of [...FEATURES, ...wsFeatures]) feature.register(ctx);
  documents.listen(connection);
}
