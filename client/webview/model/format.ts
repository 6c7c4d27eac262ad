/** Time formatting for the panel: simulated seconds as people read them, and kubectl's compact form. */

const round1 = (n: number) => Math.round(n * 10) / 10;

/** `0 s`, `2.5 s`, `1 min 20 s`, `15 min`, `1 h 5 min`. */
export function formatSeconds(t: number): string {
  if (t < 60) return `${round1(t)} s`;
  const s = Math.round(t);
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const sec = s % 60;
  if (h > 0) return m > 0 ? `${h} h ${m} min` : `${h} h`;
  return sec > 0 ? `${m} min ${sec} s` : `${m} min`;
}

/** `0s`, `45s`, `2m5s`, `15m`, `1h5m`: the compact form of kubectl's AGE column, for axes and tables. */
export function formatCompact(t: number): string {
  if (t < 120) return `${round1(t)}s`;
  const s = Math.round(t);
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const sec = s % 60;
  if (h > 0) return m > 0 ? `${h}h${m}m` : `${h}h`;
  return sec > 0 && m < 10 ? `${m}m${sec}s` : `${m}m`;
}

/** Marks a step that is the kubelet's reaction at an instant rather than the instant itself. */
export const AFTER_MARK = '⁺';
export const AFTER_MARK_EXPLAINED =
  'The state right after this instant: the kubelet has already reacted to what happened at it.';

/** The current moment of a step: `t = 12 s`, and `t = 12 s⁺` for the kubelet's reaction at that instant. */
export function formatStepTime(t: number, after: boolean): string {
  return `t = ${formatSeconds(t)}${after ? AFTER_MARK : ''}`;
}
