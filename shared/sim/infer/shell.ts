/**
 * A tiny POSIX-shell reader for `sh -c` scripts: quotes, comments, `;`/`&&`/`||`/`&`/`|`, groups and
 * while/until/for/if/case blocks. It only builds the shape the run inference needs; it never throws.
 */

export type Connector = ';' | '&&' | '||' | '&';

export type ShellNode =
  | { type: 'simple'; words: string[] }
  | { type: 'pipeline'; commands: ShellNode[] }
  | { type: 'group'; body: ShellList }
  | { type: 'loop'; keyword: 'while' | 'until'; condition: ShellList; body: ShellList }
  | { type: 'if'; branches: { condition: ShellList; body: ShellList }[]; otherwise: ShellList | null }
  | { type: 'for'; items: string[]; body: ShellList }
  | { type: 'unsupported'; keyword: string };

export interface ShellList {
  items: { node: ShellNode; then: Connector }[];
}

type Token = { kind: 'word'; text: string; quoted: boolean } | { kind: 'op'; op: string };

const OPERATORS = ['&&', '||', ';;', ';', '&', '|', '(', ')', '\n'];

/** The index just past the `$(...)` (nested parentheses counted) or `` `...` `` starting at `i`. */
function substitutionEnd(script: string, i: number): number {
  if (script[i] === '`') {
    const close = script.indexOf('`', i + 1);
    return close === -1 ? script.length : close + 1;
  }
  let depth = 0;
  for (let j = i + 1; j < script.length; j++) {
    if (script[j] === '(') depth++;
    else if (script[j] === ')' && --depth === 0) return j + 1;
  }
  return script.length;
}

/** Splits a script into words and operators; `#` comments and quote characters are removed. */
function tokenize(script: string): Token[] {
  const out: Token[] = [];
  let word = '';
  let inWord = false;
  let quoted = false;
  const flush = () => {
    if (inWord) out.push({ kind: 'word', text: word, quoted });
    word = '';
    inWord = false;
    quoted = false;
  };
  let i = 0;
  while (i < script.length) {
    const ch = script[i] as string;
    if (ch === "'") {
      const end = script.indexOf("'", i + 1);
      const stop = end === -1 ? script.length : end;
      word += script.slice(i + 1, stop);
      inWord = true;
      quoted = true;
      i = stop + 1;
    } else if (ch === '"') {
      let j = i + 1;
      while (j < script.length && script[j] !== '"') {
        if (script[j] === '\\' && j + 1 < script.length) j++;
        word += script[j];
        j++;
      }
      inWord = true;
      quoted = true;
      i = j + 1;
    } else if (ch === '\\' && i + 1 < script.length) {
      // A backslash-newline joins lines; any other escaped character is literal.
      if (script[i + 1] !== '\n') {
        word += script[i + 1];
        inWord = true;
      }
      i += 2;
    } else if (ch === '#' && !inWord) {
      const end = script.indexOf('\n', i);
      i = end === -1 ? script.length : end;
    } else if ((ch === '$' && script[i + 1] === '(') || ch === '`') {
      // A command substitution is one piece of the word, spaces and operators inside included.
      const end = substitutionEnd(script, i);
      word += script.slice(i, end);
      inWord = true;
      i = end;
    } else if (ch === '&' && (word.endsWith('>') || word.endsWith('<'))) {
      // `2>&1`, `>&2`: a redirection, not a background operator.
      word += ch;
      i++;
    } else if (ch === ' ' || ch === '\t' || ch === '\r') {
      flush();
      i++;
    } else {
      const op = OPERATORS.find((o) => script.startsWith(o, i));
      if (op) {
        flush();
        out.push({ kind: 'op', op: op === '\n' ? ';' : op });
        i += op.length;
      } else {
        word += ch;
        inWord = true;
        i++;
      }
    }
  }
  flush();
  return out;
}

const BLOCK_END: Record<string, string> = { for: 'done', if: 'fi', case: 'esac', select: 'done' };
const IF_STOPS = new Set(['then', 'elif', 'else', 'fi']);
const OPENERS = new Set(['while', 'until', 'for', 'select', 'if', 'case']);

class Parser {
  private i = 0;
  constructor(private readonly tokens: Token[]) {}

  private peek(): Token | undefined {
    return this.tokens[this.i];
  }

  private isKeyword(t: Token | undefined, words: ReadonlySet<string>): boolean {
    return t?.kind === 'word' && !t.quoted && words.has(t.text);
  }

  /** Parses until one of `stops` (unquoted keyword at command position) or `)`/`}` closes the list. */
  list(stops: ReadonlySet<string>): ShellList {
    const items: ShellList['items'] = [];
    for (;;) {
      this.skipSeparators();
      const t = this.peek();
      if (!t || this.isKeyword(t, stops) || (t.kind === 'op' && t.op === ')')) break;
      if (t.kind === 'word' && !t.quoted && t.text === '}' && stops.has('}')) break;
      const node = this.pipeline(stops);
      const next = this.peek();
      let then: Connector = ';';
      if (next?.kind === 'op' && (next.op === '&&' || next.op === '||' || next.op === ';' || next.op === '&')) {
        then = next.op;
        this.i++;
      }
      items.push({ node, then });
    }
    return { items };
  }

  private skipSeparators() {
    while (this.peek()?.kind === 'op' && (this.peek() as { op: string }).op === ';') this.i++;
  }

  private pipeline(stops: ReadonlySet<string>): ShellNode {
    const commands = [this.command(stops)];
    while (this.peek()?.kind === 'op' && (this.peek() as { op: string }).op === '|') {
      this.i++;
      commands.push(this.command(stops));
    }
    return commands.length === 1 ? (commands[0] as ShellNode) : { type: 'pipeline', commands };
  }

  private command(stops: ReadonlySet<string>): ShellNode {
    const t = this.peek();
    if (t?.kind === 'op' && t.op === '(') {
      this.i++;
      const body = this.list(new Set());
      this.i++;
      return { type: 'group', body };
    }
    if (t?.kind === 'word' && !t.quoted && t.text === '{') {
      this.i++;
      const body = this.list(new Set(['}']));
      this.i++;
      return { type: 'group', body };
    }
    if (t?.kind === 'word' && !t.quoted && (t.text === 'while' || t.text === 'until')) {
      this.i++;
      const condition = this.list(new Set(['do']));
      this.i++;
      const body = this.list(new Set(['done']));
      this.i++;
      return { type: 'loop', keyword: t.text, condition, body };
    }
    if (t?.kind === 'word' && !t.quoted && t.text === 'if') return this.ifBlock();
    if (t?.kind === 'word' && !t.quoted && t.text === 'for') {
      const loop = this.forLoop();
      if (loop) return loop;
    }
    if (t?.kind === 'word' && !t.quoted && OPENERS.has(t.text)) {
      this.skipBlock();
      return { type: 'unsupported', keyword: t.text };
    }
    const words: string[] = [];
    for (;;) {
      const w = this.peek();
      if (w?.kind !== 'word' || (words.length === 0 && this.isKeyword(w, stops))) break;
      words.push(w.text);
      this.i++;
    }
    if (words.length === 0) {
      // A stray operator (`;;`, a lone `)`): consume it so parsing always advances.
      this.i++;
      return { type: 'unsupported', keyword: t?.kind === 'op' ? t.op : '' };
    }
    return { type: 'simple', words };
  }

  private word(text: string): boolean {
    const t = this.peek();
    return t?.kind === 'word' && !t.quoted && t.text === text;
  }

  /** `if A; then B; elif C; then D; else E; fi` (the `if` is the next token). */
  private ifBlock(): ShellNode {
    const branches: { condition: ShellList; body: ShellList }[] = [];
    let otherwise: ShellList | null = null;
    this.i++;
    for (;;) {
      const condition = this.list(IF_STOPS);
      if (!this.word('then')) return { type: 'unsupported', keyword: 'if' };
      this.i++;
      branches.push({ condition, body: this.list(IF_STOPS) });
      if (this.word('elif')) {
        this.i++;
        continue;
      }
      if (this.word('else')) {
        this.i++;
        otherwise = this.list(IF_STOPS);
      }
      if (!this.word('fi')) return { type: 'unsupported', keyword: 'if' };
      this.i++;
      return { type: 'if', branches, otherwise };
    }
  }

  /** `for x in a b c; do ...; done`; undefined (nothing consumed) for other `for` forms. */
  private forLoop(): ShellNode | undefined {
    const start = this.i;
    const name = this.tokens[start + 1];
    const inWord = this.tokens[start + 2];
    if (name?.kind !== 'word' || inWord?.kind !== 'word' || inWord.text !== 'in') return undefined;
    this.i = start + 3;
    const items: string[] = [];
    while (this.peek()?.kind === 'word' && !this.word('do')) {
      items.push((this.peek() as { text: string }).text);
      this.i++;
    }
    this.skipSeparators();
    if (!this.word('do')) {
      this.i = start;
      return undefined;
    }
    this.i++;
    const body = this.list(new Set(['done']));
    this.i++;
    return { type: 'for', items, body };
  }

  /** Skips a whole `for`/`if`/`case` block (the opener is the next token), nested blocks included. */
  private skipBlock() {
    const closers: string[] = [];
    for (;;) {
      const t = this.peek();
      if (!t) return;
      this.i++;
      if (t.kind !== 'word' || t.quoted) continue;
      if (OPENERS.has(t.text))
        closers.push(t.text === 'while' || t.text === 'until' ? 'done' : (BLOCK_END[t.text] ?? ''));
      else if (t.text === closers[closers.length - 1]) {
        closers.pop();
        if (closers.length === 0) return;
      }
    }
  }
}

/**
 * Parses a shell script into a list of commands.
 * @example
 *   parseShell('echo hi && sleep 10').items.length // 2
 */
export function parseShell(script: string): ShellList {
  return new Parser(tokenize(script)).list(new Set());
}
