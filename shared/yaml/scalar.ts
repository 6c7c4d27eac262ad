/**
 * Resolves a YAML scalar to the JSON value `kubectl apply` sends. kubectl converts YAML with
 * sigs.k8s.io/yaml, which decodes with go-yaml v2 (YAML 1.1 rules): `on`/`yes`/`y` are booleans, `0644`
 * is octal, `1e3` is a float, timestamps stay strings. The `yaml` package parses with the failsafe
 * schema (every scalar a string) so this module is the only place scalar types are decided.
 */
import { isScalar, type Scalar } from 'yaml';

export type JsonScalar =
  | { type: 'null'; value: null }
  | { type: 'bool'; value: boolean }
  | { type: 'int'; value: number }
  | { type: 'float'; value: number }
  | { type: 'string'; value: string };

const NULLS = new Set(['', '~', 'null', 'Null', 'NULL']);
const TRUE = new Set(['y', 'Y', 'yes', 'Yes', 'YES', 'on', 'On', 'ON', 'true', 'True', 'TRUE']);
const FALSE = new Set(['n', 'N', 'no', 'No', 'NO', 'off', 'Off', 'OFF', 'false', 'False', 'FALSE']);
// go-yaml v2 yamlStyleFloat
const FLOAT = /^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$/;
const SPECIAL_FLOATS: Record<string, number> = {
  '.inf': Number.POSITIVE_INFINITY,
  '.Inf': Number.POSITIVE_INFINITY,
  '.INF': Number.POSITIVE_INFINITY,
  '+.inf': Number.POSITIVE_INFINITY,
  '+.Inf': Number.POSITIVE_INFINITY,
  '+.INF': Number.POSITIVE_INFINITY,
  '-.inf': Number.NEGATIVE_INFINITY,
  '-.Inf': Number.NEGATIVE_INFINITY,
  '-.INF': Number.NEGATIVE_INFINITY,
  '.nan': Number.NaN,
  '.NaN': Number.NaN,
  '.NAN': Number.NaN,
};

/** Go's strconv.ParseInt(s, 0, 64) after go-yaml removed underscores: sign, then 0x / 0o / 0b / leading-0 octal. */
function parseGoInt(text: string): number | undefined {
  const m = /^([-+]?)(0[xX][0-9a-fA-F]+|0[oO][0-7]+|0[bB][01]+|0[0-7]*|[1-9][0-9]*)$/.exec(text);
  if (!m) return undefined;
  const sign = m[1] === '-' ? -1 : 1;
  const body = m[2] as string;
  let n: number;
  if (/^0[xX]/.test(body)) n = Number.parseInt(body.slice(2), 16);
  else if (/^0[oO]/.test(body)) n = Number.parseInt(body.slice(2), 8);
  else if (/^0[bB]/.test(body)) n = Number.parseInt(body.slice(2), 2);
  else if (body.length > 1 && body.startsWith('0')) n = Number.parseInt(body.slice(1), 8);
  else n = Number.parseInt(body, 10);
  return sign * n;
}

/** Resolves a plain (unquoted) scalar's source text the way go-yaml v2 does for an untyped target. */
export function resolvePlain(source: string): JsonScalar {
  if (NULLS.has(source)) return { type: 'null', value: null };
  if (TRUE.has(source)) return { type: 'bool', value: true };
  if (FALSE.has(source)) return { type: 'bool', value: false };
  const special = SPECIAL_FLOATS[source];
  if (special !== undefined) return { type: 'float', value: special };
  const first = source.charCodeAt(0);
  const numeric = (first >= 48 && first <= 57) || first === 43 || first === 45 || first === 46;
  if (numeric) {
    const plain = source.replace(/_/g, '');
    const i = parseGoInt(plain);
    if (i !== undefined && Number.isFinite(i)) return { type: 'int', value: i };
    if (FLOAT.test(plain)) return { type: 'float', value: Number(plain) };
  }
  return { type: 'string', value: source };
}

const TAGGED: Record<string, JsonScalar['type']> = {
  'tag:yaml.org,2002:str': 'string',
  'tag:yaml.org,2002:int': 'int',
  'tag:yaml.org,2002:float': 'float',
  'tag:yaml.org,2002:bool': 'bool',
  'tag:yaml.org,2002:null': 'null',
  'tag:yaml.org,2002:timestamp': 'string',
  'tag:yaml.org,2002:binary': 'string',
};

/** The JSON value of a scalar node as kubectl would send it. */
export function resolveScalar(node: Scalar): JsonScalar {
  const text = typeof node.value === 'string' ? node.value : String(node.value ?? '');
  const tagged = node.tag ? TAGGED[node.tag] : undefined;
  if (tagged === 'string') return { type: 'string', value: text };
  // go-yaml resolves an explicit tag whatever the quoting: `!!int '2'` is the integer 2.
  if (!tagged && node.type && node.type !== 'PLAIN') return { type: 'string', value: text };
  const resolved = resolvePlain(text);
  if (tagged && tagged !== resolved.type && !(tagged === 'float' && resolved.type === 'int')) {
    return { type: 'string', value: text };
  }
  return resolved;
}

/** Convenience: the resolved value of a node when it is a scalar, else undefined. */
export function scalarValue(node: unknown): JsonScalar | undefined {
  return isScalar(node) ? resolveScalar(node) : undefined;
}

export function describeScalar(s: JsonScalar): string {
  switch (s.type) {
    case 'null':
      return 'null';
    case 'bool':
      return 'a boolean';
    case 'int':
      return 'an integer';
    case 'float':
      return 'a number';
    case 'string':
      return 'a string';
  }
}
