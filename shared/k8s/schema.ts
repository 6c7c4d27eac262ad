/**
 * Typed queries over the generated Kubernetes schema (./schema/k8s-schema.json, see scripts/gen/gen-schema.mjs):
 * every object type reachable from the pod-carrying kinds. Lookups are cached per type, so hover and completion
 * can call them on every keystroke.
 */
import type { FieldPath } from '../util/range';
import data from './schema/k8s-schema.json';

export type LeafKind = 'string' | 'integer' | 'number' | 'boolean' | 'quantity' | 'int-or-string' | 'time' | 'any';
export type FieldKind = LeafKind | 'object' | 'array' | 'map';

export interface FieldSchema {
  readonly kind: FieldKind;
  /** Object type name for `object`; the element/value type name for `array`/`map`; the named type of a leaf. */
  readonly type?: string;
  readonly items?: FieldSchema;
  readonly values?: FieldSchema;
  readonly enum?: readonly string[];
  /** Width of an `integer`. */
  readonly format?: 'int32' | 'int64';
  readonly description?: string;
  /** Merge semantics of a list (upstream `+listType`); absent when upstream declares none. */
  readonly listType?: 'map' | 'set' | 'atomic';
  readonly listMapKeys?: readonly string[];
  /** Merge semantics of a map (upstream `+mapType`); absent means the default, `granular`. */
  readonly mapType?: 'granular' | 'atomic';
}

export interface ObjectSchema {
  readonly name: string;
  readonly description?: string;
  /** Null-prototype record: `properties.constructor` is undefined, not Object's. */
  readonly properties: Readonly<Record<string, FieldSchema>>;
  readonly required: readonly string[];
}

/** Where a path ends in the schema; see {@link schemaAt}. */
export interface SchemaLocation {
  /** The field at the end of the path; undefined when the walk stopped early. */
  readonly field: FieldSchema | undefined;
  /** The nearest object whose property the path went through; on an unknown property, the object searched. */
  readonly owner: ObjectSchema | undefined;
  /** The owner's property the path went through (a list item or map value reports its list's or map's property). */
  readonly property: string | undefined;
  /** The last segment walked: the one that failed when `field` is undefined. */
  readonly key: string | number | undefined;
  /** How many segments resolved: `path.length` on success, else the index of the failing segment. */
  readonly depth: number;
}

interface RawField {
  k: FieldKind;
  t?: string;
  i?: RawField;
  v?: RawField;
  e?: string[];
  f?: 'int32' | 'int64';
  d?: string;
  lt?: 'map' | 'set' | 'atomic';
  lk?: string[];
  mt?: 'granular' | 'atomic';
}

interface RawSchema {
  generator: string;
  package: string;
  kubernetes?: string;
  kinds: Record<string, Record<string, string>>;
  types: Record<string, { d?: string; p: Record<string, RawField>; r: string[] }>;
}

const raw = data as RawSchema;
const objects = new Map<string, ObjectSchema | undefined>();
const rootFields = new Map<string, FieldSchema>();
const labels = new WeakMap<FieldSchema, string>();
const ANY: FieldSchema = { kind: 'any' };
const SOURCE = Object.freeze({ package: raw.package, kubernetes: raw.kubernetes, generator: raw.generator });

function toField(f: RawField): FieldSchema {
  const items = f.i && toField(f.i);
  const values = f.v && toField(f.v);
  const type = f.t ?? items?.type ?? values?.type;
  return {
    kind: f.k,
    ...(type !== undefined && { type }),
    ...(items && { items }),
    ...(values && { values }),
    ...(f.e && { enum: f.e }),
    ...(f.f && { format: f.f }),
    ...(f.d !== undefined && { description: f.d }),
    ...(f.lt && { listType: f.lt }),
    ...(f.lk && { listMapKeys: f.lk }),
    ...(f.mt && { mapType: f.mt }),
  };
}

/**
 * The upstream type of a manifest's apiVersion/kind, for the kinds podlens analyses; undefined for any other kind
 * or version (extensions/v1beta1 DaemonSet, for one, is removed upstream).
 * @example
 *   rootTypeOf('apps/v1', 'Deployment') // 'io.k8s.api.apps.v1.Deployment'
 */
export function rootTypeOf(apiVersion: string, kind: string): string | undefined {
  const byKind = Object.hasOwn(raw.kinds, apiVersion) ? raw.kinds[apiVersion] : undefined;
  return byKind && Object.hasOwn(byKind, kind) ? byKind[kind] : undefined;
}

/**
 * An object type by upstream name, or undefined if the schema does not hold it.
 * @example
 *   objectSchema('io.k8s.api.core.v1.Container')?.properties.image?.description
 */
export function objectSchema(typeName: string): ObjectSchema | undefined {
  if (objects.has(typeName)) return objects.get(typeName);
  const t = Object.hasOwn(raw.types, typeName) ? raw.types[typeName] : undefined;
  let schema: ObjectSchema | undefined;
  if (t) {
    const properties: Record<string, FieldSchema> = Object.create(null);
    for (const [key, f] of Object.entries(t.p)) properties[key] = toField(f);
    schema = { name: typeName, ...(t.d !== undefined && { description: t.d }), properties, required: t.r };
  }
  objects.set(typeName, schema);
  return schema;
}

function rootField(typeName: string): FieldSchema | undefined {
  let field = rootFields.get(typeName);
  if (!field && objectSchema(typeName)) {
    field = { kind: 'object', type: typeName };
    rootFields.set(typeName, field);
  }
  return field;
}

/**
 * Walks a FieldPath (strings = property or map key, numbers = list index) from a root type; returns the field at
 * the end and the object that holds it. Below an `any` field every path resolves to `any`.
 * @example
 *   const at = schemaAt('io.k8s.api.core.v1.Pod', ['spec', 'containers', 0, 'image']);
 *   at.field?.kind // 'string'; at.owner?.name === 'io.k8s.api.core.v1.Container'
 */
export function schemaAt(rootType: string, path: FieldPath): SchemaLocation {
  let field = rootField(rootType);
  let owner: ObjectSchema | undefined;
  let property: string | undefined;
  let key: string | number | undefined;
  for (let depth = 0; depth < path.length; depth++) {
    const seg = path[depth] as string | number;
    let next: FieldSchema | undefined;
    let searched: ObjectSchema | undefined;
    switch (field?.kind) {
      case 'object':
        searched = objectSchema(field.type as string);
        next = typeof seg === 'string' ? searched?.properties[seg] : undefined;
        if (next) {
          owner = searched;
          property = seg as string;
        }
        break;
      case 'array':
        next = typeof seg === 'number' ? field.items : undefined;
        break;
      case 'map':
        next = field.values;
        break;
      case 'any':
        next = ANY;
        break;
    }
    if (!next) return { field: undefined, owner: searched, property: undefined, key: seg, depth };
    field = next;
    key = seg;
  }
  return { field, owner, property, key, depth: path.length };
}

/**
 * Where the schema data comes from.
 * @example
 *   schemaSource()
 *   // { package: 'kubernetes-models@5.1.0', kubernetes: '1.36', generator: 'scripts/gen/gen-schema.mjs' }
 */
export function schemaSource(): { package: string; kubernetes?: string; generator: string } {
  return SOURCE;
}

/**
 * The last segment of an upstream type name.
 * @example
 *   shortTypeName('io.k8s.api.core.v1.Container') // 'Container'
 */
export function shortTypeName(typeName: string): string {
  return typeName.slice(typeName.lastIndexOf('.') + 1);
}

function elementLabel(field: FieldSchema | undefined): string {
  if (!field) return 'any';
  return field.kind === 'integer' && field.format ? field.format : typeLabel(field);
}

function computeLabel(field: FieldSchema): string {
  switch (field.kind) {
    case 'array':
      return `[]${elementLabel(field.items)}`;
    case 'map':
      return `map[string]${elementLabel(field.values)}`;
    case 'integer':
      return field.format ? `integer (${field.format})` : 'integer';
    case 'string':
    case 'number':
    case 'boolean':
      return field.kind;
    default:
      return field.type ? shortTypeName(field.type) : field.kind;
  }
}

/**
 * The type of a field as hovers show it: `string`, `integer (int32)`, `[]ContainerPort`, `map[string]string`,
 * `Quantity`, `IntOrString`, `Time`, `Probe`.
 * @example
 *   typeLabel(schemaAt('io.k8s.api.core.v1.Pod', ['spec', 'containers']).field!) // '[]Container'
 */
export function typeLabel(field: FieldSchema): string {
  let label = labels.get(field);
  if (label === undefined) {
    label = computeLabel(field);
    labels.set(field, label);
  }
  return label;
}
