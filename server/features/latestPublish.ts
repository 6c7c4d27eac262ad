/**
 * At most one diagnostics publish per file waiting to be written. The stdio writer sends one message at a time and
 * waits for the editor to take each; while it is behind (a busy editor, a file whose every keystroke republishes
 * thousands of diagnostics), each publish waiting holds its whole diagnostics list, and every one but the newest of
 * a file is already stale when its turn comes. A publish for a file that already has one in flight waits instead,
 * replacing any older one waiting: the editor gets the newest diagnostics as soon as the writer can take them, and
 * the server holds two lists per file at most. Order per file is kept; files do not wait for each other.
 */
import type { PublishDiagnosticsParams } from 'vscode-languageserver';

export class LatestPublish {
  private readonly inFlight = new Set<string>();
  private readonly waiting = new Map<string, PublishDiagnosticsParams>();

  constructor(
    /** Writes one publish; settles once the writer has taken it (the connection's sendDiagnostics). */
    private readonly write: (params: PublishDiagnosticsParams) => Promise<void>,
  ) {}

  post(params: PublishDiagnosticsParams): void {
    const { uri } = params;
    if (this.inFlight.has(uri)) {
      this.waiting.set(uri, params);
      return;
    }
    this.inFlight.add(uri);
    // A failed write is the connection's to report (it closes on a broken pipe); the next publish may still go.
    const done = () => this.written(uri);
    this.write(params).then(done, done);
  }

  private written(uri: string): void {
    this.inFlight.delete(uri);
    const next = this.waiting.get(uri);
    if (!next) return;
    this.waiting.delete(uri);
    this.post(next);
  }
}
