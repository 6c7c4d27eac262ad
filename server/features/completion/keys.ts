/**
 * Key completions: the properties the schema allows in the map at the cursor, minus the keys already there,
 * each with its docs and an insert text shaped by the value kind (`key: `, `key:` + an indented line, `- `).
 * Free-form maps get known keys instead: recommended labels, resource names, node labels, template labels.
 */
import {
  type CompletionItem,
  CompletionItemKind,
  InsertTextFormat,
  InsertTextMode,
  MarkupKind,
} from 'vscode-languageserver';
import { fieldDefault, KNOWN_ANNOTATIONS, KNOWN_LABELS, type KnownKey, trimDescription } from '../../../shared/explain';
import { type FieldSchema, objectSchema, shortTypeName, typeLabel } from '../../../shared/k8s';
import { missingInTarget, versionNote } from '../../../shared/k8s/version/fields';
import { DEFAULT_TARGET, type KubernetesTarget } from '../../../shared/k8s/version/target';
import type { KeySlot } from './slot';

/** Keys users reach for first in each object; everything else sorts alphabetically after them. */
const FIRST = new Set(['apiVersion', 'kind', 'metadata', 'spec', 'name', 'image', 'containers', 'template']);
/** Written by the cluster, never in a manifest. */
const READ_ONLY = new Set(['status']);
const RESOURCE_NAMES = ['cpu', 'memory', 'ephemeral-storage'];
const NODE_LABELS = ['kubernetes.io/os', 'kubernetes.io/arch', 'kubernetes.io/hostname', 'topology.kubernetes.io/zone'];

const docsCache = new WeakMap<FieldSchema, string>();

function docsOf(typeName: string, key: string, field: FieldSchema, target: KubernetesTarget): string {
  const note = versionNote(typeName, key, target);
  let text = note ? undefined : docsCache.get(field);
  if (text === undefined) {
    const owner = shortTypeName(typeName);
    const parts = [`\`${typeLabel(field)}\`${note ? ` · ${note}` : ''}`];
    if (field.description) parts.push(trimDescription(field.description));
    const def = fieldDefault(owner, key);
    if (def) parts.push(`Default when absent: ${def}`);
    text = parts.join('\n\n');
    if (!note) docsCache.set(field, text);
  }
  return text;
}

/** The text a key completion inserts: shaped by the value kind, indented absolutely (insertTextMode asIs). */
export function keyInsertText(slot: KeySlot, key: string, field: FieldSchema | undefined): string {
  if (slot.existing) return key;
  const dash = slot.needsDash ? '- ' : '';
  const child = ' '.repeat(slot.indent + (slot.needsDash ? 2 : 0) + 2);
  switch (field?.kind) {
    case 'object':
    case 'map':
      return `${dash}${key}:\n${child}$0`;
    case 'array':
      return `${dash}${key}:\n${child}- $0`;
    case 'boolean':
      return `${dash}${key}: \${1|true,false|}`;
  }
  if (field?.enum?.length) return `${dash}${key}: \${1|${field.enum.join(',')}|}`;
  return `${dash}${key}: $0`;
}

function item(slot: KeySlot, key: string, field: FieldSchema | undefined, docs: string, sort: string): CompletionItem {
  return {
    label: key,
    kind: CompletionItemKind.Property,
    detail: field ? typeLabel(field) : undefined,
    documentation: { kind: MarkupKind.Markdown, value: docs },
    sortText: `${sort}${key}`,
    filterText: key,
    textEdit: { range: slot.range, newText: keyInsertText(slot, key, field) },
    insertTextFormat: InsertTextFormat.Snippet,
    insertTextMode: InsertTextMode.asIs,
  };
}

/** The type's keys the target accepts: a field newer than the target's version is not offered. */
function objectKeys(slot: KeySlot, typeName: string, target: KubernetesTarget): CompletionItem[] {
  const schema = objectSchema(typeName);
  if (!schema) return [];
  const out: CompletionItem[] = [];
  for (const [key, field] of Object.entries(schema.properties)) {
    if (READ_ONLY.has(key) || slot.siblings.includes(key) || missingInTarget(typeName, key, target)) continue;
    const sort = schema.required.includes(key) || FIRST.has(key) ? '0' : '1';
    out.push(item(slot, key, field, docsOf(typeName, key, field, target), sort));
  }
  return out;
}

function knownKeys(slot: KeySlot, keys: readonly KnownKey[], value: FieldSchema | undefined): CompletionItem[] {
  return keys
    .filter((k) => !k.key.endsWith('/') && !k.managed && !k.deprecated && !slot.siblings.includes(k.key))
    .map((k) => {
      const docs = [
        k.meaning,
        k.example ? `Example: \`${k.example}\`` : '',
        k.convention ? `Convention of ${k.convention}.` : '',
      ]
        .filter(Boolean)
        .join('\n\n');
      return item(slot, k.key, value, docs, k.key.startsWith('app.kubernetes.io/') ? '0' : '1');
    });
}

function namedKeys(
  slot: KeySlot,
  keys: readonly string[],
  value: FieldSchema | undefined,
  docs: string,
): CompletionItem[] {
  return keys.filter((k) => !slot.siblings.includes(k)).map((k) => item(slot, k, value, docs, '0'));
}

/** A selector's matchLabels: the pod template's labels, key and value, since the selector must match them. */
function templateLabels(slot: KeySlot): CompletionItem[] {
  const labels = slot.doc?.pod && slot.doc.workload !== 'Pod' ? slot.doc.pod.podMetadata.labels : new Map();
  const out: CompletionItem[] = [];
  for (const [key, { value }] of labels) {
    if (value.kind !== 'value' || slot.siblings.includes(key)) continue;
    const text = `${slot.needsDash ? '- ' : ''}${key}: ${JSON.stringify(value.value)}`;
    out.push({
      label: `${key}: ${value.value}`,
      kind: CompletionItemKind.Value,
      detail: 'pod template label',
      sortText: `0${key}`,
      filterText: key,
      textEdit: { range: slot.range, newText: slot.existing ? key : text },
    });
  }
  return out;
}

/** Keys of a free-form map, chosen by the map's name. */
function mapKeys(slot: KeySlot, field: FieldSchema): CompletionItem[] {
  const name = slot.owner.at(-1);
  const value = field.values;
  switch (name) {
    case 'labels':
      return knownKeys(slot, KNOWN_LABELS, value);
    case 'matchLabels':
      return templateLabels(slot);
    case 'annotations':
      return knownKeys(slot, KNOWN_ANNOTATIONS, value);
    case 'requests':
    case 'limits':
      return namedKeys(
        slot,
        RESOURCE_NAMES,
        value,
        'A compute resource: `cpu` in cores, `memory` and `ephemeral-storage` in bytes.',
      );
    case 'nodeSelector':
      return namedKeys(slot, NODE_LABELS, value, 'A node label set by the kubelet or the cloud provider.');
    default:
      return [];
  }
}

const ROOT_KEYS = ['apiVersion', 'kind', 'metadata', 'spec'];
const ROOT_FIELDS: Readonly<Record<string, FieldSchema>> = {
  apiVersion: { kind: 'string', description: 'The API group and version of the object, e.g. `v1` or `apps/v1`.' },
  kind: { kind: 'string', description: 'The type of object: Pod, Deployment, Job, CronJob, ...' },
  metadata: { kind: 'object', description: 'Name, namespace, labels and annotations.' },
  spec: { kind: 'object', description: 'The desired state of the object.' },
};

/** Every key completion for a key slot. */
export function keyItems(slot: KeySlot, target: KubernetesTarget = DEFAULT_TARGET): CompletionItem[] {
  const field = slot.field;
  if (!field) {
    const root = slot.owner.length === 0 && slot.siblings.every((k) => ROOT_KEYS.includes(k));
    if (!root) return [];
    return ROOT_KEYS.filter((k) => !slot.siblings.includes(k)).map((k) => {
      const f = ROOT_FIELDS[k] as FieldSchema;
      return item(slot, k, f, f.description ?? '', '0');
    });
  }
  if (field.kind === 'object' && field.type) return objectKeys(slot, field.type, target);
  if (field.kind === 'map') return mapKeys(slot, field);
  return [];
}
