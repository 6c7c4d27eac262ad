/**
 * The soak's memory record: RSS from /proc, and after a full collection inside the server (through a test-only
 * preload) its live heap, committed heap and Buffers, to tell a leak from garbage V8 has not collected yet.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { TestLspClient } from '../../helpers/lspClient';

const MIB = 1024 * 1024;

/** The preload that makes the server collect on SIGUSR2 (pass with --expose-gc). */
export const GC_PRELOAD = path.join(__dirname, '../fixtures/gcOnSignal.cjs');

export interface Sample {
  edits: number;
  rssMiB: number;
  /** The most RSS the server has had so far (the kernel's high-water mark): peaks between samples count too. */
  peakRssMiB: number;
  /** The live heap right after a full collection: what the server holds on to. */
  heapMiB: number;
  /** RSS as the server saw it right after that collection, the heap V8 keeps committed, and Buffers. */
  rssAfterGcMiB: number;
  heapTotalMiB: number;
  externalMiB: number;
  chars: number;
  markers: number;
}

export type GcReport = Pick<Sample, 'heapMiB' | 'rssAfterGcMiB' | 'heapTotalMiB' | 'externalMiB'>;

/**
 * A function that asks the server for a full collection and resolves with what it reports. The server must run with
 * GC_PRELOAD (`node --expose-gc --require`): on SIGUSR2 it collects and writes one line to stderr.
 */
export function liveMemory(client: TestLspClient): () => Promise<GcReport> {
  const waiting: ((m: GcReport) => void)[] = [];
  let buffered = '';
  client.process.stderr?.on('data', (chunk: Buffer) => {
    buffered += chunk.toString();
    for (let nl = buffered.indexOf('\n'); nl !== -1; nl = buffered.indexOf('\n')) {
      const m = /^podlens-soak-gc (\d+) (\d+) (\d+) (\d+)$/.exec(buffered.slice(0, nl));
      buffered = buffered.slice(nl + 1);
      const [heap, rss, heapTotal, external] = (m?.slice(1) ?? []).map((x) => Number(x) / MIB);
      if (m)
        waiting.shift()?.({
          heapMiB: heap,
          rssAfterGcMiB: rss,
          heapTotalMiB: heapTotal,
          externalMiB: external,
        } as GcReport);
    }
  });
  return () =>
    new Promise((resolve) => {
      waiting.push(resolve);
      process.kill(client.process.pid as number, 'SIGUSR2');
    });
}

/** The curve as a table, also saved (with the samples as JSON) in `dir`. */
export function saveCurve(dir: string, samples: Sample[], title: string): string {
  const cell = (v: number, width: number, digits = 1) => v.toFixed(digits).padStart(width);
  const rows = samples.map((s) =>
    [
      String(s.edits).padStart(6),
      cell(s.rssMiB, 8),
      cell(s.peakRssMiB, 9),
      cell(s.rssAfterGcMiB, 13),
      cell(s.heapMiB, 10),
      cell(s.heapTotalMiB, 11),
      cell(s.externalMiB, 9),
      String(s.chars).padStart(10),
      String(s.markers).padStart(9),
    ].join('  '),
  );
  const header = '  edits  RSS MiB  RSS peak  RSS after GC  live heap  heap total  external  text chars  --- lines';
  const table = [`${header}   (MiB; ${title})`, ...rows].join('\n');
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'rss.json'), `${JSON.stringify({ title, samples }, null, 2)}\n`);
  fs.writeFileSync(path.join(dir, 'rss.txt'), `${table}\n`);
  return table;
}
