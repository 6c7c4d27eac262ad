/**
 * A reader for the small Python programs manifests pass to `python -c`: imports, prints, `if`/`elif`/
 * `else` on environment variables, and `sys.exit(n)`. It answers the exit status when every statement
 * is one of those (the Job walkthroughs' programs that fail or succeed by JOB_COMPLETION_INDEX), and
 * undefined for anything else: loops, assignments and calls it does not know are never guessed.
 */

type Value = string | number | boolean | null;

/** A sys.exit/exit/quit call with this status; a program that runs off its end has none. */
type Outcome = { code: number };

const TOKEN = /\s*(?:(\d+)|"((?:[^"\\]|\\.)*)"|'((?:[^'\\]|\\.)*)'|(==|!=|<=|>=|[<>%()[\],+\-*])|([A-Za-z_][\w.]*))/y;

type Token = { kind: 'num'; n: number } | { kind: 'str'; s: string } | { kind: 'op'; op: string };

function tokenize(text: string): Token[] | undefined {
  const out: Token[] = [];
  TOKEN.lastIndex = 0;
  while (TOKEN.lastIndex < text.length) {
    if (/^\s*$/.test(text.slice(TOKEN.lastIndex))) break;
    const m = TOKEN.exec(text);
    if (!m) return undefined;
    if (m[1] !== undefined) out.push({ kind: 'num', n: Number(m[1]) });
    else if (m[2] !== undefined || m[3] !== undefined) out.push({ kind: 'str', s: m[2] ?? m[3] ?? '' });
    else out.push({ kind: 'op', op: (m[4] ?? m[5]) as string });
  }
  return out;
}

/** Python's truth, and its `int()` of a string (undefined when it would raise). */
const truthy = (v: Value) => v !== null && v !== false && v !== 0 && v !== '';
const toInt = (v: Value) => (typeof v === 'string' && /^\s*-?\d+\s*$/.test(v) ? Number(v) : v);

/** Ordering across types raises TypeError in Python: those comparisons stay unknown (undefined). */
const ordered =
  (f: (a: string | number, b: string | number) => boolean) =>
  (a: Value, b: Value): boolean | undefined =>
    (typeof a === 'string' || typeof a === 'number') && typeof a === typeof b ? f(a, b as typeof a) : undefined;

const COMPARE: Record<string, (a: Value, b: Value) => boolean | undefined> = {
  '==': (a, b) => a === b,
  '!=': (a, b) => a !== b,
  '<': ordered((a, b) => a < b),
  '<=': ordered((a, b) => a <= b),
  '>': ordered((a, b) => a > b),
  '>=': ordered((a, b) => a >= b),
};

const ARITH: Record<string, (a: number, b: number) => number> = {
  '%': (a, b) => ((a % b) + b) % b,
  '+': (a, b) => a + b,
  '-': (a, b) => a - b,
  '*': (a, b) => a * b,
};

/** A precedence-climbing reader of one expression; throws nothing, answers undefined when lost. */
class Expr {
  private i = 0;
  constructor(
    private readonly t: Token[],
    private readonly env: ReadonlyMap<string, string>,
  ) {}

  all(): Value | undefined {
    const v = this.or();
    return this.i === this.t.length ? v : undefined;
  }

  private isOp(op: string): boolean {
    const x = this.t[this.i];
    return x?.kind === 'op' && x.op === op;
  }

  private eat(op: string): boolean {
    if (!this.isOp(op)) return false;
    this.i++;
    return true;
  }

  private or(): Value | undefined {
    let v = this.and();
    while (v !== undefined && this.eat('or')) {
      const r = this.and();
      v = r === undefined ? undefined : truthy(v) ? v : r;
    }
    return v;
  }

  private and(): Value | undefined {
    let v = this.not();
    while (v !== undefined && this.eat('and')) {
      const r = this.not();
      v = r === undefined ? undefined : truthy(v) ? r : v;
    }
    return v;
  }

  private not(): Value | undefined {
    if (!this.eat('not')) return this.compare();
    const v = this.not();
    return v === undefined ? undefined : !truthy(v);
  }

  private compare(): Value | undefined {
    const a = this.arith();
    const x = this.t[this.i];
    const cmp = x?.kind === 'op' ? COMPARE[x.op] : undefined;
    if (a === undefined || !cmp) return a;
    this.i++;
    const b = this.arith();
    return b === undefined ? undefined : cmp(a, b);
  }

  private arith(): Value | undefined {
    let v = this.atom();
    for (let x = this.t[this.i]; v !== undefined && x?.kind === 'op' && ARITH[x.op]; x = this.t[this.i]) {
      this.i++;
      const r = this.atom();
      if (typeof v !== 'number' || typeof r !== 'number' || (x.op === '%' && r === 0)) return undefined;
      v = (ARITH[x.op] as (a: number, b: number) => number)(v, r);
    }
    return v;
  }

  /** The arguments of a call, after its `(`. */
  private args(): Value[] | undefined {
    const out: Value[] = [];
    while (!this.eat(')')) {
      const v = this.or();
      if (v === undefined) return undefined;
      out.push(v);
      if (!this.eat(',') && !this.isOp(')')) return undefined;
    }
    return out;
  }

  private atom(): Value | undefined {
    const x = this.t[this.i++];
    if (!x) return undefined;
    if (x.kind === 'num') return x.n;
    if (x.kind === 'str') return x.s;
    if (x.op === '(') {
      const v = this.or();
      return this.eat(')') ? v : undefined;
    }
    if (x.op === 'True' || x.op === 'False') return x.op === 'True';
    if (x.op === 'None') return null;
    if (x.op === 'os.environ' && this.eat('[')) {
      const key = this.or();
      return this.eat(']') && typeof key === 'string' ? this.env.get(key) : undefined;
    }
    if (!this.eat('(')) return undefined;
    const a = this.args();
    if (!a) return undefined;
    if (x.op === 'os.environ.get' || x.op === 'os.getenv') {
      const key = a[0];
      return typeof key === 'string' ? (this.env.get(key) ?? a[1] ?? null) : undefined;
    }
    if (x.op === 'int' && a.length === 1) {
      const n = toInt(a[0] as Value);
      return typeof n === 'number' ? n : undefined;
    }
    if (x.op === 'str' && a.length === 1) return String(a[0]);
    return undefined;
  }
}

function evaluate(text: string, env: ReadonlyMap<string, string>): Value | undefined {
  const tokens = tokenize(text);
  return tokens ? new Expr(tokens, env).all() : undefined;
}

interface Line {
  indent: number;
  text: string;
}

const EXIT = /^(?:sys\.exit|exit|quit)\((.*)\)$/;
const SIMPLE = /^(?:import\s|from\s.+\simport\s|print\(|pass$)/;

/** Runs the statements of one block (lines at `indent` from `start`); returns where the block ends. */
function block(
  lines: Line[],
  start: number,
  env: ReadonlyMap<string, string>,
): { next: number; outcome?: Outcome } | undefined {
  const indent = lines[start]?.indent ?? 0;
  let i = start;
  let taken: boolean | undefined;
  while (i < lines.length && (lines[i] as Line).indent >= indent) {
    const { text, indent: at } = lines[i] as Line;
    if (at > indent) return undefined;
    const cond = /^(if|elif|else)\b\s*(.*):$/.exec(text);
    if (cond) {
      const [, word, expr] = cond as unknown as [string, string, string];
      if (word !== 'if' && taken === undefined) return undefined;
      const value = word === 'else' ? true : evaluate(expr, env);
      if (value === undefined) return undefined;
      const run = word === 'if' ? truthy(value) : !taken && truthy(value);
      if (word === 'if') taken = false;
      // The body is read even when not taken: a program this reader cannot follow stays unknown.
      const body = block(lines, i + 1, env);
      if (!body || (lines[i + 1]?.indent ?? 0) <= indent) return undefined;
      if (run) {
        taken = true;
        if (body.outcome) return body;
      }
      i = body.next;
      if (word === 'else') taken = undefined;
      continue;
    }
    taken = undefined;
    const exit = EXIT.exec(text);
    if (exit) {
      const arg = (exit[1] as string).trim();
      const v = arg === '' ? 0 : evaluate(arg, env);
      if (v === undefined) return undefined;
      const code = v === null ? 0 : typeof v === 'number' ? v & 255 : typeof v === 'boolean' ? Number(v) : 1;
      return { next: i + 1, outcome: { code } };
    }
    if (!SIMPLE.test(text)) return undefined;
    i++;
  }
  return { next: i };
}

/**
 * The exit status of a `python -c` program, or undefined when it does more than this reader follows.
 * @example pythonExit('import sys\nsys.exit(3)', new Map()) // 3
 */
export function pythonExit(program: string, env: ReadonlyMap<string, string>): number | undefined {
  const lines: Line[] = program
    .split('\n')
    .map((l) => l.replace(/\s+#.*$|^\s*#.*$/, '').replace(/\s+$/, ''))
    .filter((l) => l.trim() !== '')
    .map((l) => ({ indent: (/^ */.exec(l) as RegExpExecArray)[0].length, text: l.trim() }));
  if (lines.length === 0 || lines.some((l) => l.text.includes(';'))) return undefined;
  if ((lines[0] as Line).indent !== 0) return undefined;
  const r = block(lines, 0, env);
  if (r?.outcome) return r.outcome.code;
  return r && r.next === lines.length ? 0 : undefined;
}
