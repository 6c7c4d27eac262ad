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
 * Node options: two 8 MiB semi-spaces for the young generation, whatever Node runs the server. Node 24's V8 sizes
 * it from the machine's memory (64 MiB semi-spaces here) and grew the server's heap from 60-95 MiB to 160-230 MiB
 * through the 10,000-edit soak. Every keystroke's parse is garbage for the young generation, so its size trades
 * memory for GC work; measured back to back with `npm run bench` (Node 20, open and edit, 3-4 runs each):
 * - 8 against 16 MiB: the 1,000-document file's open peaks at 186-195 MB instead of 232-239 MB and ends at
 *   100-107 MB instead of 117-119 MB, with the same open (2.9-3.7 s) and edit p95 (18-22 ms); the 10,000-document
 *   file's open peaks at 345-383 MB instead of 419-450 MB, its edit p95 43-54 ms against 38-44 ms;
 * - 4 MiB: 20 MB less again, but the open and the edits both slower (3.7 s, edit p95 20-23 ms).
 * V8 reads this only when the heap is created, so it is a command-line option, never set from inside the server.
 * The old generation's growth, which V8 reads at run time, is set by the server itself (server/heapGrowth.ts).
 */
export const SERVER_NODE_OPTIONS: readonly string[] = Object.freeze(['--max-semi-space-size=8']);
