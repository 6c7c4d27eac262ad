/**
 * `duplicate-key`: the same key twice in one map. kubectl's YAML decoder keeps the last value and silently drops the
 * earlier one (kubernetes/kubernetes#125885: the request carries only the last `containers`), so the object is
 * accepted but is not what the file seems to say. A warning, with the first occurrence as related information.
 */
import { isMap, isScalar, type Node, visit } from 'yaml';
import type { FieldPath, Range } from '../../../util/range';
import type { Rule } from '../../types';

export const duplicateKeyRule: Rule = {
  meta: {
    id: 'duplicate-key',
    family: 'structure',
    severity: 'warning',
    summary: 'A key appears twice in one map: kubectl keeps only the last value and drops the first silently.',
  },
  check(ctx) {
    const { doc } = ctx;
    visit(doc.ast, {
      Map(_, map, ancestors) {
        const seen = new Map<string, Range>();
        for (const pair of map.items) {
          const key = isScalar(pair.key) ? String(pair.key.value) : undefined;
          const range = doc.ctx.range(pair.key as Node);
          if (key === undefined || key === '<<' || !range) continue;
          const first = seen.get(key);
          if (!first) {
            seen.set(key, range);
            continue;
          }
          ctx.report({
            path: [...pathOf(ancestors), key],
            range,
            message:
              `Duplicate key "${key}": kubectl keeps only this last value and silently drops the earlier one ` +
              `(line ${first.start.line + 1}). Merge the two or delete one.`,
            related: [{ range: first, message: `First "${key}" (dropped by kubectl)` }],
          });
        }
        return undefined;
      },
    });
  },
};

/** The field path of a map from its ancestors in the AST (pairs give keys, sequences give indices). */
function pathOf(ancestors: readonly unknown[]): FieldPath {
  const path: (string | number)[] = [];
  for (let i = 0; i < ancestors.length; i++) {
    const a = ancestors[i];
    const next = ancestors[i + 1];
    if (isMap(a)) continue;
    if (a && typeof a === 'object' && 'key' in a && 'value' in a) {
      const key = (a as { key: unknown }).key;
      if (isScalar(key)) path.push(String(key.value));
    } else if (a && typeof a === 'object' && 'items' in a && next !== undefined) {
      const index = (a as { items: unknown[] }).items.indexOf(next);
      if (index >= 0) path.push(index);
    }
  }
  return path;
}
