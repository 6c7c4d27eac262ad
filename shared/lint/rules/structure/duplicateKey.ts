/**
 * `duplicate-key`: the same key twice in one map. kubectl's YAML decoder keeps the last value and silently drops the
 * earlier one (kubernetes/kubernetes#125885: the request carries only the last `containers`), so the object is
 * accepted but is not what the file seems to say. A warning, with the first occurrence as related information.
 */
import { isMap, isScalar, isSeq, type Node } from 'yaml';
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
    // A plain walk: yaml's visit() builds a frozen ancestor array per node, which dominates on big files.
    const walk = (node: unknown, path: FieldPath): void => {
      if (isMap(node)) {
        const seen = new Map<string, Range>();
        for (const pair of node.items) {
          const key = isScalar(pair.key) ? String(pair.key.value) : undefined;
          if (key !== undefined && key !== '<<') {
            const range = doc.ctx.range(pair.key as Node);
            const first = seen.get(key);
            if (range && first) {
              ctx.report({
                path: [...path, key],
                range,
                message:
                  `Duplicate key "${key}": kubectl keeps only this last value and silently drops the earlier one ` +
                  `(line ${first.start.line + 1}). Merge the two or delete one.`,
                related: [{ range: first, message: `First "${key}" (dropped by kubectl)` }],
              });
            } else if (range) seen.set(key, range);
          }
          walk(pair.value, key === undefined ? path : [...path, key]);
        }
      } else if (isSeq(node)) {
        node.items.forEach((item, i) => {
          walk(item, [...path, i]);
        });
      }
    };
    walk(doc.ast.contents, []);
  },
};
