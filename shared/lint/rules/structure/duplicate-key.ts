/**
 * `duplicate-key`: the same key twice in one map. kubectl's YAML decoder keeps the last value and silently drops the
 * earlier one (kubernetes/kubernetes#125885: the request carries only the last `containers`), so the object is
 * accepted but is not what the file seems to say. A warning, with the first occurrence as related information.
 */
import { isMap, isScalar, isSeq, type Node } from 'yaml';
import type { FieldPath } from '../../../util/range';
import { duplicates } from '../../helpers/duplicates';
import { quoted } from '../../message';
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
    // every document, and yaml's visit() (a frozen ancestor array per node) dominated big files. An explicit stack,
    // not recursion: lists nested a few thousand deep overflowed the call stack (the engine then dropped the rule).
    const stack: { node: unknown; path: PathLink | undefined }[] = [{ node: doc.ast.contents, path: undefined }];
    for (let top = stack.pop(); top; top = stack.pop()) {
      const { node, path } = top;
      if (isMap(node)) {
        const keyOf = (pair: (typeof node.items)[number]) => (isScalar(pair.key) ? String(pair.key.value) : undefined);
        // A merge key (`<<`) may repeat: each one merges another map in.
        const repeats = duplicates(node.items, (pair) => (keyOf(pair) === '<<' ? undefined : keyOf(pair)));
        const children: typeof stack = [];
        for (const pair of node.items) {
          const key = keyOf(pair);
          const here = key === undefined ? path : { parent: path, segment: key };
          const repeat = repeats.get(pair);
          if (key !== undefined && repeat) {
            const range = doc.ctx.range(pair.key as Node);
            const firstRange = doc.ctx.range(repeat.first.key as Node);
            if (range && firstRange) {
              // Where the first one is, relative to this one: the server moves cached findings with their document,
              // so a message must not name a file line.
              const above = range.start.line - firstRange.start.line;
              const where = above === 0 ? 'on this line' : `${above} line${above === 1 ? '' : 's'} above`;
              ctx.report({
                path: materialize(here),
                range,
                message: `Duplicate key ${quoted(key)}: kubectl keeps this one and drops the earlier one`,
                detail: `kubectl keeps only this last value and silently drops the earlier one (${where}). Merge the two or delete one.`,
                related: [{ range: firstRange, message: `First "${key}" (dropped by kubectl)` }],
              });
            }
          }
          children.push({ node: pair.value, path: here });
        }
        for (let i = children.length - 1; i >= 0; i--) stack.push(children[i] as (typeof stack)[number]);
      } else if (isSeq(node)) {
        for (let i = node.items.length - 1; i >= 0; i--) {
          stack.push({ node: node.items[i], path: { parent: path, segment: i } });
        }
      }
    }
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
