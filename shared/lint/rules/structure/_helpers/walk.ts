/**
 * Walks a document's YAML AST against the generated schema, the way the API server decodes the JSON kubectl sends:
 * unknown keys (strict field validation), values of the wrong type, enum misses, missing required keys and
 * unparsable quantities. The walk runs once per document (cached) and each structure rule reads its own issues.
 * Aliases are followed through `ctx.deref`, and an anchored node is walked once per schema type, so alias bombs
 * stay linear; a node budget bounds the rest.
 */
import { isMap, isScalar, isSeq, type Node, type YAMLMap } from 'yaml';
import { type FieldSchema, type ObjectSchema, objectSchema, shortTypeName } from '../../../../k8s/schema';
import { fieldArrival, missingInTarget } from '../../../../k8s/version/fields';
import { holdsFor, plainTarget, recordReuse, type TargetRange, TargetRecorder } from '../../../../k8s/version/reads';
import { DEFAULT_TARGET, type KubernetesTarget } from '../../../../k8s/version/target';
import type { ManifestDocument } from '../../../../model';
import type { FieldPath, Range } from '../../../../util/range';
import { type JsonScalar, resolveScalar } from '../../../../yaml/scalar';
import { rootTypeFor } from '../../../kinds';
import { suggest } from '../../../suggest';
import { requiredFields } from './required';

export type Got = JsonScalar | { type: 'map' } | { type: 'list' };

export type SchemaIssue =
  | {
      kind: 'unknown-field';
      path: FieldPath;
      key: string;
      keyRange: Range;
      owner: ObjectSchema;
      suggestion?: string;
      /** The minor that added the field, when the field exists in newer Kubernetes than the target. */
      needs?: number;
    }
  | { kind: 'type'; path: FieldPath; range: Range; field: FieldSchema; got: Got; node: Node; goField: string }
  | { kind: 'enum'; path: FieldPath; range: Range; value: string; allowed: readonly string[] }
  | { kind: 'required'; path: FieldPath; anchor: Range; owner: ObjectSchema; field: string; reason?: string }
  | { kind: 'quantity'; path: FieldPath; range: Range; text: string };

const NODE_BUDGET = 200_000;

/**
 * A range computed on first use: nearly every node is valid, and turning offsets into positions for each of them
 * cost more than the rest of the walk.
 */
type LazyRange = () => Range;

function lazy(compute: () => Range): LazyRange {
  let range: Range | undefined;
  return () => {
    range ??= compute();
    return range;
  };
}
/** A walk's issues with the targets they hold for (a document is usually walked for one or two targets). */
interface Walked {
  range: TargetRange;
  issues: SchemaIssue[];
}

const cache = new WeakMap<ManifestDocument, Walked[]>();

/**
 * Schema issues of a document against the target's minor, computed once per range of minors with the same result;
 * empty when its kind has no schema. A field newer than the target is unknown there, as it is to that API
 * server's strict decoder. A recording target learns the range of the walk it gets, reused or not.
 */
export function schemaIssues(doc: ManifestDocument, target: KubernetesTarget = DEFAULT_TARGET): SchemaIssue[] {
  let walks = cache.get(doc);
  if (!walks) {
    walks = [];
    cache.set(doc, walks);
  }
  const plain = plainTarget(target);
  let walked = walks.find((w) => holdsFor(w.range, plain));
  if (!walked) {
    const recorder = new TargetRecorder(plain);
    walked = { issues: walkDocument(doc, recorder), range: recorder.range() };
    walks.push(walked);
  }
  recordReuse(target, walked.range);
  return walked.issues;
}

function walkDocument(doc: ManifestDocument, target: KubernetesTarget): SchemaIssue[] {
  const rootType = rootTypeFor(doc);
  const root = doc.ctx.asMap(doc.ast.contents);
  if (!rootType || !root) return [];
  const walker = new Walker(doc, target);
  const schema = objectSchema(rootType);
  if (schema) walker.object(root, schema, [], () => doc.range, []);
  return walker.issues;
}

class Walker {
  readonly issues: SchemaIssue[] = [];
  private budget = NODE_BUDGET;
  /** Anchored nodes already walked, per schema type they were walked as. */
  private readonly seen = new Map<Node, Set<string>>();
  /** Key nodes already walked: a merged pair (`<<: *base`) shares its nodes with the anchor and is reported there. */
  private readonly walkedKeys = new Set<Node>();

  constructor(
    private readonly doc: ManifestDocument,
    private readonly target: KubernetesTarget,
  ) {}

  /** The type's fields the target's minor has. */
  private known(schema: ObjectSchema, key: string): boolean {
    return Object.hasOwn(schema.properties, key) && !missingInTarget(schema.name, key, this.target);
  }

  /**
   * Why a key the target does not know is there: a field of a newer minor (`needs`, no guess offered then), or else
   * the unset field of the target it most likely misspells.
   */
  private unknownKeyHint(
    schema: ObjectSchema,
    key: string,
    present: ReadonlySet<string>,
  ): { needs?: number; suggestion?: string } {
    const needs = fieldArrival(schema.name, key)?.since;
    if (needs !== undefined && Object.hasOwn(schema.properties, key)) return { needs };
    const candidates = Object.keys(schema.properties).filter((k) => !present.has(k) && this.known(schema, k));
    return { suggestion: suggest(key, candidates) };
  }

  /** The node's range without the trailing line break a block collection's range includes. */
  private range(node: Node | null | undefined, fallback: LazyRange): LazyRange {
    return lazy(() => tightRange(this.doc, node) ?? fallback());
  }

  /** True when an alias points at a node already walked as this type: its issues are reported at the anchor. */
  private walkedBefore(raw: unknown, node: Node, as: string): boolean {
    if (raw === node) return false;
    let types = this.seen.get(node);
    if (!types) {
      types = new Set();
      this.seen.set(node, types);
    }
    if (types.has(as)) return true;
    types.add(as);
    return false;
  }

  /**
   * `decode` is the path as Go's JSON decoder names it in its errors: struct fields only, no list indices or map
   * keys (`spec.containers.ports.containerPort`).
   */
  object(map: YAMLMap, schema: ObjectSchema, path: FieldPath, anchor: LazyRange, decode: readonly string[]): void {
    // Merge keys (`<<: *base`) are already expanded in the AST (../../../yaml/merge).
    const present = new Set<string>();
    for (const pair of map.items) {
      const key = this.doc.ctx.keyText(pair);
      if (key !== undefined) present.add(key);
    }
    const misspelled = new Set<string>();
    for (const pair of map.items) {
      const key = this.doc.ctx.keyText(pair);
      const keyNode = pair.key as Node;
      if (key === undefined || this.walkedKeys.has(keyNode)) continue;
      this.walkedKeys.add(keyNode);
      // Strategic-merge-patch directives ($patch, $setElementOrder/...) are legal in kustomize patches.
      if (key.startsWith('$') && this.doc.partial) continue;
      const field = this.known(schema, key) ? schema.properties[key] : undefined;
      const keyRange = this.range(keyNode, anchor);
      if (!field) {
        const hint = this.unknownKeyHint(schema, key, present);
        if (hint.suggestion) misspelled.add(hint.suggestion);
        this.issues.push({
          kind: 'unknown-field',
          path: [...path, key],
          key,
          keyRange: keyRange(),
          owner: schema,
          ...hint,
        });
        continue;
      }
      this.value(pair.value, field, [...path, key], keyRange, [...decode, key], schema);
    }
    if (path[0] === 'status') return;
    for (const req of requiredFields(schema, map, this.doc.ctx, present)) {
      // `containerport: 80` is reported once, as a misspelling of the missing `containerPort`.
      if (misspelled.has(req.field)) continue;
      this.issues.push({ kind: 'required', path: [...path, req.field], anchor: anchor(), owner: schema, ...req });
    }
  }

  private value(
    raw: unknown,
    field: FieldSchema,
    path: FieldPath,
    keyRange: LazyRange,
    decode: readonly string[],
    owner: ObjectSchema,
  ): void {
    if (--this.budget < 0) return;
    const node = this.doc.ctx.deref(raw);
    if (!node) return;
    if (this.walkedBefore(raw, node, field.type ?? field.kind)) return;
    const range = this.range(node, keyRange);
    if (isScalar(node)) {
      const s = resolveScalar(node);
      // JSON null decodes to the zero value of any field: the API server treats it as unset.
      if (s.type === 'null') return;
      if (s.type === 'string' && s.value.includes('{{')) return;
      this.scalar(s, field, path, range, () => goField(owner, decode), node);
      return;
    }
    if (isMap(node) && field.kind === 'object') {
      const schema = objectSchema(field.type as string);
      if (schema) this.object(node, schema, path, keyRange, decode);
    } else if (isMap(node) && field.kind === 'map') {
      for (const pair of node.items) {
        const key = this.doc.ctx.keyText(pair);
        const values = field.values;
        if (key === undefined || !values) continue;
        this.value(pair.value, values, [...path, key], this.range(pair.key as Node, range), decode, owner);
      }
    } else if (isSeq(node) && field.kind === 'array') {
      const items = field.items;
      node.items.forEach((item, i) => {
        if (!items) return;
        const itemNode = this.doc.ctx.deref(item);
        const itemRange = this.range(item as Node, range);
        if (isMap(itemNode) && items.kind === 'object') {
          const schema = objectSchema(items.type as string);
          const first = itemNode.items[0]?.key as Node | undefined;
          if (schema && !this.walkedBefore(item, itemNode, items.type as string)) {
            this.object(itemNode, schema, [...path, i], this.range(first, itemRange), decode);
          }
        } else {
          this.value(item, items, [...path, i], itemRange, decode, owner);
        }
      });
    } else if ((isMap(node) || isSeq(node)) && field.kind !== 'any') {
      this.issues.push({
        kind: 'type',
        path,
        range: range(),
        field,
        got: { type: isMap(node) ? 'map' : 'list' },
        node,
        goField: goField(owner, decode),
      });
    }
  }

  private scalar(s: JsonScalar, field: FieldSchema, path: FieldPath, range: LazyRange, go: () => string, node: Node) {
    const wrong = () => this.issues.push({ kind: 'type', path, range: range(), field, got: s, node, goField: go() });
    switch (field.kind) {
      case 'string':
      case 'time':
        if (s.type !== 'string') return wrong();
        if (
          field.enum &&
          s.value !== '' &&
          !field.enum.includes(s.value) &&
          !isIdentity(path) &&
          path[0] !== 'status'
        ) {
          this.issues.push({ kind: 'enum', path, range: range(), value: s.value, allowed: field.enum });
        }
        return;
      case 'integer':
        if (s.type !== 'int' && !(s.type === 'float' && Number.isInteger(s.value))) return wrong();
        if (field.format === 'int32' && (s.value > 2147483647 || s.value < -2147483648)) return wrong();
        return;
      case 'number':
        return s.type === 'int' || s.type === 'float' ? undefined : wrong();
      case 'boolean':
        return s.type === 'bool' ? undefined : wrong();
      case 'int-or-string':
        return s.type === 'int' || s.type === 'string' ? undefined : wrong();
      case 'quantity':
        if (s.type === 'string') this.issues.push({ kind: 'quantity', path, range: range(), text: s.value });
        else if (s.type === 'int' || s.type === 'float')
          this.issues.push({ kind: 'quantity', path, range: range(), text: String(s.value) });
        else wrong();
        return;
      case 'any':
        return;
      default:
        return wrong();
    }
  }
}

function tightRange(doc: ManifestDocument, node: Node | null | undefined): Range | undefined {
  const r = node?.range;
  if (!r) return undefined;
  const text = doc.ctx.lines.text;
  let end = r[1];
  while (end > r[0] && /\s/.test(text[end - 1] as string)) end--;
  return { start: doc.ctx.lines.positionAt(r[0]), end: doc.ctx.lines.positionAt(end) };
}

/** How Go's JSON decoder names a struct field in an error: `ContainerPort.spec.containers.ports.containerPort`. */
function goField(owner: ObjectSchema, decode: readonly string[]): string {
  return [shortTypeName(owner.name), ...decode].join('.');
}

/**
 * Enums the walker does not judge: `apiVersion`/`kind` at the root (one-value enums; the api-version rule judges
 * them) and `stopSignal`, an alpha field (ContainerStopSignals) a v1.34 API server drops before validating it.
 */
function isIdentity(path: FieldPath): boolean {
  return (path.length === 1 && (path[0] === 'apiVersion' || path[0] === 'kind')) || path.at(-1) === 'stopSignal';
}
