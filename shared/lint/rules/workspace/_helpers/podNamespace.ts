/** Where the checked object lands: the kustomization's namespace wins over the one written (kustomize's namespace transformer). */
import { fieldValue, type ManifestDocument, readMetadata } from '../../../../model';

export function namespaceOf(doc: ManifestDocument): string | undefined {
  if (doc.kustomize?.namespace !== undefined) return doc.kustomize.namespace;
  const meta = doc.pod?.metadata ?? readMetadata(doc.ctx, doc.ctx.asMap(doc.ast.contents), []);
  return fieldValue(meta.namespace);
}
