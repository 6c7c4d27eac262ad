// The back-off arithmetic: doBackOff (kuberuntime_manager.go) over client-go flowcontrol.Backoff, and the
// image pull back-off (image_manager.go). Semantics §1, §6, §7.2.
import { describe, expect, it } from 'vitest';
import { crashBackoff, inImageBackoff, nextImageBackoff } from '../../../../shared/sim/kubelet/backoff';
import type { CrashBackoff } from '../../../../shared/sim/types';

/** Start times of a container that exits `runFor` seconds after each start: retry at exit, else at expiry. */
function schedule(runFor: number, restarts: number): number[] {
  let entry: CrashBackoff | null = null;
  const starts = [0];
  while (starts.length <= restarts) {
    const finished = (starts[starts.length - 1] as number) + runFor;
    let d = crashBackoff(entry, finished, finished);
    if (!d.start) d = crashBackoff(entry, finished, d.until);
    if (!d.start) throw new Error('a retry at the expiry must start');
    entry = d.entry;
    starts.push(d.entry.lastUpdate);
  }
  return starts;
}

describe('crashBackoff', () => {
  it('reproduces the e2e_node restart schedule 0s, 0s, 10s, 30s, 70s, 150s, 310s, then 300 s apart', () => {
    expect(schedule(0, 8)).toEqual([0, 0, 10, 30, 70, 150, 310, 610, 910]);
  });

  it('starts at once and opens a 10 s entry on the first exit', () => {
    expect(crashBackoff(null, 5, 5)).toEqual({ start: true, entry: { delay: 10, lastUpdate: 5 } });
  });

  it('waits while inside the delay and reports its expiry', () => {
    expect(crashBackoff({ delay: 40, lastUpdate: 30 }, 30, 50)).toEqual({ start: false, until: 70, delay: 40 });
  });

  it('doubles up to 300 s', () => {
    expect(crashBackoff({ delay: 160, lastUpdate: 150 }, 150, 310)).toEqual({
      start: true,
      entry: { delay: 300, lastUpdate: 310 },
    });
    expect(crashBackoff({ delay: 300, lastUpdate: 310 }, 310, 610)).toEqual({
      start: true,
      entry: { delay: 300, lastUpdate: 610 },
    });
  });

  it('resets when the exit comes more than 600 s after the last restart', () => {
    expect(crashBackoff({ delay: 300, lastUpdate: 0 }, 601, 601)).toEqual({
      start: true,
      entry: { delay: 10, lastUpdate: 601 },
    });
    expect(crashBackoff({ delay: 300, lastUpdate: 0 }, 600, 600)).toEqual({ start: false, until: 900, delay: 300 });
  });
});

describe('image back-off', () => {
  it('grows 10, 20, 40 ... 300 and refuses pulls inside the window', () => {
    let entry = nextImageBackoff(undefined, 0);
    const delays = [entry.delay];
    for (let i = 0; i < 6; i++) {
      entry = nextImageBackoff(entry, entry.lastUpdate + entry.delay);
      delays.push(entry.delay);
    }
    expect(delays).toEqual([10, 20, 40, 80, 160, 300, 300]);
    expect(inImageBackoff({ delay: 10, lastUpdate: 0 }, 9)).toBe(true);
    expect(inImageBackoff({ delay: 10, lastUpdate: 0 }, 10)).toBe(false);
  });

  it('forgets failures older than 600 s', () => {
    expect(nextImageBackoff({ delay: 300, lastUpdate: 0 }, 601)).toEqual({ delay: 10, lastUpdate: 601 });
  });
});
