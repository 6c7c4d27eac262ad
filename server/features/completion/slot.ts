/**
 * Turns the cursor's location into what completion needs: either a key slot (the map being filled, its schema
 * type, the keys already there) or a value slot (the field whose value is being typed).
 */
import { documentRootType } from '../../../shared/explain';
import { type FieldSchema, objectSchema, schemaAt } from '../../../shared/k8s';
import type { Location, ManifestDocument } from '../../../shared/model';
import type { FieldPath, Range } from '../../../shared/util/range';

export interface KeySlot {
  kind: 'key';
  doc: ManifestDocument | undefined;
  rootType: string | undefined;
  /** Path of the map whose key is being typed. */
  owner: FieldPath;
  /** The owner's schema; undefined at the root of a document with no known kind, or off-schema. */
  field: FieldSchema | undefined;
  range: Range;
  indent: number;
  siblings: readonly string[];
  /** The cursor sits on an existing `key:`; a completion replaces the name only. */
  existing: boolean;
  /** Insert `- ` first: the line is a list item still missing its dash. */
  needsDash: boolean;
  /** The map is a list item that has no keys yet (a fresh `- `). */
  freshItem: boolean;
}

export interface ValueSlot {
  kind: 'value';
  doc: ManifestDocument | undefined;
  rootType: string | undefined;
  path: FieldPath;
  field: FieldSchema | undefined;
  range: Range;
  /** The value starts right after the colon: an inserted value needs a space first. */
  needsSpace: boolean;
}

export type Slot = KeySlot | ValueSlot;

const STRUCTURED = new Set(['object', 'map', 'array']);

/** The slot at a location; `charBefore` is the character before the token (to spot `key:|`). */
export function slotOf(doc: ManifestDocument | undefined, loc: Location, charBefore: string): Slot {
  const rootType = documentRootType(doc);
  const fieldAt = (path: FieldPath) => (rootType ? schemaAt(rootType, path).field : undefined);
  if (loc.on === 'value') {
    const field = fieldAt(loc.path);
    // A bare word below `key:` or after `- ` is the first key of a map being typed when the schema wants one.
    if (!loc.bareWord || !field || !STRUCTURED.has(field.kind)) {
      return { kind: 'value', doc, rootType, path: loc.path, field, range: loc.range, needsSpace: charBefore === ':' };
    }
    // Below a list key with no dash yet: the word starts the list's first item.
    const list = field.kind === 'array';
    const owner = list ? [...loc.path, 0] : loc.path;
    return keySlot(doc, rootType, owner, fieldAt(owner), loc, { freshItem: true, needsDash: list });
  }
  const owner = loc.path.slice(0, -1);
  const freshItem = loc.item !== undefined || (typeof owner.at(-1) === 'number' && loc.siblings.length === 0);
  return keySlot(doc, rootType, owner, fieldAt(owner), loc, { freshItem, needsDash: loc.item === 'needsDash' });
}

function keySlot(
  doc: ManifestDocument | undefined,
  rootType: string | undefined,
  owner: FieldPath,
  field: FieldSchema | undefined,
  loc: Location,
  flags: { freshItem: boolean; needsDash: boolean },
): KeySlot {
  return {
    kind: 'key',
    doc,
    rootType,
    owner,
    field,
    range: loc.range,
    indent: loc.indent,
    siblings: loc.siblings,
    existing: loc.on === 'key' && loc.existing,
    ...flags,
  };
}

/** The short type name of an object slot (`Container`, `Probe`), for picking snippets. */
export function slotType(slot: KeySlot): string | undefined {
  if (slot.field?.kind !== 'object' || !slot.field.type) return undefined;
  return objectSchema(slot.field.type) ? slot.field.type.slice(slot.field.type.lastIndexOf('.') + 1) : undefined;
}
