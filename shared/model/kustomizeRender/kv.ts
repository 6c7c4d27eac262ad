/**
 * The key-value pairs of a ConfigMap or Secret generator, as kustomize's kv loader reads them (api/kv/kv.go,
 * api/internal/generators/utils.go): env files first, then literals, then files. Each key and value keeps the
 * text that produced it: a literal's part of the kustomization line, an env file's line, a whole data file.
 */
import type { Range } from '../../util/range';
import { joinPath } from './paths';
import { get, type Origin, type RNode, str } from './tree';

export interface KvPair {
  key: string;
  value: string;
  keyOrigin: Origin;
  valueOrigin: Origin;
}

export interface KvContext {
  dir: string;
  /** Path of the kustomization file (literal origins are ranges inside it). */
  file: string;
  /** The kustomization's lines, split once (a kustomization may list thousands of literals). */
  lines: readonly string[];
  read: (path: string) => string | undefined;
  problem: (message: string) => void;
}

/**
 * unicode.IsSpace, which TrimLeftFunc strips from an env line: JavaScript's trimStart also strips U+FEFF, which Go
 * keeps (a byte order mark after the first line stays part of the key).
 */
const GO_SPACE = /^[\t\n\v\f\r \u0085\u00A0\u1680\u2000-\u200A\u2028\u2029\u202F\u205F\u3000]+/;

function list(args: RNode, key: string): RNode[] {
  const node = get(args, key);
  return node?.kind === 'seq' ? node.items.filter((i) => str(i) !== undefined) : [];
}

function sub(origin: Origin, from: number, to: number): Origin {
  const { start } = origin.range;
  const range: Range = {
    start: { line: start.line, character: start.character + from },
    end: { line: start.line, character: start.character + to },
  };
  return { path: origin.path, range };
}

/** removeQuotes in kv.go: one pair of matching quotes around a literal's value is dropped. */
function removeQuotes(s: string): string {
  if (s.length < 2 || s[0] !== s[s.length - 1]) return s;
  return s[0] === '"' || s[0] === "'" ? s.slice(1, -1) : s;
}

/** Where the literal's characters start in the kustomization's text: 0 for a plain scalar, 1 for a quoted one. */
function literalShift(ctx: KvContext, node: RNode, literal: string): number | undefined {
  const { start, end } = node.origin.range;
  if (start.line !== end.line) return undefined;
  const raw = (ctx.lines[start.line] ?? '').slice(start.character, end.character);
  if (raw === literal) return 0;
  return raw.length === literal.length + 2 && raw.slice(1, -1) === literal ? 1 : undefined;
}

function literals(ctx: KvContext, args: RNode): KvPair[] {
  return list(args, 'literals').flatMap((node) => {
    const source = str(node) as string;
    const eq = source.indexOf('=');
    if (eq <= 0) {
      ctx.problem(`invalid literal source ${source}, expected key=value`);
      return [];
    }
    const raw = source.slice(eq + 1);
    const value = removeQuotes(raw);
    const shift = literalShift(ctx, node, source);
    if (shift === undefined)
      return [{ key: source.slice(0, eq), value, keyOrigin: node.origin, valueOrigin: node.origin }];
    const quoted = value === raw ? 0 : 1;
    const valueStart = shift + eq + 1 + quoted;
    return [
      {
        key: source.slice(0, eq),
        value,
        keyOrigin: sub(node.origin, shift, shift + eq),
        valueOrigin: sub(node.origin, valueStart, valueStart + value.length),
      },
    ];
  });
}

function load(ctx: KvContext, rel: string, what: string): { path: string; text: string } | undefined {
  const path = joinPath(ctx.dir, rel);
  const text = ctx.read(path);
  if (text === undefined) ctx.problem(`${what} ${rel} cannot be read`);
  return text === undefined ? undefined : { path, text };
}

/** keyValuesFromLines in kv.go: KEY=VALUE per line; blank lines and `#` comments skipped; no `=` is an empty value. */
export function envPairs(text: string, path: string): KvPair[] {
  const pairs: KvPair[] = [];
  text.split('\n').forEach((rawLine, n) => {
    // bufio.ScanLines drops a line's trailing \r; the first line loses a UTF-8 byte order mark.
    let line = rawLine.endsWith('\r') ? rawLine.slice(0, -1) : rawLine;
    let column = 0;
    if (n === 0 && line.startsWith('\uFEFF')) {
      line = line.slice(1);
      column = 1;
    }
    const body = line.replace(GO_SPACE, '');
    column += line.length - body.length;
    if (body === '' || body.startsWith('#')) return;
    const eq = body.indexOf('=');
    const key = eq < 0 ? body : body.slice(0, eq);
    const value = eq < 0 ? '' : body.slice(eq + 1);
    const at = (from: number, to: number): Origin => ({
      path,
      range: { start: { line: n, character: column + from }, end: { line: n, character: column + to } },
    });
    pairs.push({ key, value, keyOrigin: at(0, key.length), valueOrigin: at(eq + 1, eq + 1 + value.length) });
  });
  return pairs;
}

function envs(ctx: KvContext, args: RNode): KvPair[] {
  const single = get(args, 'env');
  const sources = [...list(args, 'envs'), ...(str(single) ? [single as RNode] : [])];
  return sources.flatMap((node) => {
    const file = load(ctx, str(node) as string, 'env file');
    return file ? envPairs(file.text, file.path) : [];
  });
}

/** ParseFileSource in utils.go: `path` (the key is the file's name) or `key=path`. */
function files(ctx: KvContext, args: RNode): KvPair[] {
  return list(args, 'files').flatMap((node) => {
    const source = str(node) as string;
    const parts = source.split('=');
    if (parts.length > 2 || parts[0] === '' || parts[1] === '') {
      ctx.problem(`file source "${source}" needs a key name and a file path, neither containing '='`);
      return [];
    }
    const rel = parts.length === 2 ? (parts[1] as string) : source;
    const key = parts.length === 2 ? (parts[0] as string) : (rel.split('/').pop() as string);
    const file = load(ctx, rel, 'file');
    if (!file) return [];
    const lines = file.text.split('\n');
    const end = { line: lines.length - 1, character: (lines[lines.length - 1] as string).length };
    return [
      {
        key,
        value: file.text,
        keyOrigin: node.origin,
        valueOrigin: { path: file.path, range: { start: { line: 0, character: 0 }, end } },
      },
    ];
  });
}

/**
 * The generator's pairs without repeated keys (kustomize fails on one). Keys and env names are not validated:
 * kustomize's validator (api/internal/validate/fieldvalidator.go) accepts any; the API server judges them.
 */
export function kvPairs(ctx: KvContext, args: RNode, name: string): KvPair[] {
  const seen = new Set<string>();
  return [...envs(ctx, args), ...literals(ctx, args), ...files(ctx, args)].filter((p) => {
    if (seen.has(p.key)) {
      ctx.problem(`configmap ${name} illegally repeats the key \`${p.key}\``);
      return false;
    }
    seen.add(p.key);
    return true;
  });
}
