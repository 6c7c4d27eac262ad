/**
 * The schedule syntax a v1.36 API server accepts for a CronJob: `cron.ParseStandard` of github.com/robfig/cron/v3
 * (parser.go), as validateScheduleFormat in pkg/apis/batch/validation/validation.go calls it. Five fields
 * (minute, hour, day of month, month, day of week) of `*`, `?`, numbers, names (JAN-DEC, SUN-SAT, any case), ranges
 * `a-b`, steps `/n` and comma lists; or one of the descriptors @yearly, @annually, @monthly, @weekly, @daily,
 * @midnight, @hourly, `@every <Go duration>`. Day of week is 0-6 (7 is rejected). Returns the parser's problem.
 */

interface Bounds {
  min: number;
  max: number;
  names?: Record<string, number>;
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const DAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];

const FIELDS: readonly Bounds[] = [
  { min: 0, max: 59 },
  { min: 0, max: 23 },
  { min: 1, max: 31 },
  { min: 1, max: 12, names: Object.fromEntries(MONTHS.map((m, i) => [m, i + 1])) },
  { min: 0, max: 6, names: Object.fromEntries(DAYS.map((d, i) => [d, i])) },
];

const DESCRIPTORS = new Set(['@yearly', '@annually', '@monthly', '@weekly', '@daily', '@midnight', '@hourly']);

/**
 * Go's time.ParseDuration grammar: an optional sign, then one or more decimal numbers with a unit; or "0". Go takes
 * both micro signs (U+00B5 and U+03BC), written as escapes: one character above U+00FF in a bundle makes V8 hold
 * its whole source two bytes per character (esbuild escapes strings, not regular expressions; see esbuild.mjs).
 */
const GO_DURATION = /^[-+]?(0|((\d+\.?\d*|\.\d+)(ns|us|\u00b5s|\u03bcs|ms|s|m|h))+)$/;

/** strconv.Atoi, then robfig's mustParseInt rejection of negatives. */
function mustParseInt(expr: string): number | string {
  if (!/^[+-]?[0-9]+$/.test(expr)) return `cannot parse ${JSON.stringify(expr)} as a number`;
  const n = Number(expr);
  return n < 0 ? `negative number (${n}) not allowed: ${expr}` : n;
}

function parseIntOrName(expr: string, b: Bounds): number | string {
  const named = b.names?.[expr.toLowerCase()];
  return named ?? mustParseInt(expr);
}

/** getRange: one comma-separated piece of a field. */
function rangeProblem(expr: string, b: Bounds): string | undefined {
  const rangeAndStep = expr.split('/');
  const lowAndHigh = (rangeAndStep[0] as string).split('-');
  let start: number;
  let end: number;
  if (lowAndHigh[0] === '*' || lowAndHigh[0] === '?') {
    start = b.min;
    end = b.max;
  } else {
    const s = parseIntOrName(lowAndHigh[0] as string, b);
    if (typeof s === 'string') return s;
    start = s;
    if (lowAndHigh.length > 2) return `too many hyphens: ${expr}`;
    const e = lowAndHigh.length === 2 ? parseIntOrName(lowAndHigh[1] as string, b) : start;
    if (typeof e === 'string') return e;
    end = e;
  }
  let step = 1;
  if (rangeAndStep.length > 2) return `too many slashes: ${expr}`;
  if (rangeAndStep.length === 2) {
    const s = mustParseInt(rangeAndStep[1] as string);
    if (typeof s === 'string') return s;
    step = s;
    // "N/step" means "N-max/step".
    if (lowAndHigh.length === 1) end = b.max;
  }
  if (start < b.min) return `beginning of range (${start}) below minimum (${b.min}): ${expr}`;
  if (end > b.max) return `end of range (${end}) above maximum (${b.max}): ${expr}`;
  if (start > end) return `beginning of range (${start}) beyond end of range (${end}): ${expr}`;
  if (step === 0) return `step of range should be a positive number: ${expr}`;
  return undefined;
}

/** The problem robfig/cron's standard parser reports for `spec`, or undefined when it parses. */
export function cronScheduleProblem(spec: string): string | undefined {
  if (spec.length === 0) return 'empty spec string';
  let rest = spec;
  // ParseStandard strips a leading TZ=/CRON_TZ= zone; validation rejects "TZ" anywhere on its own.
  const tz = /^(CRON_TZ|TZ)=(\S*)\s*/.exec(rest);
  if (tz) rest = rest.slice(tz[0].length);
  if (rest.startsWith('@')) {
    if (DESCRIPTORS.has(rest)) return undefined;
    if (rest.startsWith('@every ')) {
      const d = rest.slice('@every '.length);
      return GO_DURATION.test(d) ? undefined : `failed to parse duration @every ${d}`;
    }
    return `unrecognized descriptor: ${rest}`;
  }
  const fields = rest.split(/[ \t\n\r\f\v]+/).filter((f) => f !== '');
  if (fields.length !== 5) return `expected exactly 5 fields, found ${fields.length}: [${fields.join(' ')}]`;
  for (const [i, field] of fields.entries()) {
    for (const piece of field.split(',')) {
      const problem = rangeProblem(piece, FIELDS[i] as Bounds);
      if (problem) return problem;
    }
  }
  return undefined;
}
