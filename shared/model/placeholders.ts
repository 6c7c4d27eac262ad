/**
 * Substitution placeholders: values a deploy script fills in before `kubectl apply` (envsubst `${VAR}`, a shell
 * `$VAR`, `<node-hostname>` in docs, `__VAR__`, `@VAR@`, `#{VAR}#` token replacers). Like Helm templates, what
 * they become is unknown, so the fields holding them are not checked; unlike templates they keep the YAML
 * structure intact, so the rest of the object still is.
 */
import { isMap, isScalar, isSeq, type Node, Scalar } from 'yaml';
import type { FieldPath, Range } from '../util/range';
import type { DocContext } from './nodes';

export interface PlaceholderStyle {
  name: string;
  example: string;
  /** Matches a value holding this placeholder. */
  pattern: RegExp;
}

/** The styles, in the order a message lists them. */
export const PLACEHOLDER_STYLES: readonly PlaceholderStyle[] = [
  { name: 'envsubst', example: `\${VAR}`, pattern: /\$\{[A-Za-z_][A-Za-z0-9_]*(?:[:?=+-][^}]*)?\}/ },
  // Only a whole value: `$` inside a longer string is ordinary text (regexes, prices, shell in a field).
  { name: 'shell variable', example: '$VAR', pattern: /^\$[A-Za-z_][A-Za-z0-9_]*$/ },
  { name: 'angle brackets', example: '<name>', pattern: /<[A-Za-z][A-Za-z0-9 _.-]*>/ },
  { name: 'double underscores', example: '__VAR__', pattern: /__[A-Za-z][A-Za-z0-9_]*__/ },
  { name: 'at signs', example: '@VAR@', pattern: /@[A-Za-z_][A-Za-z0-9_.-]*@/ },
  { name: 'token replacement', example: '#{VAR}#', pattern: /#\{[^{}]+\}#/ },
];

/** Text without which no style can match: most documents skip the walk. */
const MARKERS = /\$\{|\$[A-Za-z_]|<[A-Za-z]|__[A-Za-z]|@[A-Za-z_]|#\{/;

/**
 * Keys whose values are free text a substitution may fill in but the API server does not check (commands, env
 * values, config data, annotations): placeholders there change nothing podlens reports.
 */
const FREE_TEXT = new Set(['command', 'args', 'env', 'data', 'stringData', 'binaryData', 'annotations']);

export interface Placeholder {
  style: PlaceholderStyle;
  /** The value as written. */
  raw: string;
  path: FieldPath;
  /** The value's range. */
  range: Range;
  /** From the key to the end of the value: findings inside it are about the placeholder. */
  fieldRange: Range;
}

function styleOf(value: string): PlaceholderStyle | undefined {
  if (!MARKERS.test(value)) return undefined;
  return PLACEHOLDER_STYLES.find((s) => s.pattern.test(value));
}

/** Deepest nesting walked; deeper values are not read by any rule either. */
const MAX_DEPTH = 64;

/**
 * Every placeholder value in a document, in document order (block scalars are text, never placeholders).
 * @example findPlaceholders(ctx, 'metadata:\n  namespace: ${NS}\n')[0]?.path // ['metadata', 'namespace']
 */
export function findPlaceholders(ctx: DocContext, text: string): Placeholder[] {
  if (!MARKERS.test(text)) return [];
  const out: Placeholder[] = [];
  const walk = (node: Node | null | undefined, path: (string | number)[], key: Node | undefined) => {
    if (path.length > MAX_DEPTH) return;
    if (isMap(node)) {
      for (const pair of node.items) {
        const name = ctx.keyText(pair);
        if (name === undefined || FREE_TEXT.has(name)) continue;
        walk(pair.value as Node | null, [...path, name], pair.key as Node);
      }
    } else if (isSeq(node)) {
      for (const [i, item] of node.items.entries()) walk(item as Node, [...path, i], item as Node);
    } else if (isScalar(node) && typeof node.value === 'string') {
      if (node.type === Scalar.BLOCK_LITERAL || node.type === Scalar.BLOCK_FOLDED) return;
      const style = styleOf(node.value);
      const range = ctx.range(node);
      const start = ctx.range(key)?.start ?? range?.start;
      if (style && range && start)
        out.push({ style, raw: node.value, path, range, fieldRange: { start, end: range.end } });
    }
  };
  walk(ctx.doc.contents as Node | null, [], undefined);
  return out;
}
