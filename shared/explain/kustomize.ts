/**
 * Hover lines for what the kustomization building a file adds to the field under the cursor: the labels on the
 * object, its selector and its pod template, the namespace, the name with its prefix and suffix, annotations,
 * replicas and images, each naming the kustomization field it comes from.
 */
import { type KustomizeContext, type ManifestDocument, resolvePod } from '../model';
import { type FieldPath, formatPath } from '../util/range';

function labelList(labels: Record<string, string>, k: KustomizeContext): string | undefined {
  const entries = Object.entries(labels);
  if (entries.length === 0) return undefined;
  const fields = [...new Set(entries.map(([key]) => k.labelFields[key] ?? 'labels'))].join(' and ');
  return `${entries.map(([key, value]) => `\`${key}: ${value}\``).join(', ')} (from ${k.source} ${fields})`;
}

function labelLines(path: string, k: KustomizeContext): string[] {
  const all = { ...k.metadataLabels, ...k.templateLabels, ...k.selectorLabels };
  const template = { ...k.templateLabels, ...k.selectorLabels };
  const line = (where: string, labels: Record<string, string>) => {
    const list = labelList(labels, k);
    return list ? [`kustomize adds to ${where}: ${list}`] : [];
  };
  if (path === 'metadata' || path === 'metadata.labels') return line('the labels', all);
  if (/^spec\.selector(\.matchLabels)?$/.test(path) || path === 'spec') return line('the selector', k.selectorLabels);
  if (/^spec\.template(\.metadata(\.labels)?)?$/.test(path)) return line('the pod template labels', template);
  return [];
}

function objectLines(path: string, doc: ManifestDocument, k: KustomizeContext): string[] {
  const out: string[] = [];
  const meta = path === 'metadata';
  if (k.namespace !== undefined && (meta || path === 'metadata.namespace'))
    out.push(`kustomize sets the namespace to \`${k.namespace}\` (from ${k.source} namespace)`);
  const name = doc.pod?.metadata.name;
  if ((k.namePrefix || k.nameSuffix) && name?.kind === 'value' && (meta || path === 'metadata.name'))
    out.push(
      `kustomize names it \`${k.namePrefix}${name.value}${k.nameSuffix}\` (from ${k.source} namePrefix/nameSuffix)`,
    );
  const annotations = Object.entries(k.annotations);
  if (annotations.length && (meta || path === 'metadata.annotations'))
    out.push(
      `kustomize adds annotations ${annotations.map(([a, v]) => `\`${a}: ${v}\``).join(', ')} (from ${k.source} commonAnnotations)`,
    );
  const replicas = name?.kind === 'value' ? k.replicas.find((r) => r.name === name.value) : undefined;
  if (replicas && path === 'spec.replicas')
    out.push(`kustomize sets replicas to ${replicas.count} (from ${k.source} replicas)`);
  return out;
}

function imageLines(doc: ManifestDocument, path: string, k: KustomizeContext): string[] {
  const pod = doc.pod;
  if (!pod || !path.endsWith('.image')) return [];
  const c = resolvePod(pod).views.find((x) => `${formatPath(x.path)}.image` === path);
  if (c?.imageAsWritten === undefined || c.image.kind !== 'value') return [];
  return [`kustomize replaces \`${c.imageAsWritten}\` with \`${c.image.value}\` (from ${k.source} images)`];
}

/**
 * What the document's kustomization adds at `path`; empty when the file is not built by one.
 * @example kustomizeLines(doc, ['spec', 'selector']) // ['kustomize adds to the selector: `app: web` (from …)']
 */
export function kustomizeLines(doc: ManifestDocument, path: FieldPath): string[] {
  const k = doc.kustomize;
  if (!k) return [];
  const dotted = formatPath(path);
  return [...labelLines(dotted, k), ...objectLines(dotted, doc, k), ...imageLines(doc, dotted, k)];
}
