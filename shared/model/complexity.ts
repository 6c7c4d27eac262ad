/**
 * The analysis budget of one document: how many YAML nodes it has, counted without recursion (nesting thousands
 * deep is normal hostile input). A count is deterministic (no clock in the core) and tracks what the features' work
 * grows with; a document over the limit is parsed but not analysed, and the lint engine says so once.
 */
import { type Document, isAlias, isMap, isPair, isScalar, isSeq } from 'yaml';

/**
 * Most YAML nodes (scalars, maps, sequences, aliases) analysed in one document. Real manifests, a StatefulSet with
 * dozens of containers and volumes included, stay below 5,000; an object this big is also far past what the API
 * server stores (etcd's default request limit is 1.5 MiB).
 */
export const NODE_LIMIT = 100_000;

export interface Complexity {
  nodes: number;
  limit: number;
}

/** The document's node count when it exceeds `limit`, else undefined. An alias counts once, not as what it copies. */
export function overBudget(ast: Document.Parsed, limit = NODE_LIMIT): Complexity | undefined {
  const stack: unknown[] = [ast.contents];
  let nodes = 0;
  while (stack.length > 0) {
    const node = stack.pop();
    if (isPair(node)) {
      stack.push(node.key, node.value);
      continue;
    }
    if (isScalar(node) || isAlias(node)) nodes++;
    if (isMap(node) || isSeq(node)) {
      nodes++;
      for (const item of node.items) stack.push(item);
    }
  }
  return nodes > limit ? { nodes, limit } : undefined;
}
