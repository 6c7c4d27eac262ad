// Reliability (issue 8): an LSP soak against dist/server.js. 20 open documents take 10,000 random edits sent at
// full speed, in runs of up to 40 per document as a user types (typing, deletions, pastes, undo-like reverts,
// multi-change messages, edits at and across `---` markers and across documents), interleaved with hovers and
// completions. The server must answer every request, publish versions in order, end with diagnostics for each final
// text equal to a fresh server's and to the lint engine's, and keep its memory flat and bounded: every 250 edits its
// RSS, its peak RSS so far and, after a full collection, its live heap are sampled; the curve is printed and saved
// in test/output/soak/. The server runs as the editor starts it (environment and Node options).
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  type Diagnostic,
  DidChangeTextDocumentNotification,
  DidOpenTextDocumentNotification,
  type PublishDiagnosticsParams,
} from 'vscode-languageserver-protocol/node';
import { type Finding, lintText } from '../../shared/lint';
import { SERVER_NODE_OPTIONS, SERVER_PROCESS_ENV } from '../../shared/protocol/serverProcess';
import { TestLspClient } from '../helpers/lspClient';
import { prng } from './fuzz/manifests';
import { applyChanges } from './lsp/edits';
import { GC_PRELOAD, liveMemory, type Sample, saveCurve } from './lsp/memory';
import { peakRssMiB, rssMiB, within } from './lsp/protocol';
import { type Doc, initialTexts, markers, nextChanges, randomPosition } from './lsp/session';

const SEED = Number(process.env.PODLENS_FUZZ_SEED ?? 8_2024);
const DOCUMENTS = 20;
const EDITS = Number(process.env.PODLENS_SOAK_EDITS ?? 10_000);
/** Every finding, not the 1,000 a file publishes by default: the final diagnostics are compared with a fresh lint. */
const ALL = { lint: { maxDiagnosticsPerFile: 100_000 } };
const SAMPLE_EVERY = 250;
const OUTPUT = path.resolve(__dirname, '../output/soak');
/** A liveness bound on the server catching up with a block of edits, not a performance target. */
const CATCH_UP_MS = 60_000;
/**
 * Live heap growth allowed from the second quarter to the last: measured at 33-40 MiB in the second quarter and
 * 29-42 MiB in the last (10,000 edits, seed 82024), the texts themselves growing ~4%.
 */
const LIVE_HEAP_GROWTH = 1.2;
const LIVE_HEAP_MARGIN_MIB = 8;

/**
 * The server's RSS through the soak, read as the kernel's high-water mark (VmHWM), which catches peaks between
 * samples. It climbs in steps while V8 and malloc reach their working sizes, then must stay flat: the peak at the
 * end may exceed the peak at half-time by this much at most, which a native leak of 8 KiB per edit would break.
 * Measured (seed 82024, 10,000 edits, started as the editor starts the server, Node 24): 0-14 MiB in seven runs
 * with 8 and 16 MiB semi-spaces.
 */
const RSS_PLATEAU_MARGIN_MIB = 40;
/**
 * And a ceiling on that peak. Absolute RSS depends on the Node binary: measured (same soak) 210-257 MiB on Node 24,
 * as `npm test` runs it, and 180 MiB on Node 20; before the old generation's growth was limited and stale
 * publishes dropped, 304 MiB on Node 20 and 467 MiB on Node 24. Issue 19's 150 MB is not met.
 */
const RSS_CEILING_MIB = 300;

const SEVERITY = { error: 1, warning: 2, info: 3, hint: 4 } as const;

/** What a user sees of a diagnostic, in a form that compares across servers and URIs. */
function canonical(diagnostics: readonly Diagnostic[]): string[] {
  return diagnostics
    .map((d) =>
      JSON.stringify([
        d.range,
        d.severity,
        d.code,
        d.message,
        d.relatedInformation?.map((r) => [r.location.range, r.message]),
      ]),
    )
    .sort();
}

function canonicalFindings(findings: readonly Finding[]): string[] {
  return canonical(
    findings.map((f) => ({
      range: f.range,
      severity: SEVERITY[f.severity],
      code: f.rule,
      message: f.message,
      ...(f.related && {
        relatedInformation: f.related.map((r) => ({ location: { uri: '', range: r.range }, message: r.message })),
      }),
    })),
  );
}

const clients: TestLspClient[] = [];
afterAll(async () => {
  await Promise.all(clients.map((c) => c.stop()));
});

describe('LSP soak', () => {
  it(`survives ${EDITS} edits across ${DOCUMENTS} documents with flat memory and RSS, under ${RSS_CEILING_MIB} MiB (seed ${SEED})`, async () => {
    const client = await TestLspClient.start({
      nodeArgs: [...SERVER_NODE_OPTIONS, '--expose-gc', '--require', GC_PRELOAD],
      // The process environment the editor starts the server with (its malloc thresholds lower RSS by 10-25 MiB).
      env: { ...SERVER_PROCESS_ENV },
      settings: () => ALL,
    });
    clients.push(client);
    const rand = prng(SEED);
    const docs: Doc[] = initialTexts(SEED, DOCUMENTS).map((text, i) => ({
      uri: client.uri(`soak-${i}.yaml`),
      text,
      initialLength: text.length,
      initialMarkers: markers(text),
      version: 1,
      undo: [],
    }));

    const lastVersion = new Map<string, number>();
    const outOfOrder: string[] = [];
    client.publishListeners.push((p: PublishDiagnosticsParams) => {
      const before = lastVersion.get(p.uri) ?? 0;
      if ((p.version ?? 0) < before) outOfOrder.push(`${p.uri}: version ${p.version} after ${before}`);
      lastVersion.set(p.uri, p.version ?? 0);
    });

    for (const doc of docs) {
      void client.connection.sendNotification(DidOpenTextDocumentNotification.type, {
        textDocument: { uri: doc.uri, languageId: 'yaml', version: 1, text: doc.text },
      });
    }
    await within(CATCH_UP_MS, 'first diagnostics', Promise.all(docs.map((d) => client.diagnosticsFor(d.uri, 1))));

    const requests: Promise<unknown>[] = [];
    const failures: string[] = [];
    const collected = liveMemory(client);
    const sample = async (edits: number): Promise<Sample> => ({
      edits,
      rssMiB: rssMiB(client.process.pid as number),
      peakRssMiB: peakRssMiB(client.process.pid as number),
      ...(await within(CATCH_UP_MS, 'garbage collection', collected())),
      chars: docs.reduce((n, d) => n + d.text.length, 0),
      markers: docs.reduce((n, d) => n + markers(d.text), 0),
    });
    const samples = [await sample(0)];
    const t0 = performance.now();
    let doc = docs[0] as Doc;
    let burst = 0;
    for (let edit = 1; edit <= EDITS; edit++) {
      // A user types a run of edits into one document, then moves to another.
      if (burst-- <= 0) {
        doc = docs[Math.floor(rand() * docs.length)] as Doc;
        burst = Math.floor(rand() * 40);
      }
      const changes = nextChanges(doc, rand);
      doc.text = applyChanges(doc.text, changes);
      doc.version++;
      void client.connection.sendNotification(DidChangeTextDocumentNotification.type, {
        textDocument: { uri: doc.uri, version: doc.version },
        contentChanges: changes,
      });
      if (rand() < 0.1) {
        // A request right behind a single change makes the server re-split incrementally (one pending change).
        const at = randomPosition(doc.text, rand);
        const what = `${rand() < 0.5 ? 'hover' : 'completion'} at ${doc.uri}@${doc.version} ${at.line}:${at.character}`;
        const request = what.startsWith('hover') ? client.hover(doc.uri, at) : client.completion(doc.uri, at);
        requests.push(request.catch((err: Error) => failures.push(`${what}: ${err.message}`)));
      }
      if (edit % SAMPLE_EVERY === 0) {
        // Flow control, not a pause: the next block is sent once the server has answered everything before it.
        await within(CATCH_UP_MS, `requests up to edit ${edit}`, client.hover(doc.uri, { line: 0, character: 0 }));
        samples.push(await sample(edit));
      }
    }
    await within(CATCH_UP_MS, 'every request', Promise.all(requests));
    const finals = await within(
      CATCH_UP_MS,
      'diagnostics of the final versions',
      Promise.all(docs.map((d) => client.diagnosticsFor(d.uri, d.version))),
    );
    const seconds = (performance.now() - t0) / 1000;
    const curve = saveCurve(OUTPUT, samples, `seed ${SEED}, ${EDITS} edits in ${seconds.toFixed(1)} s`);
    console.log(`LSP soak: server memory over ${EDITS} edits\n${curve}`);

    expect(failures).toEqual([]);
    expect(outOfOrder).toEqual([]);
    expect(finals.map((p) => p.version)).toEqual(docs.map((d) => d.version));

    const fresh = await TestLspClient.start({ settings: () => ALL });
    clients.push(fresh);
    const freshDiagnostics = await within(
      CATCH_UP_MS,
      'fresh server',
      Promise.all(docs.map((d, i) => fresh.open(fresh.uri(`fresh-${i}.yaml`), d.text))),
    );
    docs.forEach((doc, i) => {
      const soaked = canonical(finals[i]?.diagnostics ?? []);
      expect(soaked, `${doc.uri} against a fresh server`).toEqual(canonical(freshDiagnostics[i]?.diagnostics ?? []));
      expect(soaked, `${doc.uri} against the lint engine`).toEqual(
        canonicalFindings(lintText(doc.text, { path: doc.uri })),
      );
    });

    // Flat memory: what the server holds after a full collection must not grow once its caches are warm. The
    // second quarter is warm (every document edited, every cache filled); the last quarter may hold more only
    // within a margin for what the random texts hold at that moment, not for a leak (4 KiB kept per edit exceeds
    // it over the ~5,000 edits between the two).
    const quarter = (q: number) => samples.filter((s) => s.edits > (EDITS * (q - 1)) / 4 && s.edits <= (EDITS * q) / 4);
    const peak = (xs: Sample[]) => Math.max(...xs.map((x) => x.heapMiB));
    expect(peak(quarter(4)), 'live heap, last quarter against the second').toBeLessThan(
      peak(quarter(2)) * LIVE_HEAP_GROWTH + LIVE_HEAP_MARGIN_MIB,
    );
    // Bounded memory (issue 19): the most RSS the server had at any moment of the session, not only at a sample.
    const peakRss = peakRssMiB(client.process.pid as number);
    const halfTime = samples.find((s) => s.edits >= EDITS / 2) ?? (samples.at(-1) as Sample);
    expect(peakRss - halfTime.peakRssMiB, 'RSS peak, end against half-time').toBeLessThan(RSS_PLATEAU_MARGIN_MIB);
    expect(peakRss, 'RSS peak').toBeLessThan(RSS_CEILING_MIB);
  }, 1_200_000);
});
