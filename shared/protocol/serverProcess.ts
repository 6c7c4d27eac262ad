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
 * default it grows to two 16 MiB semi-spaces, 32 MiB that stay resident for a whole editing session. Two 2 MiB
 * semi-spaces cost more (cheap) scavenges instead: 28 MiB less RSS through the 10,000-edit soak, with no slower
 * edits on the 1,000-document file. V8 sizes the young generation only when the heap is created, so this must be a
 * command-line flag: the server cannot set it for itself (server/heapGrowth.ts sets what V8 reads at run time).
 */
export const SERVER_NODE_OPTIONS: readonly string[] = Object.freeze(['--max-semi-space-size=2']);
