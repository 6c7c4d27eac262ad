/**
 * The time axis shared by the lanes, the conditions strip and the scrubber: linear for short timelines,
 * logarithmic beyond two minutes so the first seconds (pulls, probes) stay readable next to 5-minute
 * back-offs. Positions are fractions of the track width, so the SVG needs no pixel layout.
 */
import { formatCompact } from './format';

export interface TimeScale {
  end: number;
  /** Position in [0, 1] of a time. */
  x(t: number): number;
  /** The time at a position in [0, 1]. */
  invert(p: number): number;
  ticks: { t: number; x: number; label: string }[];
  logarithmic: boolean;
}

const LINEAR_UP_TO = 120;
const NICE = [
  0, 1, 2, 5, 10, 15, 20, 30, 45, 60, 90, 120, 180, 300, 600, 900, 1200, 1800, 2700, 3600, 7200, 10800, 21600, 43200,
  86400,
];
/** Minimum distance between tick labels, as a fraction of the track. */
const MIN_TICK_GAP = 0.1;

/** A linear step for short axes: the nicest step giving at most about eight ticks. */
function linearTicks(end: number): number[] {
  const step = [1, 2, 5, 10, 15, 20, 30].find((s) => end / s <= 8) ?? 60;
  const out: number[] = [];
  for (let t = 0; t <= end + 1e-9; t += step) out.push(t);
  return out;
}

export function makeScale(end: number): TimeScale {
  const span = Math.max(end, 1e-6);
  const logarithmic = end > LINEAR_UP_TO;
  const k = Math.max(5, end / 90);
  const denom = Math.log1p(span / k);
  const x = logarithmic ? (t: number) => Math.log1p(Math.max(0, t) / k) / denom : (t: number) => Math.max(0, t) / span;
  const invert = logarithmic ? (p: number) => k * Math.expm1(p * denom) : (p: number) => p * span;
  const ticks: TimeScale['ticks'] = [];
  for (const t of logarithmic ? NICE.filter((n) => n <= end) : linearTicks(end)) {
    const pos = x(t);
    const last = ticks[ticks.length - 1];
    if (last && pos - last.x < MIN_TICK_GAP) continue;
    if (pos > 1 - MIN_TICK_GAP / 2 && t !== end && ticks.length > 1) continue;
    ticks.push({ t, x: pos, label: formatCompact(t) });
  }
  return {
    end,
    x: (t) => Math.min(1, x(t)),
    invert: (p) => Math.min(end, invert(Math.max(0, Math.min(1, p)))),
    ticks,
    logarithmic,
  };
}

/**
 * The axis end for a timeline: a little past the last step so its state shows, never past the horizon.
 * @example axisEnd(14, 900) // 16
 */
export function axisEnd(lastStep: number, until: number): number {
  if (lastStep >= until) return until;
  const padded = Math.max(5, lastStep + Math.max(2, lastStep * 0.08));
  return Math.min(until, Math.ceil(padded));
}
