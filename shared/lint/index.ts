/** Public entry of the lint engine. */
import type { ManifestDocument } from '../model';
import { syntaxFindings } from './syntax';
import type { Finding } from './types';

export { syntaxFindings, templateFinding } from './syntax';
export * from './types';

/** All findings for one document. Never throws on user input. */
export function lintDocument(doc: ManifestDocument): Finding[] {
  return syntaxFindings(doc);
}
