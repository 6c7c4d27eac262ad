/**
 * `duplicate-key`: the same key twice in one map. kubectl's YAML decoder keeps the last value and silently drops the
 * earlier one (kubernetes/kubernetes#125885: the request carries only the last `containers`), so the object is
 * accepted but is not what the file seems to say. A warning, with the first occurrence as related information.
 */
import { isMap, isScalar, isSeq, type Node } from 'yaml';
import type { FieldPath } from '../../../util/range';
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
    // A plain walk with the path as a parent chain and ranges only for duplicates: this runs over every node of
    // every document, and yaml's visit() (a frozen ancestor array per node) dominated big files.
    const walk = (node: unknown, path: PathLink | undefined): void => {
      if (isMap(node)) {
        const seen = new Map<string, Node>();
        for (const pair of node.items) {
          const key = isScalar(pair.key) ? String(pair.key.value) : undefined;
          const here = key === undefined ? path : { parent: path, segment: key };
          if (key !== undefined && key !== '<<') {
            const first = seen.get(key);
            const range = first ? doc.ctx.range(pair.key as Node) : undefined;
            const firstRange = first ? doc.ctx.range(first) : undefined;
            if (range && firstRange) {
              ctx.report({
                path: materialize(here),
                range,
                message:
                  `Duplicate key "${key}": kubectl keeps only this last value and silently drops the earlier one ` +
                  `(line ${firstRange.start.line + 1}). Merge the two or delete one.`,
                related: [{ range: firstRange, message: `First "${key}" (dropped by kubectl)` }],
              });
            } else if (!first) seen.set(key, pair.key as Node);
          }
          walk(pair.value, here);
        }
      } else if (isSeq(node)) {
        node.items.forEach((item, i) => {
          walk(item, { parent: path, segment: i });
        });
      }
    };
    walk(doc.ast.contents, undefined);
  },
};

interface PathLink {
  parent: PathLink | undefined;
  segment: string | number;
}

function materialize(link: PathLink | undefined): FieldPath {
  const out: (string | number)[] = [];
  for (let l = link; l; l = l.parent) out.unshift(l.segment);
  return out;
}
