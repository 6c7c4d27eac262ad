/** Where the checked object lands: the kustomization's namespace wins over the one written (kustomize's namespace transformer). */
import { fieldValue, type ManifestDocument, readMetadata } from '../../../model';

export function namespaceOf(doc: ManifestDocument): string | undefined {
  if (doc.kustomize?.namespace !== undefined) return doc.kustomize.namespace;
  const meta = doc.pod?.metadata ?? readMetadata(doc.ctx, doc.ctx.asMap(doc.ast.contents), []);
  return fieldValue(meta.namespace);
}

/** Where an object is defined, for messages: its file's last path segments and line. */
export function whereDefined(location: { uri: string; nameRange?: { start: { line: number } } }): string {
  const file = decodeURIComponent(location.uri.split('/').slice(-2).join('/'));
  return location.nameRange ? `${file} line ${location.nameRange.start.line + 1}` : file;
}
