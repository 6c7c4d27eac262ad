/**
 * CronJob `timeZone` names (validateTimeZone in pkg/apis/batch/validation/validation.go, v1.36): each
 * `/`-separated part is 1-14 of `[A-Za-z.\-_0-9+]`, not `.`/`..`, not starting with `-`; `Local` (any case) is
 * refused; the name must then load with time.LoadLocation, which looks it up in the IANA database (timeZoneNames.ts),
 * case-sensitively.
 */
import { TIME_ZONE_NAMES } from './timeZoneNames';

const PART = /^[A-Za-z.\-_0-9+]{1,14}$/;

/** Why the API server refuses `name` as a time zone (a predicate phrase), or undefined when it is accepted. */
export function timeZoneProblem(name: string): string | undefined {
  if (name === '') return 'may be unset but not empty';
  const parts = name.split('/');
  if (parts.some((p) => p === '.' || p === '..' || p.startsWith('-') || !PART.test(p))) {
    return 'is not a time zone name';
  }
  if (name.toLowerCase() === 'local') return 'must be an explicit IANA time zone, not Local';
  return TIME_ZONE_NAMES.has(name) ? undefined : 'is not in the IANA time zone database';
}
