/** Small, alias-aware accessors over the `yaml` AST with ranges in file positions. */
import {
  type Alias,
  type Document,
  isAlias,
  isMap,
  isScalar,
  isSeq,
  type Node,
  type Pair,
  visit,
  type YAMLMap,
  type YAMLSeq,
} from 'yaml';
import type { Range } from '../util/range';
import type { LineIndex } from '../yaml/lineIndex';

/** How many alias hops one lookup may follow; anchors can point at aliases, bombs must stay cheap. */
const MAX_ALIAS_HOPS = 8;

export class DocContext {
  /** The node each alias refers to, found in one pass on first use (see `target`). */
  private targets: Map<Alias, Node | undefined> | undefined;

  constructor(
    readonly doc: Document.Parsed,
    readonly lines: LineIndex,
  ) {}

  /** Tight range of a node: from its first character to the end of its value (comments excluded). */
  range(node: Node | null | undefined): Range | undefined {
    const r = node?.range;
    if (!r) return undefined;
    return { start: this.lines.positionAt(r[0]), end: this.lines.positionAt(r[1]) };
  }

  /** Follows aliases to the anchored node; undefined for a dangling alias. */
  deref(node: unknown): Node | undefined {
    let cur = node;
    for (let hops = 0; isAlias(cur); hops++) {
      if (hops >= MAX_ALIAS_HOPS) return undefined;
      cur = this.target(cur);
    }
    return (cur ?? undefined) as Node | undefined;
  }

  /**
   * The last node anchored with the alias' name before it in document order, as `Alias.resolve` defines it.
   * `Alias.resolve` walks the whole document on every call, which makes a file of thousands of aliases quadratic.
   */
  private target(alias: Alias): Node | undefined {
    if (!this.targets) {
      const targets = new Map<Alias, Node | undefined>();
      const anchors = new Map<string, Node>();
      visit(this.doc, {
        Node(_, node) {
          if (isAlias(node)) targets.set(node, anchors.get(node.source));
          else if (node.anchor) anchors.set(node.anchor, node);
        },
      });
      this.targets = targets;
    }
    return this.targets.get(alias);
  }

  asMap(node: unknown): YAMLMap | undefined {
    const n = this.deref(node);
    return isMap(n) ? n : undefined;
  }

  asSeq(node: unknown): YAMLSeq | undefined {
    const n = this.deref(node);
    return isSeq(n) ? n : undefined;
  }

  /**
   * The pair for `key` in a map. With duplicate keys the last one wins, as in what `kubectl apply` sends
   * (its YAML-to-JSON conversion keeps the last value); the duplicate itself is a lint finding.
   */
  pair(map: YAMLMap | undefined, key: string): Pair<Node, Node | null> | undefined {
    if (!map) return undefined;
    for (let i = map.items.length - 1; i >= 0; i--) {
      const item = map.items[i] as Pair<Node, Node | null>;
      const k = this.deref(item.key);
      if (isScalar(k) && String(k.value) === key) return item;
    }
    return undefined;
  }

  /** The (dereferenced) value node for `key`, or undefined. */
  get(map: YAMLMap | undefined, key: string): Node | undefined {
    const p = this.pair(map, key);
    return p ? (this.deref(p.value) ?? undefined) : undefined;
  }

  keyText(pair: Pair): string | undefined {
    const k = this.deref(pair.key);
    return isScalar(k) ? String(k.value) : undefined;
  }
}

export { isAlias, isMap, isScalar, isSeq };
