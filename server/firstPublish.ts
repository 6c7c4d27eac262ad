/**
 * When the documents the editor opened at start-up have had their diagnostics: the workspace scan waits for that,
 * so indexing other files never delays what the user is looking at. Observes the connection's `sendDiagnostics`
 * (a closed document's cleared diagnostics count too). A big file's partial publish (the lines on screen) does not
 * count: the scan's threads would compete with the worker threads analysing the rest of it.
 */
import type { Connection } from 'vscode-languageserver';
import { PARTIAL_DIAGNOSTICS_PROPERTY } from '../shared/protocol/lsp';

/**
 * How long the scan waits at most: a document whose publish failed (logged by the publisher) must not keep the
 * workspace unindexed for the whole session.
 */
const MAX_WAIT_MS = 10_000;

/**
 * How long after `initialized` the documents an editor restores still count as opened at start-up: clients send
 * their didOpen notifications after `initialized`, so at that moment nothing is open yet.
 */
export const STARTUP_OPENS_MS = 500;

export class FirstPublish {
  /** Documents published so far; no longer kept once the start-up wait is over. */
  private published: Set<string> | undefined = new Set();
  private waiting: { uris: Set<string>; resolve: () => void } | undefined;

  /** The connection to publish through: like `connection`, with every `sendDiagnostics` noted. */
  observe(connection: Connection): Connection {
    const observed = Object.create(connection) as Connection;
    Object.defineProperty(observed, 'sendDiagnostics', {
      value: (params: Parameters<Connection['sendDiagnostics']>[0]) => {
        if (!(params as { [PARTIAL_DIAGNOSTICS_PROPERTY]?: boolean })[PARTIAL_DIAGNOSTICS_PROPERTY])
          this.note(params.uri);
        return connection.sendDiagnostics(params);
      },
    });
    return observed;
  }

  /**
   * Resolves once the documents open `STARTUP_OPENS_MS` after start-up (`openUris` is read then) have had their
   * first diagnostics; called once, at the end of start-up.
   */
  afterStartup(openUris: () => readonly string[]): Promise<void> {
    return new Promise((resolve) => setTimeout(resolve, STARTUP_OPENS_MS)).then(() => this.of(openUris()));
  }

  /**
   * Resolves once each of `uris` has had complete diagnostics published since `observe` (at once when all have); called
   * once, at the end of start-up.
   */
  of(uris: readonly string[]): Promise<void> {
    const published = this.published ?? new Set();
    this.published = undefined;
    const rest = new Set(uris.filter((u) => !published.has(u)));
    if (rest.size === 0) return Promise.resolve();
    return new Promise((resolve) => {
      const timer = setTimeout(() => this.settle(), MAX_WAIT_MS);
      this.waiting = {
        uris: rest,
        resolve: () => {
          clearTimeout(timer);
          resolve();
        },
      };
    });
  }

  private note(uri: string): void {
    this.published?.add(uri);
    const w = this.waiting;
    if (!w) return;
    w.uris.delete(uri);
    if (w.uris.size === 0) this.settle();
  }

  private settle(): void {
    const w = this.waiting;
    this.waiting = undefined;
    w?.resolve();
  }
}
