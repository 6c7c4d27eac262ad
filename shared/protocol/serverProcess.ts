/**
 * How the editor starts the language server process. Plain data: the VS Code client, the benchmarks and the LSP
 * tests start the server with the same environment and Node options.
 */

/**
 * Environment. glibc's malloc otherwise raises its mmap threshold after the first large free and then serves
 * message buffers and the analysis threads' memory from arenas it never returns: fixing the thresholds at 128 KiB
 * keeps the server about 20-35 MB smaller after opening a 1,000-document file (measured with `npm run bench`).
 * Other C libraries ignore these variables.
 */
export const SERVER_PROCESS_ENV: Readonly<Record<string, string>> = Object.freeze({
  MALLOC_MMAP_THRESHOLD_: '131072',
  MALLOC_TRIM_THRESHOLD_: '131072',
});

/**
 * Node options, none today. Every keystroke's parse is garbage for V8's young generation, which grows to two
 * 16 MiB semi-spaces; --max-semi-space-size bounds them (V8 reads it only when the heap is created, so only here,
 * never from inside the server) but cost edit latency on the 1,000-document file, measured back to back on a loaded
 * machine: edit p95 47 ms against 31 ms with 2 MiB, 40 ms against 33-39 ms with 8 MiB, 35-38 ms against 39 ms
 * without it. Its per-edit lists outlive the smaller scavenges and are promoted. The old generation's growth,
 * which V8 reads at run time, is set by the server itself (server/heapGrowth.ts).
 */
export const SERVER_NODE_OPTIONS: readonly string[] = Object.freeze([]);
