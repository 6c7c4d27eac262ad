/**
 * The CPU time a call spent on this thread, so a slow-call budget measures the core's work and not the machine's
 * load: at load 17 on two cores a 1 s lint took 4 s of wall time and the fuzz reported it as a hang in the making.
 * Linux reports a thread's own CPU time in /proc/thread-self/stat (in clock ticks of 10 ms); elsewhere, or where
 * /proc cannot be read, the wall time stands in for it.
 */
import { readFileSync } from 'node:fs';

const TICK_MS = 10;
/** Reading /proc costs tens of microseconds: sample at most this often, not on every one of a run's many calls. */
const SAMPLE_EVERY_MS = 50;

export interface CallClock {
  /** Marks the start of a call. */
  start(): void;
  /**
   * The call's cost in ms: its wall time, or, when that is over `budgetMs`, the thread's CPU time since the last
   * sample before the call (an overestimate by at most SAMPLE_EVERY_MS of earlier work).
   */
  cost(budgetMs: number): { wallMs: number; cpuMs: number };
}

export function callClock(): CallClock {
  let sample = threadCpuMs();
  let sampledAt = performance.now();
  let startedAt = sampledAt;
  return {
    start() {
      startedAt = performance.now();
      if (startedAt - sampledAt < SAMPLE_EVERY_MS) return;
      sample = threadCpuMs();
      sampledAt = startedAt;
    },
    cost(budgetMs) {
      const wallMs = performance.now() - startedAt;
      if (wallMs <= budgetMs || sample === undefined) return { wallMs, cpuMs: wallMs };
      const now = threadCpuMs();
      return { wallMs, cpuMs: now === undefined ? wallMs : now - sample };
    },
  };
}

function threadCpuMs(): number | undefined {
  try {
    const stat = readFileSync('/proc/thread-self/stat', 'latin1');
    // Fields after the command name (which may hold spaces) start at the state, field 3; utime and stime are 14, 15.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const ticks = Number(fields[11]) + Number(fields[12]);
    return Number.isFinite(ticks) ? ticks * TICK_MS : undefined;
  } catch {
    return undefined;
  }
}
