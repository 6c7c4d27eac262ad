/**
 * `missing-required-field`: a key validation requires (`name` and `image` of every container, `containers`,
 * `containerPort`, `mountPath`, …), absent or empty. Keys the API server defaults first (`imagePullPolicy`,
 * `protocol`, `restartPolicy`, probe thresholds, …) are never required here. Partial documents (kustomize patches)
 * carry only what they change, so the engine drops these findings there.
 */
import { shortTypeName } from '../../../k8s/schema';
import { formatPath } from '../../../util/range';
import { quoted } from '../../message';
import type { Rule } from '../../types';
import { schemaIssues } from './_helpers/walk';

export const missingRequiredFieldRule: Rule = {
  meta: {
    id: 'missing-required-field',
    family: 'structure',
    severity: 'error',
    summary: 'A field the API server requires is missing or empty (container name or image, containers, …).',
  },
  check(ctx) {
    for (const issue of schemaIssues(ctx.doc, ctx.target)) {
      if (issue.kind !== 'required') continue;
      const where = formatPath(issue.path);
      const type = shortTypeName(issue.owner.name);
      const what =
        issue.reason === 'empty'
          ? `${quoted(issue.field)} of ${type} is empty`
          : `${type} is missing ${quoted(issue.field)}`;
      ctx.report({
        path: issue.path,
        range: issue.anchor,
        message: `${what}: the API server requires it`,
        detail: `The API server rejects the object: ${where}: Required value`,
        needsWholeObject: true,
      });
    }
  },
};
