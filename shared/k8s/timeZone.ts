/**
 * CronJob `timeZone` names (validateTimeZone in pkg/apis/batch/validation/validation.go, v1.36): each
 * `/`-separated part is 1-14 of `[A-Za-z.\-_0-9+]`, not `.`/`..`, not starting with `-`; `Local` is refused; the
 * name must then load with time.LoadLocation from the IANA tz database. The database itself is not carried here:
 * a name is known when its first component is one of the database's fixed top-level names (areas such as
 * `Europe/`, backward-compatible zones such as `US/` and single names such as `UTC`), which catches invented and
 * misspelled areas exactly; a misspelled city inside a real area is not caught.
 */

const PART = /^[A-Za-z.\-_0-9+]{1,14}$/;

/** Top-level directories of the IANA tz database (tzdata 2025, with the `backward` links Go ships). */
const AREAS = new Set([
  'Africa',
  'America',
  'Antarctica',
  'Arctic',
  'Asia',
  'Atlantic',
  'Australia',
  'Brazil',
  'Canada',
  'Chile',
  'Etc',
  'Europe',
  'Indian',
  'Mexico',
  'Pacific',
  'US',
]);

/** Single-component zone names of the IANA tz database. */
const SINGLE = new Set(
  (
    'CET CST6CDT Cuba EET EST EST5EDT Egypt Eire Factory GB GB-Eire GMT GMT+0 GMT-0 GMT0 Greenwich HST Hongkong ' +
    'Iceland Iran Israel Jamaica Japan Kwajalein Libya MET MST MST7MDT NZ NZ-CHAT Navajo PRC PST8PDT Poland ' +
    'Portugal ROC ROK Singapore Turkey UCT UTC Universal W-SU WET Zulu'
  ).split(' '),
);

/** The reason the API server refuses `name` as a time zone, or undefined when it is (or may be) accepted. */
export function timeZoneProblem(name: string): string | undefined {
  if (name === '') return 'must be unset or a non-empty time zone name';
  const parts = name.split('/');
  if (parts.some((p) => p === '.' || p === '..' || p.startsWith('-') || !PART.test(p))) {
    return `unknown time zone ${name}`;
  }
  if (name.toLowerCase() === 'local') return 'must be an explicit IANA time zone, not Local';
  const first = parts[0] as string;
  const known = parts.length === 1 ? SINGLE.has(first) : AREAS.has(first);
  return known ? undefined : `unknown time zone ${name}`;
}
