/**
 * What the server writes to the podlens Output channel (window/logMessage): who started with which settings,
 * what each configuration change changed, and operations slow enough that a user would notice them.
 */
import type { Connection } from 'vscode-languageserver';
import type { Analysis } from '../shared/analysis';
import { deferredToSchema, defersAnything } from '../shared/coexistence';
import { schemaSource } from '../shared/k8s/schema';
import type { Settings } from '../shared/settings';

declare const PODLENS_VERSION: string;
/** The package version esbuild bakes into the bundle; unbundled runs (tests of sources) say so. */
export const SERVER_VERSION = typeof PODLENS_VERSION === 'string' ? PODLENS_VERSION : '0.0.0-dev';

/**
 * Operations at least this slow are logged with their size: a user notices lag from about here.
 * PODLENS_SLOW_OPERATION_MS lowers it (0 logs every analysis) to see where time goes.
 */
const SLOW_OPERATION_MS = slowThreshold(process.env.PODLENS_SLOW_OPERATION_MS);

function slowThreshold(raw: string | undefined): number {
  const n = raw === undefined || raw.trim() === '' ? Number.NaN : Number(raw);
  return Number.isFinite(n) && n >= 0 ? n : 200;
}

/** `a.b: value` for every leaf of the settings, in a stable order. */
function leaves(value: unknown, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  if (typeof value === 'object' && value !== null && !Array.isArray(value) && Object.keys(value).length > 0) {
    // `rules` is a map of user keys: one leaf, so a changed level reads `rules: {...} → {...}`.
    if (prefix === 'rules') out.set(prefix, JSON.stringify(value));
    else {
      for (const [k, v] of Object.entries(value)) {
        for (const [p, s] of leaves(v, prefix ? `${prefix}.${k}` : k)) out.set(p, s);
      }
    }
  } else out.set(prefix, JSON.stringify(value));
  return out;
}

function coexistenceLine(settings: Settings): string {
  const d = deferredToSchema(settings);
  if (!defersAnything(d)) return `coexistence ${settings.coexistence}: podlens provides every feature`;
  const left = [d.hover && 'schema hover text', d.completion && 'key completion', d.validation && 'schema errors'];
  return `coexistence ${settings.coexistence}: Red Hat YAML's Kubernetes schema is active, podlens leaves ${left.filter(Boolean).join(', ')} to it`;
}

/**
 * The start line: version, the Kubernetes version of the bundled schema, the settings in force.
 * @example startMessage(DEFAULT_SETTINGS) // 'podlens 0.1.0 started · Kubernetes 1.36 schema (kubernetes-models@5.1.0) · ...'
 */
export function startMessage(settings: Settings): string {
  const src = schemaSource();
  const settingsText = [...leaves(settings)].map(([k, v]) => `${k}=${v}`).join(', ');
  return `podlens ${SERVER_VERSION} started · Kubernetes ${src.kubernetes ?? 'unknown'} schema (${src.package}) · node ${process.version} · settings: ${settingsText} · ${coexistenceLine(settings)}`;
}

/**
 * One line naming each setting that changed, or undefined when nothing did.
 * @example changeMessage(a, { ...a, lint: { ...a.lint, enable: false } }) // 'settings changed: lint.enable true → false'
 */
export function changeMessage(before: Settings, after: Settings): string | undefined {
  const old = leaves(before);
  const changed = [...leaves(after)].filter(([k, v]) => old.get(k) !== v).map(([k, v]) => `${k} ${old.get(k)} → ${v}`);
  if (changed.length === 0) return undefined;
  const coexistence = coexistenceLine(before) === coexistenceLine(after) ? '' : ` · ${coexistenceLine(after)}`;
  return `settings changed: ${changed.join(', ')}${coexistence}`;
}

/**
 * `1,204 lines, 48,310 characters`: the size that explains a slow analysis, from the analysis's segments. The
 * document's own line count would index every line of the text first: 100 ms on a 4 MB file, for a log line.
 */
export function fileSize(analysis: Pick<Analysis, 'lineCount' | 'length'>, uri: string): string {
  return `${grouped(analysis.lineCount(uri))} lines, ${grouped(analysis.length(uri))} characters`;
}

/** `48,310`. Not toLocaleString: its first call loads the locale data, 15 ms on the path to a big file's diagnostics. */
function grouped(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** Logs `what` when it took SLOW_OPERATION_MS or more; `detail` (computed only then) says how big the input was. */
export function logIfSlow(connection: Connection, what: string, ms: number, detail: () => string): void {
  if (ms < SLOW_OPERATION_MS) return;
  connection.console.warn(`slow: ${what} took ${Math.round(ms)} ms (${detail()})`);
}

/** The request handlers whose time a user waits for, by the connection method that registers them. */
const TIMED_REQUESTS: Readonly<Record<string, string>> = {
  onHover: 'hover',
  onCompletion: 'completion',
  onCodeAction: 'code actions',
  onCodeLens: 'code lenses',
  onCodeLensResolve: 'code lens resolve',
  onDocumentSymbol: 'outline',
  onFoldingRanges: 'folding ranges',
};

function uriOf(params: unknown): string | undefined {
  const doc = (params as { textDocument?: { uri?: unknown } } | undefined)?.textDocument;
  return typeof doc?.uri === 'string' ? doc.uri : undefined;
}

type Handler = (...args: unknown[]) => unknown;

/**
 * The connection as features see it, except that the request handlers in TIMED_REQUESTS log when they are slow
 * (handlers that answer with a promise are timed until it settles). Everything else is the connection itself,
 * reached through the prototype.
 */
export function timedRequests(connection: Connection, sizeOf: (uri: string) => string): Connection {
  const timed = Object.create(connection) as Connection;
  const registrars = connection as unknown as Record<string, (handler: Handler) => unknown>;
  for (const [method, what] of Object.entries(TIMED_REQUESTS)) {
    const register = registrars[method];
    if (typeof register !== 'function') continue;
    const wrap =
      (handler: Handler): Handler =>
      (...args) => {
        const started = performance.now();
        const uri = uriOf(args[0]);
        const report = () =>
          logIfSlow(connection, uri ? `${what} in ${uri}` : what, performance.now() - started, () =>
            uri ? sizeOf(uri) : 'no document',
          );
        const result = handler(...args);
        if (result instanceof Promise) void result.then(report, report);
        else report();
        return result;
      };
    Object.defineProperty(timed, method, { value: (handler: Handler) => register.call(connection, wrap(handler)) });
  }
  return timed;
}
