/**
 * Publishes diagnostics for the newest version of each open document; never an older one after a newer. A big
 * file's first analysis runs on the worker pool (the event loop stays free for hovers meanwhile); edits analyse
 * their one changed segment in-process. Before that batch, a big file gets a partial publish: the findings of the
 * documents on screen (or the first ones), analysed in-process, marked partial and always followed by the
 * complete publish of the same version or a newer one.
 */
import { type Diagnostic, DiagnosticSeverity } from 'vscode-languageserver';
import { type AnalysisHost, type GroupedFindings, groupedList, type SegmentExecutor } from '../../shared/analysis';
import { deferredToSchema, SCHEMA_RULES } from '../../shared/coexistence';
import type { Finding } from '../../shared/lint';
import { PARTIAL_DIAGNOSTICS_PROPERTY } from '../../shared/protocol/lsp';
import type { ServerContext } from '../context';
import { toDiagnostic } from '../convert';
import { fileSize, logIfSlow } from '../serverLog';
import { cappedGroups } from './cappedFindings';
import { LatestPublish } from './latestPublish';
import { type LineSpan, VisibleLines } from './visibleLines';

/** The lines a partial publish covers when the client has not said what is on screen: the top of the file. */
const FIRST_SCREEN: LineSpan = { start: 0, end: 100 };
/** Lines above and below the screen analysed with it, so that a small scroll already shows findings. */
const SCREEN_MARGIN = 100;
/** At most this many lines from the top of each visible range (a folded file shows all of it "on screen"). */
const MAX_SCREEN_LINES = 400;

export class DiagnosticsPublisher {
  private readonly pending = new Set<string>();
  private scheduled = false;
  /** Nothing is published before the client's settings are known: rule levels and limits come from them. */
  private started = false;
  /** The version last published per file, partial or complete. */
  private readonly published = new Map<string, number>();
  /**
   * The last complete publish per file: a re-publish of the same version with the same diagnostics (after a worker
   * batch, or a workspace index update that changed no cross-file finding) is not sent again.
   */
  private readonly lastComplete = new Map<string, { version: number; diagnostics: Diagnostic[] }>();
  private readonly visible = new VisibleLines();
  /** Every publish goes through it: a file's stale publishes are dropped while the writer is behind. */
  private readonly outbox: LatestPublish;

  constructor(
    private readonly ctx: ServerContext,
    /** Decides whether a big file's first analysis runs in parallel, and runs it. */
    private readonly host: AnalysisHost,
    /** The host's executor, told ahead when a big file's first batch is coming. */
    private readonly executor?: Pick<SegmentExecutor, 'prepare' | 'release'>,
  ) {
    this.visible.listen(ctx.connection, ctx.log);
    this.outbox = new LatestPublish((params) => ctx.connection.sendDiagnostics(params));
  }

  /** Coalesces bursts of edits: only the newest text of each document is analysed. */
  schedule(uri: string): void {
    this.prepareBatch(uri);
    this.pending.add(uri);
    if (this.scheduled || !this.started) return;
    this.scheduled = true;
    setImmediate(() => this.flush());
  }

  /**
   * A file that will go to the worker pool while the settings are still on their way: the workers start now and
   * load during that wait. Once the settings are known the batch starts right after the lines on screen are
   * published, and workers loading earlier would only take the CPU that first publish needs.
   */
  private prepareBatch(uri: string): void {
    if (this.started || !this.executor?.prepare) return;
    if (this.host.needsBatch(uri)) this.executor.prepare();
  }

  /** Called once the settings are loaded: publishes what was opened meanwhile, and everything after. */
  start(): void {
    this.started = true;
    this.scheduleAll();
    // Every big file opened meanwhile was closed again: the workers started for it have nothing to do.
    if (!this.scheduled) this.executor?.release?.();
  }

  /** After a settings change: every file is published again, also where its diagnostics stay the same. */
  scheduleAll(): void {
    this.lastComplete.clear();
    for (const doc of this.ctx.documents.all()) this.schedule(doc.uri);
  }

  clear(uri: string): void {
    this.pending.delete(uri);
    this.published.delete(uri);
    this.lastComplete.delete(uri);
    this.visible.forget(uri);
    this.outbox.post({ uri, diagnostics: [] });
  }

  private flush(): void {
    this.scheduled = false;
    const uris = [...this.pending];
    this.pending.clear();
    // Each batch takes its workers when its publish starts it (after the lines on screen); workers started ahead
    // for a file whose batch did not come (its documents on screen were most of it, or it was closed) would
    // otherwise idle until their timeout.
    void Promise.all(uris.map((uri) => this.publish(uri))).then(() => this.executor?.release?.());
  }

  /** Publishes the file's newest version; resolves once its worker batch, if it needs one, has started. */
  private async publish(uri: string): Promise<void> {
    if (!this.ctx.analysis().has(uri)) return;
    const running = this.host.runningBatch(uri);
    if (running) {
      // The batch's results land in the host's cache; publish the newest text after it.
      void running.then(() => this.schedule(uri));
      return;
    }
    const started = performance.now();
    // A newer version arrived while the lines on screen were analysed: its own publish follows.
    if (!(await this.sendPartial(uri))) return;
    const batch = this.host.analyzeInParallel(uri);
    if (!batch) {
      this.send(uri);
      return;
    }
    void batch.then((outcome) => {
      if (outcome.error !== undefined) {
        this.ctx.log(`podlens: worker analysis failed, analysing in-process: ${String(outcome.error)}`);
      }
      this.send(uri);
      logIfSlow(
        this.ctx.connection,
        `first analysis of ${uri} on ${outcome.segments} segments in worker threads`,
        performance.now() - started,
        () => {
          const analysis = this.ctx.analysis();
          return analysis.has(uri) ? fileSize(analysis, uri) : 'closed meanwhile';
        },
      );
    });
  }

  /**
   * A big file's first publish, before the rest of it is analysed: the findings of the documents on screen and of
   * those analysed already. The segments on screen are analysed one per turn of the event loop: the first analyses
   * run on code not yet optimised (tens of milliseconds each), and a hover sent meanwhile is answered between
   * them. Synchronous from the last snapshot to the send, so it always belongs to the newest version, and skipped
   * once anything for this version or a newer one went out. Resolves false when a newer version arrived meanwhile.
   */
  private async sendPartial(uri: string): Promise<boolean> {
    const { enable, maxDiagnosticsPerFile } = this.ctx.settings().lint;
    if (!enable || !this.host.needsBatch(uri)) return true;
    const version = this.ctx.analysis().version(uri);
    const last = this.published.get(uri);
    if (version === undefined || (last !== undefined && last >= version)) return true;
    const spans = (this.visible.of(uri) ?? [FIRST_SCREEN]).map((span) => ({
      start: Math.max(0, span.start - SCREEN_MARGIN),
      end: Math.min(span.end, span.start + MAX_SCREEN_LINES) + SCREEN_MARGIN,
    }));
    try {
      // Requests that came with the file (a hover right after opening it) are answered before the first analysis,
      // which runs on code not compiled yet.
      await new Promise((resolve) => setImmediate(resolve));
      if (this.ctx.analysis().version(uri) !== version) return false;
      while (this.ctx.analysis().analyzeNextNear(uri, spans)) {
        await new Promise((resolve) => setImmediate(resolve));
        if (this.ctx.analysis().version(uri) !== version) return false;
      }
      const analysis = this.ctx.analysis();
      if (analysis.version(uri) !== version) return false;
      if ((this.published.get(uri) ?? -1) >= version) return true;
      let findings: readonly Finding[] = [];
      for (const span of spans) findings = analysis.partialFindings(uri, span.start, span.end);
      const diagnostics = this.diagnosticsFor(groupedList([findings]), maxDiagnosticsPerFile, uri);
      this.published.set(uri, version);
      this.lastComplete.delete(uri);
      // An extra property: the LSP has no partial push diagnostics, and clients ignore what they do not know.
      const params = { uri, version, diagnostics, [PARTIAL_DIAGNOSTICS_PROPERTY]: true };
      this.outbox.post(params);
    } catch (err) {
      this.ctx.log(`podlens: first diagnostics failed for ${uri}: ${err instanceof Error ? err.stack : String(err)}`);
    }
    return true;
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

  /** The diagnostics published for a file's findings (in groups, in file order): only the kept ones are converted. */
  private diagnosticsFor(grouped: GroupedFindings, max: number, uri: string): Diagnostic[] {
    const deferring = deferredToSchema(this.ctx.settings()).validation;
    const view = deferring ? (g: readonly Finding[]) => this.withoutSchemaRules(g) : undefined;
    const { shown, hidden, firstHidden } = cappedGroups(grouped, max, { view, deferring });
    const diagnostics = shown.map((f) => this.diagnosticOf(f, uri));
    if (firstHidden) diagnostics.push(overflowNotice(firstHidden, hidden, max));
    return diagnostics;
  }

  /** Findings minus those Red Hat YAML's Kubernetes schema already reports (podlens.coexistence). */
  private withoutSchemaRules(findings: readonly Finding[]): readonly Finding[] {
    // A segment's group is the same array until the segment changes: filtered once, not per keystroke.
    let kept = this.undeferred.get(findings);
    if (!kept) {
      kept = findings.filter((f) => !SCHEMA_RULES.has(f.rule));
      this.undeferred.set(findings, kept);
    }
    return kept;
  }

  private readonly undeferred = new WeakMap<readonly Finding[], readonly Finding[]>();

  private send(uri: string): void {
    const doc = this.ctx.documents.get(uri);
    const version = this.ctx.analysis().version(uri);
    if (!doc || version === undefined) return;
    try {
      const last = this.published.get(uri);
      if (last !== undefined && last > version) return;
      const { enable, maxDiagnosticsPerFile } = this.ctx.settings().lint;
      const started = performance.now();
      const diagnostics = enable
        ? this.diagnosticsFor(this.ctx.analysis().findingGroups(uri), maxDiagnosticsPerFile, uri)
        : [];
      logIfSlow(this.ctx.connection, `analysis of ${uri}`, performance.now() - started, () =>
        fileSize(this.ctx.analysis(), uri),
      );
      const previous = this.lastComplete.get(uri);
      if (previous?.version === version && sameItems(previous.diagnostics, diagnostics)) return;
      this.published.set(uri, version);
      this.lastComplete.set(uri, { version, diagnostics });
      this.outbox.post({ uri, version, diagnostics });
    } catch (err) {
      this.ctx.log(`podlens: diagnostics failed for ${uri}: ${err instanceof Error ? err.stack : String(err)}`);
    }
  }
}

/**
 * Whether two publishes of one version say the same. Unchanged findings usually give the same objects (converted
 * once); analyses the worker pool made anew give equal ones, compared by value, only for a same-version re-publish.
 */
function sameItems(a: readonly Diagnostic[], b: readonly Diagnostic[]): boolean {
  return a.length === b.length && a.every((d, i) => d === b[i] || JSON.stringify(d) === JSON.stringify(b[i]));
}

/** The last published entry when findings were left out: where the first of them is, and how many. */
function overflowNotice(firstHidden: Finding, hidden: number, max: number): Diagnostic {
  return {
    range: firstHidden.range,
    severity: DiagnosticSeverity.Information,
    source: 'podlens',
    message: `${hidden} more podlens findings not shown (podlens.lint.maxDiagnosticsPerFile: ${max})`,
  };
}
