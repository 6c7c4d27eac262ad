/**
 * Back-off arithmetic (client-go flowcontrol.Backoff as the kubelet configures it): the crash-loop
 * back-off of `doBackOff` and the image pull back-off of the image manager.
 */
import type { CrashBackoff, ImageBackoff } from '../types';
import { type KubeletBehaviour, kubeletBehaviour, WORKER_RETRY_SECONDS } from './version';
/** kubelet.go: imageBackOffPeriod, MaxImageBackOff; the entry expires after 2 × max without failures. */
export const IMAGE_BACKOFF = { initial: 10, max: 300, resetAfter: 600 } as const;

export type BackoffDecision = { start: true; entry: CrashBackoff } | { start: false; until: number; delay: number };

/**
 * doBackOff (kuberuntime_manager.go) for a container whose newest exited instance finished at `finishedAt`:
 * no entry, or an exit more than 600 s after the last restart, starts now with a fresh 10 s delay; inside
 * the delay it waits; after it, it starts and doubles the delay (max 300 s). The parameters and when the
 * waiting pod is looked at again are the target kubelet's (version.ts).
 * @example crashBackoff({ delay: 10, lastUpdate: 0 }, 0, 0) // { start: false, until: 10, delay: 10 }
 */
export function crashBackoff(
  entry: CrashBackoff | null,
  finishedAt: number,
  now: number,
  kubelet: KubeletBehaviour = NEWEST,
): BackoffDecision {
  const p = kubelet.crashBackoff;
  if (!entry || finishedAt - entry.lastUpdate > p.resetAfter) {
    return { start: true, entry: { delay: p.initial, lastUpdate: now } };
  }
  if (now - finishedAt < entry.delay) {
    const wait = kubelet.requeueAtExpiry
      ? entry.delay
      : Math.max(1, Math.ceil(entry.delay / WORKER_RETRY_SECONDS)) * WORKER_RETRY_SECONDS;
    return { start: false, until: finishedAt + wait, delay: entry.delay };
  }
  return { start: true, entry: { delay: Math.min(entry.delay * 2, p.max), lastUpdate: now } };
}

const NEWEST = kubeletBehaviour();

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
