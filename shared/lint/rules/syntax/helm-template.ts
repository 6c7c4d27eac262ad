/**
 * `helm-template`: Helm or Go-template markers. The engine reports them itself and skips the document, whose
 * rendered form is unknown until `helm template` runs.
 */
import { engineReported } from '../../helpers/engineReported';
import type { Rule } from '../../types';

export const helmTemplateRule: Rule = engineReported({
  id: 'helm-template',
  family: 'syntax',
  severity: 'info',
  summary: 'Helm/Go-template markers found: the templates are not analysed until rendered.',
});
