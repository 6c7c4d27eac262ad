/**
 * `unknown-field`: a key the type does not have. `kubectl apply` validates fields strictly (the default since
 * kubectl 1.27), so the API server rejects the whole object: `strict decoding error: unknown field "…"`.
 */
import { shortTypeName } from '../../../k8s/schema';
import { versionLabel } from '../../../k8s/version/target';
import { formatPath } from '../../../util/range';
import { quoted } from '../../message';
import type { Fix, Rule } from '../../types';
import { schemaIssues } from './_helpers/walk';

export const unknownFieldRule: Rule = {
  meta: {
    id: 'unknown-field',
    family: 'structure',
    severity: 'error',
    summary: 'A field the Kubernetes type does not have (misspelled or misplaced): kubectl apply rejects the object.',
  },
  check(ctx) {
    for (const issue of schemaIssues(ctx.doc, ctx.target)) {
      if (issue.kind !== 'unknown-field') continue;
      if (issue.needs !== undefined) {
        ctx.report({
          path: issue.path,
          range: issue.keyRange,
          message: `\`${issue.key}\` needs ${versionLabel(issue.needs)} or newer; your target is ${versionLabel(ctx.target.minor)}`,
          detail:
            `${shortTypeName(issue.owner.name)}.${issue.key} arrived in Kubernetes ${versionLabel(issue.needs)}: an older ` +
            `API server rejects the object: strict decoding error: unknown field "${formatPath(issue.path)}". ` +
            'Remove the field or raise podlens.kubernetesVersion if the cluster is newer.',
        });
        continue;
      }
      const guess = issue.suggestion;
      const fixes: Fix[] | undefined = guess
        ? [{ title: `Change to "${guess}"`, edits: [{ range: issue.keyRange, newText: guess }], isPreferred: true }]
        : undefined;
      const hint = guess ? ` Did you mean "${guess}"?` : '';
      ctx.report({
        path: issue.path,
        range: issue.keyRange,
        message: `Unknown field ${quoted(issue.key)} in ${shortTypeName(issue.owner.name)}.${hint}`,
        detail: `kubectl apply rejects the object: strict decoding error: unknown field "${formatPath(issue.path)}"`,
        ...(fixes && { fixes }),
      });
    }
  },
};
