/**
 * Back-off arithmetic (client-go flowcontrol.Backoff as the kubelet configures it): the crash-loop
 * back-off of `doBackOff` and the image pull back-off of the image manager.
 */
import type { CrashBackoff, ImageBackoff } from '../types';

/** kubelet.go: initialCrashLoopBackOff, MaxCrashLoopBackOff, and the fixed 10-minute reset (1.32+). */
export const CRASH_BACKOFF = { initial: 10, max: 300, resetAfter: 600 } as const;
/** kubelet.go: imageBackOffPeriod, MaxImageBackOff; the entry expires after 2 × max without failures. */
export const IMAGE_BACKOFF = { initial: 10, max: 300, resetAfter: 600 } as const;

export type BackoffDecision = { start: true; entry: CrashBackoff } | { start: false; until: number; delay: number };

/**
 * doBackOff (kuberuntime_manager.go) for a container whose newest exited instance finished at `finishedAt`:
 * no entry, or an exit more than 600 s after the last restart, starts now with a fresh 10 s delay; inside
 * the delay it waits; after it, it starts and doubles the delay (max 300 s).
 * @example crashBackoff({ delay: 10, lastUpdate: 0 }, 0, 0) // { start: false, until: 10, delay: 10 }
 */
export function crashBackoff(entry: CrashBackoff | null, finishedAt: number, now: number): BackoffDecision {
  if (!entry || finishedAt - entry.lastUpdate > CRASH_BACKOFF.resetAfter) {
    return { start: true, entry: { delay: CRASH_BACKOFF.initial, lastUpdate: now } };
  }
  if (now - finishedAt < entry.delay) return { start: false, until: finishedAt + entry.delay, delay: entry.delay };
  return { start: true, entry: { delay: Math.min(entry.delay * 2, CRASH_BACKOFF.max), lastUpdate: now } };
}

/** Backoff.Next after a failed pull at `now`. */
export function nextImageBackoff(entry: ImageBackoff | undefined, now: number): ImageBackoff {
  if (!entry || now - entry.lastUpdate > IMAGE_BACKOFF.resetAfter)
    return { delay: IMAGE_BACKOFF.initial, lastUpdate: now };
  return { delay: Math.min(entry.delay * 2, IMAGE_BACKOFF.max), lastUpdate: now };
}

/** IsInBackOffSinceUpdate: a pull is refused while `now` is inside the current delay. */
export function inImageBackoff(entry: ImageBackoff | undefined, now: number): boolean {
  return entry !== undefined && now - entry.lastUpdate < entry.delay;
}
