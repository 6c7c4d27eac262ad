/**
 * Publishes diagnostics for the newest version of each open document; never an older one after a newer. A big
 * file's first analysis runs on the worker pool (the event loop stays free for hovers meanwhile); edits analyse
 * their one changed segment in-process.
 */
import { type Diagnostic, DiagnosticSeverity } from 'vscode-languageserver';
import type { Finding } from '../../shared/lint';
import type { AnalysisPool } from '../analysisPool';
import type { ServerContext } from '../context';
import { toDiagnostic } from '../convert';

/** Below this many pending segments, starting threads costs more than it saves. */
const POOL_MIN_SEGMENTS = 48;

export class DiagnosticsPublisher {
  private readonly pending = new Set<string>();
  private scheduled = false;
  /** Nothing is published before the client's settings are known: rule levels and limits come from them. */
  private started = false;
  private readonly published = new Map<string, number>();
  /** URIs whose batch analysis is running; their next publish waits for it. */
  private readonly batches = new Map<string, Promise<void>>();

  constructor(
    private readonly ctx: ServerContext,
    private readonly pool?: AnalysisPool,
  ) {}

  /** Coalesces bursts of edits: only the newest text of each document is analysed. */
  schedule(uri: string): void {
    this.pending.add(uri);
    if (this.scheduled || !this.started) return;
    this.scheduled = true;
    setImmediate(() => this.flush());
  }

  /** Called once the settings are loaded: publishes what was opened meanwhile, and everything after. */
  start(): void {
    this.started = true;
    this.scheduleAll();
  }

  scheduleAll(): void {
    for (const doc of this.ctx.documents.all()) this.schedule(doc.uri);
  }

  clear(uri: string): void {
    this.pending.delete(uri);
    this.published.delete(uri);
    void this.ctx.connection.sendDiagnostics({ uri, diagnostics: [] });
  }

  private flush(): void {
    this.scheduled = false;
    const uris = [...this.pending];
    this.pending.clear();
    for (const uri of uris) void this.publish(uri);
  }

  private async publish(uri: string): Promise<void> {
    if (!this.ctx.sync(uri)) return;
    const running = this.batches.get(uri);
    if (running) {
      // The batch's results land in the cache; publish the newest text after it.
      await running;
      this.schedule(uri);
      return;
    }
    const pending = this.ctx.store.pending(uri);
    if (this.pool && pending.length >= POOL_MIN_SEGMENTS) {
      const spec = this.ctx.store.currentSpec();
      const batch = this.pool
        .analyze(pending, spec, this.ctx.store.parseOptions(uri))
        .then((analyses) => this.ctx.store.accept(uri, pending, analyses, spec))
        .catch((err) => this.ctx.log(`podlens: worker analysis failed, analysing in-process: ${String(err)}`))
        .finally(() => this.batches.delete(uri));
      this.batches.set(uri, batch);
      await batch;
    }
    this.send(uri);
  }

  /** Findings of untouched segments are the same objects across edits: convert each once. */
  private readonly converted = new WeakMap<Finding, Diagnostic>();

  private diagnosticOf(f: Finding, uri: string): Diagnostic {
    // Related information names the file, and identical segments of two files share findings: convert those fresh.
    if (f.related?.length) return toDiagnostic(f, uri);
    let d = this.converted.get(f);
    if (!d) {
      d = toDiagnostic(f, uri);
      this.converted.set(f, d);
    }
    return d;
  }

  private send(uri: string): void {
    const doc = this.ctx.documents.get(uri);
    if (!doc || !this.ctx.sync(uri)) return;
    try {
      const last = this.published.get(uri);
      if (last !== undefined && last > doc.version) return;
      const { enable, maxDiagnosticsPerFile } = this.ctx.settings().lint;
      const diagnostics = enable
        ? capped(
            this.ctx.store.findings(uri).map((f) => this.diagnosticOf(f, uri)),
            maxDiagnosticsPerFile,
          )
        : [];
      this.published.set(uri, doc.version);
      void this.ctx.connection.sendDiagnostics({ uri, version: doc.version, diagnostics });
    } catch (err) {
      this.ctx.log(`podlens: diagnostics failed for ${uri}: ${err instanceof Error ? err.stack : String(err)}`);
    }
  }
}

/**
 * At most `max` diagnostics, errors first (the sort is stable: by position within a severity), the last slot
 * counting what was left out. VS Code keeps only the first 1,000 of a file by severity anyway, so errors must not
 * be crowded out by hints, and a 1,000-document file must not ship a megabyte per keystroke.
 */
export function capped(all: readonly Diagnostic[], max: number): Diagnostic[] {
  const sorted = [...all].sort((a, b) => (a.severity ?? 1) - (b.severity ?? 1));
  if (sorted.length <= max) return sorted;
  const shown = sorted.slice(0, Math.max(0, max - 1));
  const hidden = sorted.length - shown.length;
  const first = sorted[shown.length] as Diagnostic;
  shown.push({
    range: first.range,
    severity: DiagnosticSeverity.Information,
    source: 'podlens',
    message:
      `${hidden} more podlens findings in this file are not shown (the least severe ones): at most ${max} are ` +
      'published per file (podlens.lint.maxDiagnosticsPerFile). `podlens lint` lists them all.',
  });
  return shown;
}
