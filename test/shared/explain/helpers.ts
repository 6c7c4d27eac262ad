// Builds a one-document manifest for explanation tests and explains a path in it.
import { explainPath } from '../../../shared/explain';
import { type ManifestDocument, parseManifests } from '../../../shared/model';

export function docOf(text: string): ManifestDocument {
  const doc = parseManifests(text).documents[0];
  if (!doc) throw new Error('no document');
  return doc;
}

/** The explanation lines of `path` in `text`, joined by newlines. */
export function explainText(text: string, path: (string | number)[]): string {
  return explainPath(docOf(text), path).join('\n');
}
