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
 * Node options. Every keystroke parses and lints a segment, garbage that V8's young generation collects; by
 * default it grows to two 16 MiB semi-spaces that stay resident for a whole editing session. Two 8 MiB ones halve
 * that for the same edit latency on the 1,000-document file (back to back: edit p95 40 ms against 39 ms on a loaded
 * machine; 2 MiB semi-spaces saved another 12 MiB but made it 47 ms against 31 ms: the big file's per-edit lists
 * outlived the smaller scavenges and were promoted). V8 sizes the young generation only when the heap is created,
 * so this must be a command-line flag: the server cannot set it for itself (server/heapGrowth.ts sets what V8
 * reads at run time).
 */
export const SERVER_NODE_OPTIONS: readonly string[] = Object.freeze(['--max-semi-space-size=8']);
