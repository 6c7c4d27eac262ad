// While the writer is behind, a file's publishes do not pile up: the one in flight is followed only by the newest,
// in order, and other files are not held back by it.
import { describe, expect, it } from 'vitest';
import type { PublishDiagnosticsParams } from 'vscode-languageserver';
import { LatestPublish } from '../../server/features/latestPublish';

/** A writer the test lets take each message: what it was given, and a way to finish the oldest write. */
function slowWriter() {
  const written: PublishDiagnosticsParams[] = [];
  const finishers: ((failed?: boolean) => void)[] = [];
  const write = (params: PublishDiagnosticsParams) =>
    new Promise<void>((resolve, reject) => {
      written.push(params);
      finishers.push((failed) => (failed ? reject(new Error('EPIPE')) : resolve()));
    });
  const finishOldest = async (failed = false) => {
    finishers.shift()?.(failed);
    await new Promise((r) => setImmediate(r));
  };
  return { written, write, finishOldest };
}

const publish = (uri: string, version: number): PublishDiagnosticsParams => ({ uri, version, diagnostics: [] });
const versions = (ps: PublishDiagnosticsParams[]) => ps.map((p) => `${p.uri}@${p.version}`);

describe('LatestPublish', () => {
  it('sends only the newest of the publishes that came while one was being written', async () => {
    const writer = slowWriter();
    const outbox = new LatestPublish(writer.write);
    outbox.post(publish('a', 1));
    outbox.post(publish('a', 2));
    outbox.post(publish('a', 3));
    outbox.post(publish('a', 4));
    expect(versions(writer.written)).toEqual(['a@1']);
    await writer.finishOldest();
    expect(versions(writer.written)).toEqual(['a@1', 'a@4']);
    await writer.finishOldest();
    outbox.post(publish('a', 5));
    expect(versions(writer.written)).toEqual(['a@1', 'a@4', 'a@5']);
  });

  it('does not hold one file back behind another', () => {
    const writer = slowWriter();
    const outbox = new LatestPublish(writer.write);
    outbox.post(publish('a', 1));
    outbox.post(publish('b', 7));
    outbox.post(publish('a', 2));
    expect(versions(writer.written)).toEqual(['a@1', 'b@7']);
  });

  it('goes on after a write that failed', async () => {
    const writer = slowWriter();
    const outbox = new LatestPublish(writer.write);
    outbox.post(publish('a', 1));
    outbox.post(publish('a', 2));
    await writer.finishOldest(true);
    expect(versions(writer.written)).toEqual(['a@1', 'a@2']);
  });
});
