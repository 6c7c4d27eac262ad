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
 * Node options: the young generation of Node 20 (two 16 MiB semi-spaces), whatever Node runs the server. Node 24's
 * V8 sizes it from the machine's memory and grew the server's heap from 60-95 MiB to 160-230 MiB through the
 * 10,000-edit soak (RSS peak 332 MiB against 254 MiB with this option, same live heap). Every keystroke's parse is
 * garbage for the young generation; smaller semi-spaces cost edit latency on the 1,000-document file, measured back
 * to back on Node 20: edit p95 47 ms against 31 ms with 2 MiB, 40 ms against 33-39 ms with 8 MiB. V8 reads this
 * only when the heap is created, so it is a command-line option, never set from inside the server. The old
 * generation's growth, which V8 reads at run time, is set by the server itself (server/heapGrowth.ts).
 */
export const SERVER_NODE_OPTIONS: readonly string[] = Object.freeze(['--max-semi-space-size=16']);
