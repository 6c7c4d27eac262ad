/**
 * How far V8 lets the server's old generation grow past what survived the last full collection. By default it
 * grows up to fourfold: every edit's parse and analysis outlive a scavenge or two and are promoted, so through a
 * long editing session the old generation filled with up to 100 MiB of garbage over 30-40 MiB of live data.
 * Half again the live size bounds that (measured through the 10,000-edit soak: old space at most 65-70 MiB instead
 * of 171 MiB) for a full collection every few hundred edits, which V8 marks concurrently.
 *
 * Unlike the young generation's size (SERVER_NODE_OPTIONS in shared/protocol/serverProcess.ts), V8 reads this
 * flag at every full collection, so the server sets it for itself and every editor that starts it gets it.
 */
import v8 from 'node:v8';

const FLAG = '--heap-growing-percent';
const HEAP_GROWING_PERCENT = 50;

/** Sets the growth once, at start-up; a value given on the command line or in NODE_OPTIONS is left alone. */
export function limitHeapGrowth(execArgv: readonly string[], nodeOptions: string | undefined): void {
  if (execArgv.some((a) => a.startsWith(FLAG)) || nodeOptions?.includes(FLAG)) return;
  v8.setFlagsFromString(`${FLAG}=${HEAP_GROWING_PERCENT}`);
}
