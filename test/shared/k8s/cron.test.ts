// CronJob schedules and time zones as a v1.36 API server parses them (robfig/cron v3 ParseStandard, validateTimeZone).
import { describe, expect, it } from 'vitest';
import { cronScheduleProblem } from '../../../shared/k8s/cron';
import { timeZoneProblem } from '../../../shared/k8s/timeZone';

describe('cronScheduleProblem', () => {
  it.each([
    '* * * * *',
    '0 3 * * *',
    '*/15 * * * *',
    '0 0-6/2 * * *',
    '5/10 * * * *',
    '0 0 1,15 * *',
    '0 0 ? * SUN',
    '0 0 1 jan-MAR mon-fri',
    '59 23 31 12 6',
    '  0 3 * * *  ',
    '@hourly',
    '@daily',
    '@midnight',
    '@weekly',
    '@monthly',
    '@yearly',
    '@annually',
    '@every 90s',
    '@every 1h30m',
    '@every 1.5h',
    // Go's time.ParseDuration takes both micro signs: U+00B5 MICRO SIGN and U+03BC GREEK SMALL LETTER MU.
    '@every 500\u00b5s',
    '@every 500\u03bcs',
  ])('accepts %j', (spec) => {
    expect(cronScheduleProblem(spec)).toBeUndefined();
  });

  it.each([
    ['0 3 * *', 'expected exactly 5 fields, found 4: [0 3 * *]'],
    ['0 0 3 * * *', 'expected exactly 5 fields, found 6: [0 0 3 * * *]'],
    ['60 * * * *', 'end of range (60) above maximum (59): 60'],
    ['0 24 * * *', 'end of range (24) above maximum (23): 24'],
    ['0 0 0 * *', 'beginning of range (0) below minimum (1): 0'],
    ['0 0 * 13 *', 'end of range (13) above maximum (12): 13'],
    ['0 3 * * 7', 'end of range (7) above maximum (6): 7'],
    ['0 5-1 * * *', 'beginning of range (5) beyond end of range (1): 5-1'],
    ['*/0 * * * *', 'step of range should be a positive number: */0'],
    ['1-2-3 * * * *', 'too many hyphens: 1-2-3'],
    ['*/2/3 * * * *', 'too many slashes: */2/3'],
    ['0 0 * * Sunday', 'cannot parse "Sunday" as a number'],
    ['0 0 1,,2 * *', 'cannot parse "" as a number'],
    ['@fortnightly', 'unrecognized descriptor: @fortnightly'],
    ['@every 5', 'failed to parse duration @every 5'],
    ['@every 5\u00b5', 'failed to parse duration @every 5\u00b5'],
    ['@hourly ', 'unrecognized descriptor: @hourly '],
    ['', 'empty spec string'],
  ])('rejects %j: %s', (spec, problem) => {
    expect(cronScheduleProblem(spec)).toBe(problem);
  });
});

describe('timeZoneProblem', () => {
  it.each([
    'UTC',
    'Etc/UTC',
    'Etc/GMT+5',
    'Europe/Berlin',
    'America/New_York',
    'America/Argentina/Buenos_Aires',
    'America/Port-au-Prince',
    'US/Eastern',
    'Asia/Kolkata',
    'Asia/Calcutta',
    'America/Coyhaique',
    'GMT+0',
    'Factory',
  ])('accepts %j', (name) => {
    expect(timeZoneProblem(name)).toBeUndefined();
  });

  it.each([
    ['', 'may be unset but not empty'],
    ['Local', 'must be an explicit IANA time zone, not Local'],
    ['local', 'must be an explicit IANA time zone, not Local'],
    ['Europa/Berlin', 'is not in the IANA time zone database'],
    ['europe/berlin', 'is not in the IANA time zone database'],
    ['America/New_York_City_Zone', 'is not a time zone name'],
    ['Europe//Berlin', 'is not a time zone name'],
    ['Europe/-Berlin', 'is not a time zone name'],
    ['../etc/passwd', 'is not a time zone name'],
    ['Berlin', 'is not in the IANA time zone database'],
    ['Europe/Berln', 'is not in the IANA time zone database'],
    ['America/Nowhere', 'is not in the IANA time zone database'],
  ])('rejects %j: %s', (name, problem) => {
    expect(timeZoneProblem(name)).toBe(problem);
  });
});
