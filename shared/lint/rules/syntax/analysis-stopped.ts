/**
 * `analysis-stopped`: a document over the analysis budget (shared/model/complexity.ts). The engine reports it
 * itself: the document's YAML syntax is checked, its rules are not run, so the editor never freezes on it.
 */
import { engineReported } from '../../helpers/engineReported';
import type { Rule } from '../../types';

export const analysisStoppedRule: Rule = engineReported({
  id: 'analysis-stopped',
  family: 'syntax',
  severity: 'info',
  summary: 'The document is too large or complex to analyse: podlens checks its YAML syntax only.',
});
