/** Durations as kubectl prints them: HumanDuration (apimachinery/pkg/util/duration) and Go's Duration.String. */

/**
 * `HumanDuration` from apimachinery: ~2-3 significant figures (`45s`, `2m5s`, `15m`, `3h20m`, `2d4h`, `3y45d`).
 * @example humanDuration(125) // '2m5s'
 */
export function humanDuration(seconds: number): string {
  const s = Math.trunc(seconds);
  if (s < -1) return '<invalid>';
  if (s < 0) return '0s';
  if (s < 120) return `${s}s`;
  const minutes = Math.trunc(s / 60);
  if (minutes < 10) return s % 60 === 0 ? `${minutes}m` : `${minutes}m${s % 60}s`;
  if (minutes < 180) return `${minutes}m`;
  const hours = Math.trunc(s / 3600);
  if (hours < 8) return minutes % 60 === 0 ? `${hours}h` : `${hours}h${minutes % 60}m`;
  if (hours < 48) return `${hours}h`;
  if (hours < 24 * 8)
    return hours % 24 === 0 ? `${Math.trunc(hours / 24)}d` : `${Math.trunc(hours / 24)}d${hours % 24}h`;
  if (hours < 24 * 365 * 2) return `${Math.trunc(hours / 24)}d`;
  const years = Math.trunc(hours / 24 / 365);
  if (hours < 24 * 365 * 8) {
    const days = Math.trunc(hours / 24) % 365;
    return days === 0 ? `${years}y` : `${years}y${days}d`;
  }
  return `${years}y`;
}

/**
 * Go's `time.Duration.String` for whole or fractional seconds, as the kubelet prints back-off delays and
 * pull times (`10s`, `1m20s`, `5m0s`, `1.5s`).
 * @example goDuration(300) // '5m0s'
 */
export function goDuration(seconds: number): string {
  if (seconds === 0) return '0s';
  const h = Math.trunc(seconds / 3600);
  const m = Math.trunc((seconds % 3600) / 60);
  const rest = Number((seconds % 60).toFixed(9));
  const sec = `${rest}s`;
  if (h > 0) return `${h}h${m}m${sec}`;
  if (m > 0) return `${m}m${sec}`;
  return sec;
}
