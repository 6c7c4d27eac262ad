/**
 * The schema half of a hover: a field's path, type, official description (trimmed) and default, and the
 * kubernetes.io page of the type that owns it. Descriptions come from the generated schema, never typed here.
 */
import { docsUrl, type FieldSchema, schemaAt, shortTypeName, typeLabel } from '../k8s';
import { versionNote } from '../k8s/version/fields';
import { DEFAULT_TARGET } from '../k8s/version/target';
import { type FieldPath, formatPath } from '../util/range';
import { fieldDefault } from './fieldDefaults';

export interface FieldDoc {
  /** `spec.containers[0].image` */
  path: string;
  field: FieldSchema;
  /** `string`, `[]Container`, `Quantity`, ... */
  type: string;
  /** Short name of the object type that declares the field (`Container`). */
  owner?: string;
  property?: string;
  description?: string;
  /** Markdown. */
  defaultText?: string;
  url?: string;
  urlLabel?: string;
  /** When the field arrived and its stage in the target version: `since v1.33, alpha (ContainerStopSignals)`. */
  version?: string;
}

const MAX_SENTENCES = 3;
const MAX_CHARS = 420;

/**
 * The first few sentences of an upstream description, without "More info" links and the generated enum list.
 * @example trimDescription('Name of the container. More info: https://x. Cannot be updated.') // 'Name of the container. Cannot be updated.'
 */
export function trimDescription(description: string): string {
  const body = (description.split(/\n\s*Possible enum values:/)[0] ?? '')
    .replace(/More info:\s*\S+/gi, '')
    .replace(/\s+/g, ' ')
    .trim();
  const sentences = body.split(/(?<=[.!?])\s+(?=[A-Z"`(])/).filter((s) => s !== '.');
  let out = '';
  let used = 0;
  for (const s of sentences) {
    if (used === MAX_SENTENCES || (out && out.length + s.length > MAX_CHARS)) return `${out} …`;
    out = out ? `${out} ${s}` : s;
    used++;
  }
  return out.length > MAX_CHARS ? `${out.slice(0, MAX_CHARS).trimEnd()}…` : out;
}

/**
 * Per-value docs from the generated "Possible enum values" list of a description.
 * @example enumDocs(dnsPolicyDescription).get('None') // 'indicates that the pod should use empty DNS settings. …'
 */
export function enumDocs(description: string | undefined): Map<string, string> {
  const out = new Map<string, string>();
  const list = description?.split(/\n\s*Possible enum values:/)[1];
  if (!list) return out;
  for (const m of list.matchAll(/^\s*- `"([^"]*)"`\s*(.*)$/gm)) out.set(m[1] as string, (m[2] ?? '').trim());
  return out;
}

/**
 * Schema facts about the field at `path` of a document whose root type is `rootType`, with its version note for
 * the target; undefined off-schema.
 */
export function fieldDoc(rootType: string, path: FieldPath, target = DEFAULT_TARGET): FieldDoc | undefined {
  const at = schemaAt(rootType, path);
  if (!at.field || path.length === 0) return undefined;
  const ownerField = at.owner && at.property ? at.owner.properties[at.property] : undefined;
  const owner = at.owner ? shortTypeName(at.owner.name) : undefined;
  const description = at.field.description ?? ownerField?.description;
  const own = at.property === path.at(-1);
  const defaultText = owner && at.property && own ? fieldDefault(owner, at.property) : undefined;
  const url = at.owner ? docsUrl(at.owner.name) : undefined;
  const version = at.owner && at.property && own ? versionNote(at.owner.name, at.property, target) : undefined;
  return {
    path: formatPath(path),
    field: at.field,
    type: typeLabel(at.field),
    ...(owner && { owner }),
    ...(at.property && { property: at.property }),
    ...(description && { description: trimDescription(description) }),
    ...(defaultText && { defaultText }),
    ...(url && owner && { url, urlLabel: `Kubernetes API reference: ${owner}` }),
    ...(version && { version }),
  };
}
