/** Publishes diagnostics for the newest version of each open document; never an older one after a newer. */
import type { Diagnostic } from 'vscode-languageserver';
import type { ServerContext } from '../context';
import { toDiagnostic } from '../convert';

export class DiagnosticsPublisher {
  private readonly pending = new Set<string>();
  private scheduled = false;
  private readonly published = new Map<string, number>();

  constructor(private readonly ctx: ServerContext) {}

  /** Coalesces bursts of edits: only the newest text of each document is analysed. */
  schedule(uri: string): void {
    this.pending.add(uri);
    if (this.scheduled) return;
    this.scheduled = true;
    setImmediate(() => this.flush());
  }

  scheduleAll(): void {
    for (const uri of this.ctx.store.uris()) this.schedule(uri);
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
    for (const uri of uris) this.publish(uri);
  }

  private publish(uri: string): void {
    const doc = this.ctx.documents.get(uri);
    if (!doc) return;
    try {
      this.ctx.sync(uri);
      const last = this.published.get(uri);
      if (last !== undefined && last > doc.version) return;
      // VS Code draws squiggles for a limited number of markers per file: errors must not be crowded out by hints.
      const diagnostics: Diagnostic[] = this.ctx.settings().lint.enable
        ? this.ctx.store
            .findings(uri)
            .map((f) => toDiagnostic(f, uri))
            .sort((a, b) => (a.severity ?? 1) - (b.severity ?? 1))
        : [];
      this.published.set(uri, doc.version);
      void this.ctx.connection.sendDiagnostics({ uri, version: doc.version, diagnostics });
    } catch (err) {
      this.ctx.log(`podlens: diagnostics failed for ${uri}: ${err instanceof Error ? err.stack : String(err)}`);
    }
  }
}
