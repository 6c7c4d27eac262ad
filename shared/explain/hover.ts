/**
 * The hover layout, the same for every field: a title line with the path and type, the official description
 * trimmed to a few sentences, the API default, the docs link, then "In this manifest" with effective values.
 */
import type { WorkspaceObjects } from '../analysis/workspace/types';
import { rootTypeOf } from '../k8s';
import { CURRENT_API_VERSION, type ManifestDocument } from '../model';
import { type FieldPath, formatPath } from '../util/range';
import { explainPath } from './explainPath';
import { fieldDoc } from './fieldDoc';
import { kustomizeLines } from './kustomize';

/** apiVersion each analysed kind has, for documents whose apiVersion is missing or still being typed. */
export const KIND_VERSIONS: Readonly<Record<string, string>> = CURRENT_API_VERSION;

/** The schema root type of a document, guessing the apiVersion from the kind when it is not usable. */
export function documentRootType(doc: ManifestDocument | undefined): string | undefined {
  const kind = doc?.kind.kind === 'value' ? doc.kind.value : undefined;
  if (!kind) return undefined;
  const version = doc?.apiVersion.kind === 'value' ? doc.apiVersion.value : undefined;
  const fallback = Object.hasOwn(KIND_VERSIONS, kind) ? KIND_VERSIONS[kind] : undefined;
  return (version && rootTypeOf(version, kind)) || (fallback && rootTypeOf(fallback, kind)) || undefined;
}

/**
 * Markdown for the field at `path`, or undefined when neither the schema nor the manifest has anything to say.
 * `notes` (diagnostic explanations) go last. Without `schemaDocs` (another extension already shows the schema's
 * text for this field) only what this manifest makes of the field is left. With the workspace's objects, resources
 * are explained as the namespace's LimitRanges leave them.
 */
export function hoverMarkdown(
  doc: ManifestDocument,
  path: FieldPath,
  notes: readonly string[] = [],
  schemaDocs = true,
  workspace?: WorkspaceObjects,
): string | undefined {
  const root = schemaDocs ? documentRootType(doc) : undefined;
  const docs = root ? fieldDoc(root, path) : undefined;
  const effective = [...explainPath(doc, path, workspace), ...kustomizeLines(doc, path)];
  if (!docs && effective.length === 0 && notes.length === 0) return undefined;
  const head = [docs ? `**\`${docs.path}\`** · \`${docs.type}\`` : `**\`${formatPath(path)}\`**`];
  if (docs?.description) head.push(docs.description);
  const facts = [
    ...(docs?.defaultText ? [`Default when absent: ${docs.defaultText}`] : []),
    ...(docs?.url ? [`[${docs.urlLabel}](${docs.url})`] : []),
  ];
  if (facts.length) head.push(facts.join(' · '));
  const sections = [head.join('\n\n')];
  const heading = doc.partial
    ? '**In this file** (a partial object: the base it patches supplies the rest)'
    : '**In this manifest**';
  if (effective.length) sections.push(`${heading}\n\n${effective.map((l) => `- ${l}`).join('\n')}`);
  sections.push(...notes);
  return sections.join('\n\n---\n\n');
}
